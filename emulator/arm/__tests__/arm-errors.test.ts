import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../../test-support/test-emulator.ts';
import { APIM_DEMO, DEMO_SUBSCRIPTIONS, DEMO_USERS } from '../../seed/demo-ids.ts';
import { OpensslWorkshop } from './openssl-fixtures.ts';

const { subscriptionId, resourceGroup, service, userIdentityClientId } = APIM_DEMO.production;
const api = 'api-version=2024-05-01';
const serviceBase = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service/${service}`;
const certificates = `${serviceBase}/certificates`;
const vault = `https://${APIM_DEMO.vault}.vault.azure.net/secrets`;

type User = 'alice' | 'bob' | 'carol';
interface ErrorBody {
  error: { code: string; message: string; target?: string; details?: Array<{ code: string; message: string; target?: string }> };
}

let emulator: TestEmulator;
let openssl: OpensslWorkshop;
let goodPfx: string;

beforeAll(async () => {
  emulator = await startTestEmulator({ seedDemo: true });
  openssl = new OpensslWorkshop();
  const key = openssl.key('good', 'ec');
  openssl.certificate('good', key, '/CN=good.contoso.com', 60);
  goodPfx = openssl.pfx('good', key, 'good.crt', 'pw').toString('base64');
});
afterAll(async () => {
  await emulator.close();
  openssl.dispose();
});

async function expectError(response: Response, status: number, code: string, message?: RegExp): Promise<ErrorBody['error']> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  expect(response.headers.get('x-ms-correlation-request-id')).toBeTruthy();
  const { error } = JSON.parse(text) as ErrorBody;
  expect(error.code).toBe(code);
  if (message) expect(error.message).toMatch(message);
  return error;
}

