import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from '../test-support/test-emulator.ts';
import { API_VERSION, certificatesPath, keyVaultBody } from '../test-support/child-emulator.ts';

/**
 * Under synchronous = NORMAL a commit is not on disk when it returns: the pipeline answers a request that
 * wrote only once the WAL is fsynced past its commit (store/durable-commits.ts). Would fail if the answer
 * were sent before that fsync ended.
 */

let emulator: TestEmulator;
let location: string;

beforeAll(async () => {
  location = mkdtempSync(join(tmpdir(), 'certportal-durable-'));
  emulator = await startTestEmulator({ seedDemo: true, location });
});
afterAll(async () => {
  await emulator.close();
  rmSync(location, { recursive: true, force: true });
});

const collection = certificatesPath().slice('/arm'.length);

describe('a write is on disk before its answer', () => {
  it('every PUT and DELETE answered 2xx has the WAL synced past its commit', async () => {
    const alice = { Authorization: `Bearer ${await emulator.token('alice')}` };
    for (let i = 0; i < 5; i++) {
      const put = await emulator.arm(`${collection}/durable-${i}?${API_VERSION}`, {
        method: 'PUT',
        headers: { ...alice, 'Content-Type': 'application/json' },
        body: keyVaultBody(),
      });
      expect(put.status).toBe(201);
      expect(emulator.commits.synced()).toBe(emulator.commits.writes());
      const removed = await emulator.arm(`${collection}/durable-${i}?${API_VERSION}`, { method: 'DELETE', headers: { ...alice, 'If-Match': '*' } });
      expect(removed.status).toBe(200);
      expect(emulator.commits.synced()).toBe(emulator.commits.writes());
    }
  });
});
