import { describe, expect, it } from 'vitest';
import {
  accessPath,
  expectLegacyError,
  fixtures,
  inAnHour,
  legacy,
  LEGACY,
  listSecrets,
  namedToken,
  partnerService,
  roundTrip,
  service,
  servicePath,
  setUpDirectEmulator,
  shortToken,
  signature,
} from './direct-fixtures.ts';

setUpDirectEmulator();

const API = 'api-version=2024-05-01';
const certificates = (name: string, authorization: string | null) => legacy(name, `/certificates?${LEGACY}`, authorization);

describe('SharedAccessSignature: accepted', () => {
  it('a token computed here with node:crypto, in both forms, with either key', async () => {
    const { primaryKey, secondaryKey, id } = await listSecrets();
    expect(id).toBe('integration');
    for (const token of [
      namedToken(primaryKey, id, inAnHour()),
      namedToken(secondaryKey, id, inAnHour()),
      shortToken(primaryKey, id, inAnHour()),
      shortToken(secondaryKey, id, inAnHour()),
    ]) {
      expect((await certificates(service, token)).status, token.slice(0, 40)).toBe(200);
    }
  });

  it("ARM's users/{userId}/token returns one the legacy API takes", async () => {
    const expiry = new Date(Date.now() + 86_400_000).toISOString();
    const response = await fixtures.emulator.arm(`${servicePath(service)}/users/1/token?${API}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ properties: { keyType: 'secondary', expiry } }),
    });
    expect(response.status).toBe(200);
    const { value } = (await response.json()) as { value: string };
    const [uid, ex, sn] = value.split('&');
    expect(uid).toBe('1');
    expect(ex).toMatch(/^\d{12}$/);
    expect(sn).toBe(signature((await listSecrets()).secondaryKey, '1', ex));
    expect((await certificates(service, `SharedAccessSignature ${value}`)).status).toBe(200);
  });
});

describe('SharedAccessSignature: 401 in the legacy error shape', () => {
  it('missing, not SAS, malformed', async () => {
    await expectLegacyError(await certificates(service, null), 401, 'Unauthorized');
    await expectLegacyError(await certificates(service, 'Bearer abc'), 401, 'Unauthorized', /SharedAccessSignature/);
    await expectLegacyError(await certificates(service, 'SharedAccessSignature nonsense'), 401, 'Unauthorized', /uid=/);
    await expectLegacyError(await certificates(service, 'SharedAccessSignature uid=integration&ex=tomorrow&sn=AAAA'), 401, 'Unauthorized', /expiry 'tomorrow'/);
  });

  it('tampered: another expiry or identifier under the same signature, or a changed signature', async () => {
    const { primaryKey, id } = await listSecrets();
    const expiry = roundTrip(inAnHour());
    const sn = signature(primaryKey, id, expiry);
    const later = roundTrip(new Date(Date.now() + 7_200_000));
    await expectLegacyError(await certificates(service, `SharedAccessSignature uid=${id}&ex=${later}&sn=${sn}`), 401, 'Unauthorized', /signature/);
    await expectLegacyError(await certificates(service, `SharedAccessSignature uid=1&ex=${expiry}&sn=${sn}`), 401, 'Unauthorized', /signature/);
    await expectLegacyError(await certificates(service, `SharedAccessSignature uid=other&ex=${expiry}&sn=${sn}`), 401, 'Unauthorized', /identifier/);
    const flipped = (sn[0] === 'A' ? 'B' : 'A') + sn.slice(1);
    await expectLegacyError(await certificates(service, `SharedAccessSignature uid=${id}&ex=${expiry}&sn=${flipped}`), 401, 'Unauthorized', /signature/);
  });

  it('expired, in both forms', async () => {
    const { primaryKey, id } = await listSecrets();
    const past = new Date(Date.now() - 120_000);
    await expectLegacyError(await certificates(service, namedToken(primaryKey, id, past)), 401, 'Unauthorized', /expired/);
    await expectLegacyError(await certificates(service, shortToken(primaryKey, id, past)), 401, 'Unauthorized', /expired/);
  });

  it('signed with a wrong key, or with a key since regenerated', async () => {
    const { primaryKey, id } = await listSecrets();
    await expectLegacyError(await certificates(service, namedToken('not-the-key', id, inAnHour())), 401, 'Unauthorized', /signature/);
    const before = namedToken(primaryKey, id, inAnHour());
    expect((await certificates(service, before)).status).toBe(200);
    const regenerated = await fixtures.emulator.arm(`${accessPath(service)}/regeneratePrimaryKey?${API}`, { method: 'POST' });
    expect(regenerated.status).toBe(204);
    await expectLegacyError(await certificates(service, before), 401, 'Unauthorized', /signature/);
    const after = await listSecrets();
    expect(after.primaryKey).not.toBe(primaryKey);
    expect((await certificates(service, namedToken(after.primaryKey, id, inAnHour()))).status).toBe(200);
  });

  it('while the service has its management API disabled; enabled through ARM, the same token works', async () => {
    const { primaryKey, id, enabled } = await listSecrets(partnerService);
    expect(enabled).toBe(false);
    const token = namedToken(primaryKey, id, inAnHour());
    await expectLegacyError(await certificates(partnerService, token), 401, 'Unauthorized', /disabled/);
    const access = await fixtures.emulator.arm(`${accessPath(partnerService)}?${API}`);
    expect(((await access.json()) as { properties: { enabled: boolean } }).properties.enabled).toBe(false);
    const patch = (ifMatch: string, enabled: boolean) =>
      fixtures.emulator.arm(`${accessPath(partnerService)}?${API}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'If-Match': ifMatch },
        body: JSON.stringify({ properties: { enabled } }),
      });
    expect((await patch('"stale"', true)).status).toBe(412);
    const on = await patch(access.headers.get('etag')!, true);
    expect(on.status).toBe(200);
    expect((await certificates(partnerService, token)).status).toBe(200);
    expect((await patch('*', false)).status).toBe(200);
    await expectLegacyError(await certificates(partnerService, token), 401, 'Unauthorized', /disabled/);
  });
});

