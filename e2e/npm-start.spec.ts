import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO } from './support/sign-in';

let child: ChildProcess | undefined;
const location = mkdtempSync(join(tmpdir(), 'certportal-npm-start-'));

test.afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((done) => child!.once('exit', done));
  }
  rmSync(location, { recursive: true, force: true });
});

test('`npm start` builds, prints a URL, and that URL shows the portal shell', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  // The README's command, with a free port and a throw-away state folder so it cannot collide with a real one.
  child = spawn('npm', ['start', '--', '--port', '0', '--location', location], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } });
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
});
