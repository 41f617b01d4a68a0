import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../../test-support/test-emulator.ts';
import { API_VERSION, certificatesPath, keyVaultBody } from '../../test-support/child-emulator.ts';
import { PFX_THREAD_IDLE_MS, pfxPoolThreadCount } from '../certificates/pfx-pool.ts';

/** A pool thread is a V8 heap of its own (~20 MiB): none while nothing is opened, none kept long after. */

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ seedDemo: true });
});
afterAll(async () => {
  await emulator.close();
});

const certificates = certificatesPath().replace(/^\/arm/, '');

describe('the .pfx worker pool', () => {
  it('starts no thread for reads, one for the first file, and lets it go once idle', async () => {
    expect((await emulator.arm(`${certificates}?${API_VERSION}`)).status).toBe(200);
    expect(pfxPoolThreadCount()).toBe(0);

    const put = await emulator.arm(`${certificates}/pool-thread?${API_VERSION}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: keyVaultBody(),
    });
    expect(put.status).toBe(201);
    expect(pfxPoolThreadCount()).toBe(1);

    const deadline = Date.now() + PFX_THREAD_IDLE_MS + 5_000;
    while (pfxPoolThreadCount() > 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
    expect(pfxPoolThreadCount()).toBe(0);
  });
});