describe('ARM tenant access: secrets and writes for Owner or Contributor only', () => {
  it('a Reader may read the switch, not the keys, and may not regenerate, switch or mint tokens', async () => {
    const read = await fixtures.emulator.arm(`${accessPath(service)}?${API}`, { user: 'bob' });
    expect(read.status).toBe(200);
    const body = (await read.json()) as Record<string, unknown>;
    expect(JSON.stringify(body)).not.toMatch(/primaryKey|secondaryKey/);
    for (const [path, init] of [
      [`${accessPath(service)}/listSecrets`, { method: 'POST' }],
      [`${accessPath(service)}/regenerateSecondaryKey`, { method: 'POST' }],
      [accessPath(service), { method: 'PATCH', headers: { 'If-Match': '*', 'Content-Type': 'application/json' }, body: '{"properties":{"enabled":false}}' }],
      [`${servicePath(service)}/users/1/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }],
    ] as const) {
      const response = await fixtures.emulator.arm(`${path}?${API}`, { ...init, user: 'bob' });
      expect(response.status, path).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('AuthorizationFailed');
    }
  });

  it('refuses a token request that is past 30 days, in the past, or for an unknown user', async () => {
    const token = (userId: string, properties: unknown) =>
      fixtures.emulator.arm(`${servicePath(service)}/users/${userId}/token?${API}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ properties }),
      });
    expect((await token('1', { keyType: 'primary', expiry: new Date(Date.now() + 31 * 86_400_000).toISOString() })).status).toBe(400);
    expect((await token('1', { keyType: 'primary', expiry: '2001-01-01T00:00:00Z' })).status).toBe(400);
    expect((await token('1', { keyType: 'tertiary', expiry: inAnHour().toISOString() })).status).toBe(400);
    expect((await token('someone', { keyType: 'primary', expiry: inAnHour().toISOString() })).status).toBe(404);
  });
});
