/// <reference types="node" />
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The emulator as plain JavaScript: `dist-emulator/main.js` and the pfx pool's `pfx-worker.js` beside it, our
 * TypeScript bundled, packages left to node_modules. Run as `node dist-emulator/main.js` it needs no TypeScript
 * loader: tsx's loader thread and transforms cost ~54 MiB of the server's RSS (idle with 10,000 certificates:
 * 160.6 → 106.7 MiB) and ~15 MiB more in each pool thread.
 */

const repoRoot = resolve(import.meta.dirname, '..');
export const EMULATOR_BUNDLE_DIR = join(repoRoot, 'dist-emulator');
export const EMULATOR_BUNDLE_MAIN = join(EMULATOR_BUNDLE_DIR, 'main.js');

/**
 * Node options every launcher passes before main.js (package.json's scripts spell them out; a test holds them
 * equal). V8's young generation grows to 2 × 16 MiB under load and stays committed; at 2 × 4 MiB the bench's
 * RSS after its workloads was ~20 MiB lower at the same CPU per request (2 × 2 MiB promoted more and grew
 * the old generation instead).
 */
export const EMULATOR_NODE_ARGS: readonly string[] = ['--max-semi-space-size=4'];

/** Writes the bundle; a file whose bytes changed is replaced by a rename, so a process starting meanwhile reads whole files. */
export async function buildEmulator(): Promise<void> {
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: { main: 'emulator/main.ts', 'pfx-worker': 'emulator/arm/certificates/pfx-worker.ts' },
    outdir: EMULATOR_BUNDLE_DIR,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(EMULATOR_BUNDLE_DIR, { recursive: true });
  for (const file of result.outputFiles) {
    if (sameBytes(file.path, file.contents)) continue;
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

function sameBytes(path: string, contents: Uint8Array): boolean {
  try {
    return Buffer.compare(readFileSync(path), contents) === 0;
  } catch {
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildEmulator();
