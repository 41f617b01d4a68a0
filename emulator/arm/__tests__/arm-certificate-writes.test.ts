import { describe, expect, it } from 'vitest';
import { APIM_DEMO } from '../../seed/demo-ids.ts';
import {
  api,
  certificates,
  emulator,
  etagOf,
  expectError,
  goodPfx,
  openssl,
  put,
  setUpArmErrorsEmulator,
  userIdentityClientId,
  vault,
} from './arm-error-fixtures.ts';

setUpArmErrorsEmulator();

describe('PUT: the body', () => {
  const path = `${certificates}/body-checks?${api}`;

  it('must be JSON with properties', async () => {
    await expectError(await put(path, '{not json'), 400, 'InvalidRequestContent', /could not be deserialized/);
    await expectError(await put(path, ''), 400, 'InvalidRequestContent', /body is empty/);
    await expectError(await put(path, { data: goodPfx }), 400, 'ValidationError', /properties is required/);
    const xml = await emulator.arm(path, { method: 'PUT', headers: { 'Content-Type': 'application/xml' }, body: '<x/>' });
    await expectError(xml, 415, 'UnsupportedMediaType');
  });

  it('needs data or keyVault: not both, not neither', async () => {
    const both = await expectError(
      await put(path, { properties: { data: goodPfx, password: 'pw', keyVault: { secretIdentifier: `${vault}/gateway-cert` } } }),
      400,
      'ValidationError',
      /not both/,
    );
    expect(both.target).toBe('properties');
    await expectError(await put(path, { properties: { password: 'pw' } }), 400, 'ValidationError', /either properties.data/);
    await expectError(await put(path, { properties: {} }), 400, 'ValidationError', /either properties.data/);
  });

  it('refuses data that is not a PKCS#12 file with its private key', async () => {
    const key = openssl.key('bad', 'rsa');
    openssl.certificate('bad', key, '/CN=bad.contoso.com', 30);
    openssl.run('x509', '-in', 'bad.crt', '-outform', 'DER', '-out', 'bad.cer');
    const cases: Array<[string, string, RegExp, string]> = [
      ['not base64', '!!!not base64!!!', /not base64/, 'properties.data'],
      ['a .cer', openssl.read('bad.cer').toString('base64'), /certificate without its private key \(\.cer\), not a PKCS#12/, 'properties.data'],
      ['PEM text', openssl.read('bad.crt').toString('base64'), /PEM text file, not a PKCS#12/, 'properties.data'],
      [
        'plain text',
        Buffer.from('hello, this is not a certificate at all, just words in a file').toString('base64'),
        /not a PKCS#12 \(\.pfx\) file/,
        'properties.data',
      ],
      ['no private key', openssl.pfx('nokey', null, 'bad.crt', 'pw').toString('base64'), /holds no private key/, 'properties.data'],
      ['wrong password', openssl.pfx('badpw', key, 'bad.crt', 'right').toString('base64'), /password is incorrect/, 'properties.password'],
    ];
    for (const [what, data, message, target] of cases) {
      const error = await expectError(await put(path, { properties: { data, password: 'pw' } }), 400, 'ValidationError', message);
      expect(error.target, what).toBe(target);
      expect(error.details?.[0]).toMatchObject({ code: 'ValidationError', target });
    }
    expect((await emulator.arm(`${certificates}/body-checks?${api}`)).status).toBe(404);
  });

  it('checks Key Vault references and identities', async () => {
    const cases: Array<[unknown, RegExp, string]> = [
      [{ secretIdentifier: 'not a url' }, /not a URL/, 'properties.keyVault.secretIdentifier'],
      [{ secretIdentifier: 'http://x.vault.azure.net/secrets/a' }, /https/, 'properties.keyVault.secretIdentifier'],
      [{ secretIdentifier: 'https://example.com/secrets/a' }, /not a Key Vault host/, 'properties.keyVault.secretIdentifier'],
      [{ secretIdentifier: `${vault}/a/not-a-version` }, /not a secret version/, 'properties.keyVault.secretIdentifier'],
      [{ secretIdentifier: `${vault}/gateway-cert`, identityClientId: 'me' }, /client id \(a GUID\)/, 'properties.keyVault.identityClientId'],
      [
        { secretIdentifier: `${vault}/gateway-cert`, identityClientId: '0b1f6471-0000-4000-8000-000000000000' },
        new RegExp(`no user-assigned identity.*${userIdentityClientId}`),
        'properties.keyVault.identityClientId',
      ],
      [{ secretIdentifier: `${vault}/deleted-cert` }, /\(SecretNotFound\).*deleted-cert/, 'properties.keyVault.secretIdentifier'],
      [{ secretIdentifier: `${vault}/restricted-cert` }, /\(Forbidden\).*system-assigned identity/, 'properties.keyVault.secretIdentifier'],
    ];
    for (const [keyVault, message, target] of cases) {
      const error = await expectError(await put(path, { properties: { keyVault } }), 400, 'ValidationError', message);
      expect(error.target).toBe(target);
    }
  });
});

describe('ETags and If-Match', () => {
  it('PUT: 201 new, 409 existing without If-Match, 412 stale, 200 matching or *', async () => {
    const path = `${certificates}/etag-put?${api}`;
    const body = { properties: { data: goodPfx, password: 'pw' } };
    await expectError(await put(path, body, { 'If-Match': '"AAAAAAAAAAA="' }), 412, 'PreconditionFailed');
    const created = await put(path, body);
    expect(created.status).toBe(201);
    const first = created.headers.get('etag')!;
    expect(first).toMatch(/^"[A-Za-z0-9+/=]+"$/);
    await expectError(await put(path, body), 409, 'Conflict', /If-Match/);
    await expectError(await put(path, body, { 'If-Match': '"stale"' }), 412, 'PreconditionFailed');
    const matched = await put(path, body, { 'If-Match': first });
    expect(matched.status).toBe(200);
    const second = matched.headers.get('etag')!;
    expect(second).not.toBe(first);
    await expectError(await put(path, body, { 'If-Match': first }), 412, 'PreconditionFailed');
    const star = await put(path, body, { 'If-Match': '*' });
    expect(star.status).toBe(200);
    expect(star.headers.get('etag')).not.toBe(second);
    expect(await etagOf('etag-put')).toBe(star.headers.get('etag'));
  });

  it('concurrent PUTs with the same If-Match: exactly one wins', async () => {
    const path = `${certificates}/etag-race?${api}`;
    const body = { properties: { data: goodPfx, password: 'pw' } };
    expect((await put(path, body)).status).toBe(201);
    const etag = await etagOf('etag-race');
    const statuses = await Promise.all(Array.from({ length: 8 }, () => put(path, body, { 'If-Match': etag }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(7);
  });

  it('DELETE: If-Match required, 412 stale, 400 naming the policy that uses it, 200 then 204', async () => {
    const path = `${certificates}/etag-delete?${api}`;
    expect((await put(path, { properties: { data: goodPfx, password: 'pw' } })).status).toBe(201);
    const error = await expectError(await emulator.arm(path, { method: 'DELETE' }), 400, 'ValidationError', /requires an If-Match header/);
    expect(error.target).toBe('If-Match');
    await expectError(await emulator.arm(path, { method: 'DELETE', headers: { 'If-Match': '"stale"' } }), 412, 'PreconditionFailed');
    const deleted = await emulator.arm(path, { method: 'DELETE', headers: { 'If-Match': await etagOf('etag-delete') } });
    expect(deleted.status).toBe(200);
    expect((await emulator.arm(path, { method: 'DELETE', headers: { 'If-Match': '*' } })).status).toBe(204);

    const inUse = await expectError(
      await emulator.arm(`${certificates}/${APIM_DEMO.certificateInUse}?${api}`, { method: 'DELETE', headers: { 'If-Match': '*' } }),
      400,
      'CertificateInUse',
    );
    expect(inUse.message).toContain(`policy '${APIM_DEMO.policyUsingIt}'`);
    const backend = await expectError(
      await emulator.arm(`${certificates}/inventory-backend?${api}`, { method: 'DELETE', headers: { 'If-Match': '*' } }),
      400,
      'CertificateInUse',
    );
    expect(backend.message).toContain("backend 'inventory-service'");
  });

  it('refreshSecret only for Key Vault certificates', async () => {
    await expectError(
      await emulator.arm(`${certificates}/payments-client/refreshSecret?${api}`, { method: 'POST' }),
      400,
      'ValidationError',
      /not referenced from Key Vault/,
    );
    await expectError(await emulator.arm(`${certificates}/nope/refreshSecret?${api}`, { method: 'POST' }), 404, 'ResourceNotFound');
  });
});
