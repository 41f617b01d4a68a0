import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../server.ts';

/**
 * Issue 13, finding 3: emulator.db (and -wal, -shm) were created 0644 and hold the identity provider's private
 * signing key, so any local user could mint Owner tokens. Now: the folder 0700, its files 0600, tightened on start.
 */

const root = mkdtempSync(join(tmpdir(), 'certportal-modes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);
const secrets = (location: string) => [
  join(location, 'emulator.db'),
  join(location, 'emulator.db-wal'),
  join(location, 'emulator.db-shm'),
  join(location, 'tls', 'localhost-key.pem'),
];

async function runOnce(location: string): Promise<string[]> {
  const logs: string[] = [];
  const emulator = await startEmulator({ port: 0, location, appDir: null, seedDemo: true, log: (line) => logs.push(line) });
  // A write after start, so that SQLite has made its -wal and -shm while the server runs.
  emulator.db.prepare("INSERT INTO settings (key, value) VALUES ('modes-test', 'x') ON CONFLICT(key) DO UPDATE SET value = 'y'").run();
  for (const file of secrets(location)) expect(existsSync(file), file).toBe(true);
  const modes = Object.fromEntries([location, join(location, 'tls'), ...secrets(location)].map((path) => [path, modeOf(path)]));
  await emulator.close();
  expect(modes).toEqual({
    [location]: '700',
    [join(location, 'tls')]: '700',
    ...Object.fromEntries(secrets(location).map((file) => [file, '600'])),
  });
  return logs;
}

describe('secrets at rest', () => {
  it('a new --location is 0700, the database with its -wal and -shm and the TLS key are 0600', async () => {
    // The test process has the usual umask (022): without the emulator's care these would be 0755 / 0644.
    const previous = process.umask(0o022);
    try {
      await runOnce(join(root, 'fresh'));
    } finally {
      process.umask(previous);
    }
  });

  it('an existing world-readable folder is tightened on start, and the log says so', async () => {
    const location = join(root, 'loose');
    await runOnce(location);
    // As an older emulator left it: everything readable by everyone.
    chmodSync(location, 0o755);
    chmodSync(join(location, 'tls'), 0o755);
    for (const file of secrets(location)) if (existsSync(file)) chmodSync(file, 0o644);
    const logs = await runOnce(location);
    expect(logs.filter((line) => line.startsWith('tightened'))).toEqual(
      expect.arrayContaining([
        `tightened ${location} from 0755 to 0700: it holds secrets`,
        `tightened ${join(location, 'emulator.db')} from 0644 to 0600: it holds secrets`,
        `tightened ${join(location, 'tls', 'localhost-key.pem')} from 0644 to 0600: it holds secrets`,
      ]),
    );
  });
});
