import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { startTestEmulator, type TestEmulator } from '../test-support/test-emulator.ts';
import { describe, fuzz, type FuzzRequest, type Reply } from '../test-support/fuzz/fuzz-harness.ts';
import { commonHeaders, knownParameters, serviceRequests } from '../test-support/fuzz/fuzz-targets.ts';
import { headerText } from '../test-support/fuzz/fuzz-arbitraries.ts';
import { fuzzFiles } from '../test-support/fuzz/fuzz-files.ts';
import { asmRoutes } from '../asm/asm-routes.ts';

/** Issue 13: generated and mutated requests at every classic Service Management route (XML, DER bodies). */

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ seedDemo: true, provisioningDelayMs: 0 });
});
afterAll(() => emulator.close());

/**
 * Service Management answers its errors in XML (`<Error><Code>…`). Not its business: 431 (Node's parser refuses
 * the headers before any service), and a path whose `..` climbs out of /asm (URL resolution: another service's 404).
 */
function asmErrorShape(request: FuzzRequest, reply: Reply): void {
  if (reply.status < 400 || reply.status === 431 || request.method === 'HEAD') return;
  if (!new URL(request.path, 'https://localhost').pathname.startsWith('/asm/')) return;
  expect(reply.contentType, describe(request)).toMatch(/xml/);
  expect(reply.body, describe(request)).toMatch(/<Error[\s>][\s\S]*<Code>\w+<\/Code>/);
}

it('Service Management: no 5xx, no stored change from a refused request, /healthz answers meanwhile', { timeout: 120_000 }, async () => {
  const bearer = async (user: 'alice' | 'bob' | 'carol', audience: 'arm' | 'asm' = 'asm', offset = 0) =>
    `Bearer ${await emulator.token(user, audience, offset)}`;
  const alice = await bearer('alice');
  const authorizations = [
    alice,
    alice,
    alice,
    alice,
    await bearer('bob'),
    await bearer('carol'),
    await bearer('alice', 'arm'),
    await bearer('alice', 'asm', -7200),
    undefined,
  ];
  const versionHeader = fc.record(
    { 'x-ms-version': fc.oneof({ weight: 5, arbitrary: fc.constantFrom('2014-10-01', '2012-03-01') }, { weight: 1, arbitrary: headerText }) },
    { requiredKeys: [] },
  );
  const requests = serviceRequests(
    {
      prefix: '/asm',
      routes: asmRoutes,
      versions: ['2014-10-01'],
      authorizations,
      extraHeaders: fc.tuple(commonHeaders, versionHeader).map(([a, b]) => ({ ...a, ...b })),
      files: fuzzFiles(),
    },
    knownParameters(emulator),
  );
  const sent = await fuzz(
    {
      name: 'Service Management',
      db: emulator.db,
      origin: emulator.url.replace(/\/$/, ''),
      ca: readFileSync(emulator.caPath),
      runs: 3000,
      seconds: 12,
      check: asmErrorShape,
    },
    requests,
  );
  expect(sent).toBeGreaterThan(30);
});
