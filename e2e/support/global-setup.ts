import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildEmulator, EMULATOR_BUNDLE_MAIN, EMULATOR_NODE_ARGS } from '../../emulator/build-emulator.ts';

/**
 * Starts one emulator for the run, on a free port, in memory, with demo data, serving dist/ (built by
 * `npm run test:e2e`). Its log goes to test-results/emulator.log, which a spec reads to prove no token is logged.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  mkdirSync('test-results', { recursive: true });
  const logPath = resolve('test-results/emulator.log');
  const log = createWriteStream(logPath);
  // The emulator as `npm start` runs it: the build, with its Node options.
  await buildEmulator();
  const child = spawn(process.execPath, [...EMULATOR_NODE_ARGS, EMULATOR_BUNDLE_MAIN, 'serve', '--port', '0', '--in-memory', '--demo'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env },
  });
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error('the emulator did not print its URL within 60 s')), 60_000);
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      log.write(chunk);
      buffered += chunk.toString();
      const match = /ready at (https:\/\/localhost:\d+\/)/.exec(buffered);
      if (match) {
        clearTimeout(timer);
        done(match[1]);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => log.write(chunk));
    child.on('exit', (code) => fail(new Error(`the emulator exited with ${code} before it was ready; see ${logPath}`)));
  });
  process.env.CERTPORTAL_E2E_URL = url;
  process.env.CERTPORTAL_E2E_LOG = logPath;
  return async () => {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    log.end();
  };
}
