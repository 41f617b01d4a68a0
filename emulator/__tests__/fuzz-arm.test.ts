import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startTestEmulator, type TestEmulator } from '../test-support/test-emulator.ts';
import { describe, fuzz, type FuzzRequest, type Reply } from '../test-support/fuzz/fuzz-harness.ts';
import { commonHeaders, knownParameters, serviceRequests } from '../test-support/fuzz/fuzz-targets.ts';
import { fuzzFiles } from '../test-support/fuzz/fuzz-files.ts';
import { armRoutes } from '../arm/arm-routes.ts';
import { API_VERSIONS } from '../arm/api-versions.ts';

/** Issue 13: generated and mutated requests at every ARM route. Seed and size are printed; see fuzz-harness.ts. */

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ seedDemo: true, provisioningDelayMs: 0 });
});
afterAll(() => emulator.close());

/**
 * ARM answers its errors as JSON `{ error: { code, message } }`. Except 431: Node's HTTP parser refuses headers over
 * 16 KiB before any service sees the request (no body, connection closed).
 */
function armErrorShape(request: FuzzRequest, reply: Reply): void {
  if (reply.status < 400 || reply.status === 431 || request.method === 'HEAD') return;
  expect(reply.contentType, describe(request)).toMatch(/^application\/json/);
  expect((JSON.parse(reply.body) as { error?: { code?: unknown } }).error?.code, describe(request)).toEqual(expect.any(String));
}

it('ARM: no 5xx, no stored change from a refused request, /healthz answers meanwhile', { timeout: 120_000 }, async () => {
  const bearer = async (user: 'alice' | 'bob' | 'carol', audience: 'arm' | 'asm' = 'arm', offset = 0) =>
    `Bearer ${await emulator.token(user, audience, offset)}`;
  const alice = await bearer('alice');
  const authorizations = [
    alice,
    alice,
    alice,
    alice,
    await bearer('bob'),
    await bearer('carol'),
    await bearer('alice', 'asm'),
    await bearer('alice', 'arm', -7200),
    `${alice.slice(0, -6)}AAAAAA`,
    undefined,
  ];
  const requests = serviceRequests(
    {
      prefix: '/arm',
      routes: armRoutes,
      versions: Object.values(API_VERSIONS).flat(),
      authorizations,
      extraHeaders: commonHeaders,
      files: fuzzFiles(),
    },
    knownParameters(emulator),
  );
  const sent = await fuzz(
    { name: 'ARM', db: emulator.db, origin: emulator.url.replace(/\/$/, ''), ca: readFileSync(emulator.caPath), runs: 3000, seconds: 15, check: armErrorShape },
    requests,
  );
  expect(sent).toBeGreaterThan(30);
});
