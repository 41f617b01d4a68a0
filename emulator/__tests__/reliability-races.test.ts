import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../test-support/test-emulator.ts';
import { API_VERSION, certificatesPath, keyVaultBody } from '../test-support/child-emulator.ts';

/**
 * Races (issue 9, reliability 2).
 * Protection checked: the If-Match / existence precondition of a certificate PUT is decided again inside
 * the write transaction (BEGIN IMMEDIATE in create-or-update-certificate.ts), not only by the early check
 * before the slow part (opening the .pfx / reading Key Vault). Without the re-check every one of the 20
 * PUTs passes the early check with the same ETag and all of them answer 200.
 *
 * The Service Management half ("40 concurrent adds around the limit: never more than 25 stored") is
 * emulator/asm/__tests__/management-certificates-api.test.ts, "holds under 40 concurrent adds to a
 * subscription holding 20": it is not repeated here.
 */

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ seedDemo: true });
});
afterAll(() => emulator.close());

const collection = certificatesPath().replace(/^\/arm/, '');
const json = { 'Content-Type': 'application/json' };

describe('races on API Management certificates', () => {
  it("20 concurrent PUTs with the same If-Match: exactly one 200, nineteen 412, and the stored ETag is the winner's", async () => {
    const path = `${collection}/race-if-match?${API_VERSION}`;
    const created = await emulator.arm(path, { method: 'PUT', headers: json, body: keyVaultBody() });
    expect(created.status).toBe(201);
    const etag = created.headers.get('etag')!;
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => emulator.arm(path, { method: 'PUT', headers: { ...json, 'If-Match': etag }, body: keyVaultBody() })),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    for (const r of replies.filter((x) => x.status === 412)) expect(((await r.json()) as { error: { code: string } }).error.code).toBe('PreconditionFailed');
    const winner = replies.find((r) => r.status === 200)!.headers.get('etag');
    const now = await emulator.arm(path);
    expect(now.headers.get('etag')).toBe(winner);
    expect(winner).not.toBe(etag);
  });

  it('20 concurrent creates of one new id without If-Match: exactly one 201, the rest 409', async () => {
    const path = `${collection}/race-create?${API_VERSION}`;
    const replies = await Promise.all(Array.from({ length: 20 }, () => emulator.arm(path, { method: 'PUT', headers: json, body: keyVaultBody() })));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  });
});
