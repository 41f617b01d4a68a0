/// <reference types="node" />
import { execFileSync } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Emulator servers started from this checkout that are still running: `ps -eo pid,args` lines whose command
 * runs `emulator/main.ts` or its build `dist-emulator/main.js` (serve, not the one-shot `token` command) and
 * whose working directory is this checkout. The working directory keeps other checkouts' emulators (other
 * engineers, other CI jobs) out.
 */

const repoRoot = resolve(import.meta.dirname, '../..');

export interface EmulatorProcess {
  pid: number;
  args: string;
}

function cwdOf(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return undefined; // gone meanwhile, or not ours to read
  }
}

export function runningEmulators(filter: (args: string) => boolean = () => true): EmulatorProcess[] {
  const table = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const found: EmulatorProcess[] = [];
  for (const line of table.split('\n')) {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const pid = Number(match[1]);
    const args = match[2];
    if (pid === process.pid || !/emulator\/main\.[jt]s(\s|$)/.test(args) || /emulator\/main\.[jt]s\s+token(\s|$)/.test(args)) continue;
    if (cwdOf(pid) !== repoRoot || !filter(args)) continue;
    found.push({ pid, args });
  }
  return found;
}

/** Polls until no emulator process matches `filter`, or the time is up: then returns the ones left. */
export async function waitUntilNoEmulator(filter: (args: string) => boolean, timeoutMs = 10_000): Promise<EmulatorProcess[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = runningEmulators(filter);
    if (left.length === 0 || Date.now() >= deadline) return left;
    await new Promise((done) => setTimeout(done, 100));
  }
}
