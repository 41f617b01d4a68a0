import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO } from './support/sign-in';
import { waitUntilNoEmulator } from '../emulator/test-support/leftover-emulators';

let child: ChildProcess | undefined;
const location = mkdtempSync(join(tmpdir(), 'certportal-npm-start-'));

/** Signals npm's whole process group (npm, sh, the server): SIGTERM to npm alone does not reach the server. */
function signalGroup(signal: NodeJS.Signals): void {
  try {
    process.kill(-child!.pid!, signal);
  } catch {
    // the group is gone already
  }
}

test.afterAll(async () => {
  if (child) signalGroup('SIGKILL');
  rmSync(location, { recursive: true, force: true });
});

test('`npm start` builds, prints a URL, and that URL shows the portal shell', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  // The README's command, with a free port and a throw-away state folder so it cannot collide with a real one.
  child = spawn('npm', ['start', '--', '--port', '0', '--location', location], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env },
    // Its own process group, so that stopping it stops the server too.
    detached: true,
  });
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`npm start printed no URL within 150 s:\n${out}`)), 150_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /certportal emulator ready at (https:\/\/localhost:\d+\/)/.exec(out);
      if (match) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child!.stdout!.on('data', read);
    child!.stderr!.on('data', read);
    child!.on('exit', (code) => fail(new Error(`npm start exited with ${code}:\n${out}`)));
  });
  await page.goto(url);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Username').fill(DEMO.alice.username);
  await page.getByLabel('Password').fill(DEMO.alice.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Portal menu' })).toBeVisible();
  await expect(page.getByRole('button', { name: `Account: ${DEMO.alice.name}` })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('npm-start-shell.png') });

  // Stopping `npm start` stops its server: nothing serving this location is left.
  signalGroup('SIGTERM');
  expect(await waitUntilNoEmulator((args) => args.includes(location), 10_000)).toEqual([]);
});
