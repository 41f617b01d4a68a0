import { beforeAll, describe, expect, it } from 'vitest';
import { APIM_DEMO } from '../../seed/demo-ids.ts';
import {
  expectLegacyError,
  fixtures,
  inAnHour,
  legacy,
  LEGACY,
  listSecrets,
  namedToken,
  servicePath,
  service,
  setUpDirectEmulator,
} from './direct-fixtures.ts';

setUpDirectEmulator();

interface LegacyCertificate {
  id: string;
  subject: string;
  thumbprint: string;
  expirationDate: string;
}
interface Collection {
  value: LegacyCertificate[];
  count: number;
  nextLink: string | null;
}

let auth: string;
beforeAll(async () => {
  auth = namedToken((await listSecrets()).primaryKey, 'integration', inAnHour());
});

const call = (path: string, init: RequestInit = {}) => legacy(service, path, auth, init);
const list = async (query: string): Promise<Collection> => {
  const response = await call(`/certificates?${LEGACY}${query}`);
  expect(response.status, query).toBe(200);
  return (await response.json()) as Collection;
};
const put = (cid: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/certificates/${encodeURIComponent(cid)}?${LEGACY}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'text/plain', ...headers },
    body: JSON.stringify(body),
  });

describe('GET /certificates', () => {
  it('answers the seed collection with entities shaped as the seed shows them', async () => {
    const all = await list('');
    expect(Object.keys(all).sort()).toEqual(['count', 'nextLink', 'value']);
    expect(all.count).toBe(all.value.length);
    expect(all.nextLink).toBeNull();
    const entity = all.value.find((c) => c.id === '/certificates/backend-mtls')!;
    expect(Object.keys(entity).sort()).toEqual(['expirationDate', 'id', 'subject', 'thumbprint']);
    expect(entity.expirationDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(entity.thumbprint).toMatch(/^[0-9A-F]{40}$/);
  });

  it('filters on each field with each operator the seed lists, as a reference predicate does', async () => {
    const all = (await list('')).value;
    expect(all.length).toBeGreaterThan(4);
    const cid = (c: LegacyCertificate) => c.id.replace('/certificates/', '');
    const text = { id: cid, subject: (c: LegacyCertificate) => c.subject, thumbprint: (c: LegacyCertificate) => c.thumbprint };
    const pivot = all[Math.floor(all.length / 2)];
    const comparisons: Record<string, (a: string, b: string) => boolean> = {
      eq: (a, b) => a === b,
      ne: (a, b) => a !== b,
      gt: (a, b) => a > b,
      ge: (a, b) => a >= b,
      lt: (a, b) => a < b,
      le: (a, b) => a <= b,
    };
    for (const [field, read] of Object.entries(text)) {
      const value = read(pivot);
      const part = value.slice(2, 7);
      const cases: Array<[string, (c: LegacyCertificate) => boolean]> = [
        ...Object.entries(comparisons).map(([op, test]): [string, (c: LegacyCertificate) => boolean] => [
          `${field} ${op} '${value}'`,
          (c) => test(read(c).toLowerCase(), value.toLowerCase()),
        ]),
        [`substringof('${part}', ${field})`, (c) => read(c).toLowerCase().includes(part.toLowerCase())],
        [`startswith(${field}, '${value.slice(0, 4)}')`, (c) => read(c).toLowerCase().startsWith(value.slice(0, 4).toLowerCase())],
        [`endswith(${field}, '${value.slice(-4)}')`, (c) => read(c).toLowerCase().endsWith(value.slice(-4).toLowerCase())],
      ];
      for (const [filter, predicate] of cases) {
        const expected = all
          .filter(predicate)
          .map((c) => c.id)
          .sort();
        const got = (await list(`&$filter=${encodeURIComponent(filter)}`)).value.map((c) => c.id).sort();
        expect(got, filter).toEqual(expected);
      }
    }
    const when = pivot.expirationDate;
    const at = (c: LegacyCertificate) => Date.parse(`${c.expirationDate}Z`);
    const pivotTime = Date.parse(`${when}Z`);
    const order: Record<string, (a: number, b: number) => boolean> = {
      eq: (a, b) => a === b,
      ne: (a, b) => a !== b,
      gt: (a, b) => a > b,
      ge: (a, b) => a >= b,
      lt: (a, b) => a < b,
      le: (a, b) => a <= b,
    };
    for (const [op, test] of Object.entries(order)) {
      const filter = `expirationDate ${op} datetime'${when}'`;
      const expected = all
        .filter((c) => test(at(c), pivotTime))
        .map((c) => c.id)
        .sort();
      const got = (await list(`&$filter=${encodeURIComponent(filter)}`)).value.map((c) => c.id).sort();
      expect(got, filter).toEqual(expected);
      if (op === 'eq') expect(expected.length).toBeGreaterThan(0);
    }
  });

  it('pages with $top and $skip, and nextLink continues where the page stopped', async () => {
    const all = (await list('')).value.map((c) => c.id);
    const first = await list('&$top=2');
    expect(first.value.map((c) => c.id)).toEqual(all.slice(0, 2));
    expect(first.count).toBe(all.length);
    expect(first.nextLink).toMatch(/\/apim-direct\/contoso-apim\/certificates\?.*(\$|%24)skip=2/);
    const seen = [...first.value.map((c) => c.id)];
    let next = first.nextLink;
    for (let page = 0; next && page < 20; page++) {
      const response = await fetch(next, { headers: { Authorization: auth } });
      const body = (await response.json()) as Collection;
      seen.push(...body.value.map((c) => c.id));
      next = body.nextLink;
    }
    expect(seen).toEqual(all);
    expect((await list('&$skip=3')).value.map((c) => c.id)).toEqual(all.slice(3));
  });

  it('answers 400 in the legacy shape for a bad $filter, $top or field', async () => {
    await expectLegacyError(await call(`/certificates?${LEGACY}&$filter=${encodeURIComponent('name eq 1')}`), 400, 'ValidationError');
    await expectLegacyError(await call(`/certificates?${LEGACY}&$filter=${encodeURIComponent("expirationDate eq 'x'")}`), 400, 'ValidationError');
    await expectLegacyError(await call(`/certificates?${LEGACY}&$top=0`), 400, 'ValidationError', /\$top/);
  });

  it('requires and checks api-version', async () => {
    await expectLegacyError(await call('/certificates'), 400, 'ValidationError', /api-version/);
    await expectLegacyError(await call('/certificates?api-version=2024-05-01'), 400, 'ValidationError', /2024-05-01/);
  });
});

describe('GET and HEAD /certificates/{cid}', () => {
  it('GET answers the entity with an ETag; HEAD the same ETag and no body', async () => {
    const response = await call(`/certificates/payments-client?${LEGACY}`);
    expect(response.status).toBe(200);
    const etag = response.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(((await response.json()) as LegacyCertificate).id).toBe('/certificates/payments-client');
    const head = await call(`/certificates/payments-client?${LEGACY}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(etag);
    expect(await head.text()).toBe('');
  });

  it('404 for an unknown id (GET in the legacy shape, HEAD too)', async () => {
    await expectLegacyError(await call(`/certificates/no-such-cert?${LEGACY}`), 404, 'ResourceNotFound', /no-such-cert/);
    expect((await call(`/certificates/no-such-cert?${LEGACY}`, { method: 'HEAD' })).status).toBe(404);
  });
});

describe('PUT /certificates/{cid}', () => {
  it('201 creates; 409 without If-Match; 412 with a stale one; 200 with the current ETag or *', async () => {
    const body = { data: fixtures.pfx, password: 'pw' };
    const created = await put('legacy-put', body);
    expect(created.status).toBe(201);
    const entity = (await created.json()) as LegacyCertificate;
    expect(entity).toEqual({
      id: '/certificates/legacy-put',
      subject: fixtures.pfxFacts.subject,
      thumbprint: fixtures.pfxFacts.thumbprint,
      expirationDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/) as unknown as string,
    });
    const etag = created.headers.get('etag')!;
    await expectLegacyError(await put('legacy-put', body), 409, 'EntityAlreadyExists');
    await expectLegacyError(await put('legacy-put', body, { 'If-Match': '"stale"' }), 412, 'PreconditionFailed');
    const replaced = await put('legacy-put', body, { 'If-Match': etag });
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('etag')).not.toBe(etag);
    expect((await put('legacy-put', body, { 'If-Match': '*' })).status).toBe(200);
    await expectLegacyError(await put('legacy-new', body, { 'If-Match': '*' }), 412, 'PreconditionFailed');
  });

  it('400 for invalid input: not JSON, no data, not base64, wrong password, not a .pfx, an id over 256 characters', async () => {
    await expectLegacyError(await call(`/certificates/bad?${LEGACY}`, { method: 'PUT', body: '{nope' }), 400, 'ValidationError', /JSON object/);
    await expectLegacyError(await put('bad', { password: 'pw' }), 400, 'ValidationError', /data is required/);
    await expectLegacyError(await put('bad', { data: '!!!', password: 'pw' }), 400, 'ValidationError', /not base64/);
    const wrong = await expectLegacyError(await put('bad', { data: fixtures.pfx, password: 'nope' }), 400, 'ValidationError', /password is incorrect/);
    expect(wrong.details?.[0].target).toBe('password');
    fixtures.openssl.run('x509', '-in', 'legacy.crt', '-outform', 'DER', '-out', 'legacy.cer');
    await expectLegacyError(await put('bad', { data: fixtures.openssl.read('legacy.cer').toString('base64') }), 400, 'ValidationError', /not a PKCS#12/);
    await expectLegacyError(await put('x'.repeat(257), { data: fixtures.pfx, password: 'pw' }), 400, 'ValidationError', /256/);
    expect((await put('y'.repeat(256), { data: fixtures.pfx, password: 'pw' })).status).toBe(201);
  });
});

describe('DELETE /certificates/{cid}', () => {
  it('requires If-Match; 412 when stale; 204 when current', async () => {
    const created = await put('legacy-delete', { data: fixtures.pfx, password: 'pw' });
    const etag = created.headers.get('etag')!;
    await expectLegacyError(await call(`/certificates/legacy-delete?${LEGACY}`, { method: 'DELETE' }), 400, 'ValidationError', /If-Match/);
    await expectLegacyError(
      await call(`/certificates/legacy-delete?${LEGACY}`, { method: 'DELETE', headers: { 'If-Match': '"old"' } }),
      412,
      'PreconditionFailed',
    );
    const deleted = await call(`/certificates/legacy-delete?${LEGACY}`, { method: 'DELETE', headers: { 'If-Match': etag } });
    expect(deleted.status).toBe(204);
    await expectLegacyError(await call(`/certificates/legacy-delete?${LEGACY}`), 404, 'ResourceNotFound');
  });

  it('400 naming the policy when a policy uses it', async () => {
    const error = await expectLegacyError(
      await call(`/certificates/${APIM_DEMO.certificateInUse}?${LEGACY}`, { method: 'DELETE', headers: { 'If-Match': '*' } }),
      400,
      'CertificateInUse',
    );
    expect(error.message).toContain(APIM_DEMO.policyUsingIt);
  });
});

describe('one store with ARM', () => {
  it('a certificate added through the legacy API is the same certificate in ARM; deleted through ARM, it is 404 here', async () => {
    expect((await put('shared-store', { data: fixtures.pfx, password: 'pw' })).status).toBe(201);
    const arm = await fixtures.emulator.arm(`${servicePath(service)}/certificates/shared-store?api-version=2024-05-01`);
    expect(arm.status).toBe(200);
    const contract = (await arm.json()) as { properties: { thumbprint: string; subject: string } };
    expect(contract.properties.thumbprint).toBe(fixtures.pfxFacts.thumbprint);
    const removed = await fixtures.emulator.arm(`${servicePath(service)}/certificates/shared-store?api-version=2024-05-01`, {
      method: 'DELETE',
      headers: { 'If-Match': '*' },
    });
    expect(removed.status).toBe(200);
    await expectLegacyError(await call(`/certificates/shared-store?${LEGACY}`), 404, 'ResourceNotFound');
  });

  it("the service's managementApiUrl is this API's base", async () => {
    const response = await fixtures.emulator.arm(`${servicePath(service)}?api-version=2024-05-01`);
    const body = (await response.json()) as { properties: { managementApiUrl: string } };
    expect(body.properties.managementApiUrl).toBe(`${fixtures.emulator.url}apim-direct/${service}`);
  });
});