const put = (path: string, body: unknown, headers: Record<string, string> = {}, user: User = 'alice') =>
  emulator.arm(path, {
    method: 'PUT',
    user,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function etagOf(id: string): Promise<string> {
  const response = await emulator.arm(`${certificates}/${id}?${api}`, { method: 'HEAD' });
  expect(response.status).toBe(200);
  return response.headers.get('etag')!;
}

describe('subscriptions and authorization', () => {
  it('lists only the subscriptions the caller holds a role on', async () => {
    const names = async (user: User) => {
      const response = await emulator.arm('/subscriptions?api-version=2022-12-01', { user });
      expect(response.status).toBe(200);
      return ((await response.json()) as { value: Array<{ subscriptionId: string }> }).value.map((s) => s.subscriptionId).sort();
    };
    expect(await names('alice')).toEqual([DEMO_SUBSCRIPTIONS.production.id, DEMO_SUBSCRIPTIONS.development.id].sort());
    expect(await names('bob')).toEqual([DEMO_SUBSCRIPTIONS.production.id]);
    expect(await names('carol')).toEqual([]);
  });

  it('403 AuthorizationFailed on a subscription the caller has no role on', async () => {
    await expectError(
      await emulator.arm(`/subscriptions/${DEMO_SUBSCRIPTIONS.legacy.id}?api-version=2022-12-01`),
      403,
      'AuthorizationFailed',
      /does not have authorization to perform action 'Microsoft.Resources\/subscriptions\/read'/,
    );
    const error = await expectError(await emulator.arm(`${certificates}?${api}`, { user: 'carol' }), 403, 'AuthorizationFailed');
    expect(error.message).toContain(DEMO_USERS[2].oid);
    expect(error.message).toContain(`over scope '${certificates}'`);
    await expectError(
      await emulator.arm(`/subscriptions/${subscriptionId}/resourcegroups?api-version=2021-04-01`, { user: 'carol' }),
      403,
      'AuthorizationFailed',
    );
  });

  it('403 AuthorizationFailed when a Reader writes; reading is fine', async () => {
    expect((await emulator.arm(`${certificates}?${api}`, { user: 'bob' })).status).toBe(200);
    await expectError(
      await put(`${certificates}/by-bob?${api}`, { properties: { data: goodPfx, password: 'pw' } }, {}, 'bob'),
      403,
      'AuthorizationFailed',
      /service\/certificates\/write/,
    );
    await expectError(
      await emulator.arm(`${certificates}/kv-gateway?${api}`, { method: 'DELETE', user: 'bob', headers: { 'If-Match': '*' } }),
      403,
      'AuthorizationFailed',
      /certificates\/delete/,
    );
    await expectError(
      await emulator.arm(`${certificates}/kv-gateway/refreshSecret?${api}`, { method: 'POST', user: 'bob' }),
      403,
      'AuthorizationFailed',
      /refreshSecret\/action/,
    );
  });

  it('a disabled subscription is read-only', async () => {
    const legacy = DEMO_SUBSCRIPTIONS.legacy.id;
    emulator.db.prepare("INSERT OR IGNORE INTO role_assignments (principal_id, subscription_id, role) VALUES (?, ?, 'Owner')").run(DEMO_USERS[0].oid, legacy);
    expect((await emulator.arm(`/subscriptions/${legacy}?api-version=2022-12-01`)).status).toBe(200);
    await expectError(
      await put(`/subscriptions/${legacy}/resourceGroups/rg/providers/Microsoft.ApiManagement/service/svc/certificates/x?${api}`, {}),
      409,
      'ReadOnlyDisabledSubscription',
    );
  });

  it('GET one subscription, resource groups and services', async () => {
    const one = await emulator.arm(`/subscriptions/${subscriptionId}?api-version=2022-12-01`);
    expect(await one.json()).toMatchObject({
      id: `/subscriptions/${subscriptionId}`,
      subscriptionId,
      displayName: DEMO_SUBSCRIPTIONS.production.name,
      state: 'Enabled',
    });
    const groups = (await (await emulator.arm(`/subscriptions/${subscriptionId}/resourcegroups?api-version=2021-04-01`)).json()) as {
      value: Array<{ name: string }>;
    };
    expect(groups.value.map((g) => g.name)).toContain(resourceGroup);
    const inGroup = (await (
      await emulator.arm(`/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service?${api}`)
    ).json()) as {
      value: Array<{ name: string; sku: { name: string }; properties: { provisioningState: string } }>;
    };
    expect(inGroup.value.map((s) => s.name).sort()).toEqual([APIM_DEMO.production.partnerService, service].sort());
    expect(inGroup.value[0].properties.provisioningState).toBe('Succeeded');
    const dev = (await (
      await emulator.arm(`/subscriptions/${APIM_DEMO.development.subscriptionId}/providers/Microsoft.ApiManagement/service?${api}`)
    ).json()) as { value: Array<{ name: string }> };
    expect(dev.value.map((s) => s.name)).toEqual([APIM_DEMO.development.service]);
  });
});

describe('api-version and path validation', () => {
  it('api-version is required and checked', async () => {
    await expectError(await emulator.arm('/subscriptions'), 400, 'MissingApiVersionParameter', /api-version query parameter/);
    await expectError(await emulator.arm(`${certificates}/kv-gateway`), 400, 'MissingApiVersionParameter');
    await expectError(await emulator.arm('/subscriptions?api-version=banana'), 400, 'InvalidApiVersionParameter', /'banana' is invalid.*2022-12-01/);
    await expectError(await emulator.arm(`${certificates}?api-version=2099-01-01`), 400, 'NoRegisteredProviderFound', /'2099-01-01'.*2024-05-01/);
    await expectError(await emulator.arm(`${certificates}?api-version=not-a-date`), 400, 'InvalidApiVersionParameter');
    for (const older of ['2022-08-01', '2023-05-01-preview']) expect((await emulator.arm(`${certificates}?api-version=${older}`)).status).toBe(200);
  });

  it('subscription ids are UUIDs, and must exist', async () => {
    await expectError(
      await emulator.arm(`/subscriptions/not-a-guid/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service/${service}/certificates?${api}`),
      400,
      'InvalidSubscriptionId',
    );
    await expectError(await emulator.arm(`/subscriptions/11111111-2222-4333-8444-555555555555?api-version=2022-12-01`), 404, 'SubscriptionNotFound');
  });

  it('resource group, service name and certificate id follow the spec', async () => {
    const groupError = await expectError(
      await emulator.arm(`/subscriptions/${subscriptionId}/resourceGroups/bad*group/providers/Microsoft.ApiManagement/service/${service}/certificates?${api}`),
      400,
      'ValidationError',
    );
    expect(groupError.target).toBe('resourceGroupName');
    for (const bad of ['-starts-with-hyphen', 'ends-with-hyphen-', 'has_underscore', 'a'.repeat(51)]) {
      const error = await expectError(
        await emulator.arm(
          `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service/${bad}/certificates?${api}`,
        ),
        400,
        'ValidationError',
      );
      expect(error.target).toBe('serviceName');
    }
    for (const [bad, why] of [
      ['a'.repeat(81), /1 to 80 characters/],
      ['has:colon', /contains ':'/],
      ['star*', /contains '\*'/],
      ['amp&', /contains '&'/],
      ['plus+', /contains '\+'/],
      ['lt<', /contains '<'/],
    ] as const) {
      const error = await expectError(await emulator.arm(`${certificates}/${encodeURIComponent(bad)}?${api}`), 400, 'ValidationError', why);
      expect(error).toMatchObject({ target: 'certificateId', details: [{ code: 'ValidationError', target: 'certificateId' }] });
    }
    expect((await emulator.arm(`${certificates}/${'a'.repeat(80)}?${api}`)).status).toBe(404);
  });

  it('404 for what does not exist; HEAD has no body', async () => {
    await expectError(
      await emulator.arm(`/subscriptions/${subscriptionId}/resourceGroups/rg-nope/providers/Microsoft.ApiManagement/service/${service}/certificates?${api}`),
      404,
      'ResourceGroupNotFound',
      /rg-nope/,
    );
    await expectError(
      await emulator.arm(`/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service/nope/certificates?${api}`),
      404,
      'ResourceNotFound',
      /service\/nope/,
    );
    await expectError(await emulator.arm(`${certificates}/nope?${api}`), 404, 'ResourceNotFound', /Certificate 'nope' was not found/);
    const head = await emulator.arm(`${certificates}/nope?${api}`, { method: 'HEAD' });
    expect(head.status).toBe(404);
    expect(await head.text()).toBe('');
    await expectError(await emulator.arm(`${serviceBase}/apis?${api}`), 404, 'InvalidResourceType');
    await expectError(await emulator.arm(`${certificates}?${api}`, { method: 'DELETE' }), 405, 'MethodNotAllowed');
  });
});

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

describe('the collection', () => {
  const list = (query: string) => emulator.arm(`${certificates}?${api}&${query}`);

  it('$top, $skip and isKeyVaultRefreshFailed are checked', async () => {
    await expectError(await list('$top=0'), 400, 'ValidationError', /\$top must be a whole number of at least 1/);
    await expectError(await list('$skip=-1'), 400, 'ValidationError', /\$skip/);
    await expectError(await list('$top=many'), 400, 'ValidationError');
    await expectError(await list('isKeyVaultRefreshFailed=maybe'), 400, 'ValidationError', /true or false/);
  });

  it('a bad $filter says where it failed', async () => {
    const cases: Array<[string, RegExp]> = [
      ["subject eq 'unterminated", /position 12: this string is never closed/],
      ["colour eq 'red'", /position 1: unknown field 'colour'; you can filter on name, subject, thumbprint, expirationDate/],
      ["name eq 'a' and", /position 16: expected a field name or a value, found the end of the expression/],
      ["name lk 'a'", /position 6: expected a comparison operator/],
      ["contains(expirationDate,'2025')", /position 10: contains does not apply to 'expirationDate'/],
      ["expirationDate gt 'soon'", /position 19: 'expirationDate' is a date/],
      ['name eq 42', /position 9: 'name' is text/],
      ["(name eq 'a'", /position 13: expected '\)'/],
      ["name eq 'a' extra", /position 13: expected 'and', 'or' or the end/],
      ['expirationDate lt 2025-02-30', /position 19: '2025-02-30' is not a valid date/],
    ];
    for (const [filter, message] of cases) {
      const error = await expectError(await list(`$filter=${encodeURIComponent(filter)}`), 400, 'ValidationError', message);
      expect(error.target).toBe('$filter');
    }
  });

  it('pages with an absolute nextLink that keeps api-version and $filter, and counts all matches', async () => {
    const filter = "contains(subject,'contoso')";
    const first = (await (await list(`$top=2&$filter=${encodeURIComponent(filter)}`)).json()) as {
      value: Array<{ name: string }>;
      count: number;
      nextLink?: string;
    };
    expect(first.value).toHaveLength(2);
    expect(first.count).toBeGreaterThan(2);
    const next = new URL(first.nextLink!);
    expect(`${next.origin}/`).toBe(emulator.url);
    expect(next.pathname).toBe(`/arm${certificates}`);
    expect(next.searchParams.get('api-version')).toBe('2024-05-01');
    expect(next.searchParams.get('$filter')).toBe(filter);
    expect(next.searchParams.get('$skip')).toBe('2');
    const second = (await (await emulator.arm(next.pathname.slice(4) + next.search)).json()) as { value: Array<{ name: string }> };
    expect(second.value.map((c) => c.name)).not.toContain(first.value[0].name);
  });

  it("answers closed contracts: id, name, type and the spec's properties only", async () => {
    const body = (await (await list('')).json()) as { value: Array<Record<string, unknown> & { properties: Record<string, unknown> }> };
    for (const certificate of body.value) {
      expect(Object.keys(certificate).sort()).toEqual(['id', 'name', 'properties', 'type']);
      expect(certificate.id).toBe(`${certificates}/${String(certificate.name)}`);
      expect(Object.keys(certificate.properties).every((k) => ['subject', 'thumbprint', 'expirationDate', 'keyVault'].includes(k))).toBe(true);
      expect(certificate.properties.expirationDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const keyVault = certificate.properties.keyVault as Record<string, unknown> | undefined;
      if (keyVault) expect(Object.keys(keyVault).every((k) => ['secretIdentifier', 'identityClientId', 'lastStatus'].includes(k))).toBe(true);
    }
  });
});
