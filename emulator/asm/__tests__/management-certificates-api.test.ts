import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../../test-support/test-emulator.ts';
import { DEMO_SERVICE_PRINCIPAL, DEMO_SUBSCRIPTIONS } from '../../seed/demo-ids.ts';
import { mintAccessToken } from '../../test-support/mint-token.ts';
import { ASM_AUDIENCE } from '../../identity/directory.ts';
import { AZURE_XMLNS } from '../../common/asm-error.ts';
import type { IssuedCertificate } from '../management-certificate-factory.ts';
import { addBody, expectAsmError, issueMany, partsOf, storeDirectly, storedCount, type AddBodyParts } from './asm-test-helpers.ts';

let emulator: TestEmulator;
let certificates: IssuedCertificate[];
beforeAll(async () => {
  [emulator, certificates] = await Promise.all([startTestEmulator(), issueMany(70)]);
});
afterAll(() => emulator.close());

const production = DEMO_SUBSCRIPTIONS.production.id;
const development = DEMO_SUBSCRIPTIONS.development.id;
const legacy = DEMO_SUBSCRIPTIONS.legacy.id;
const xml = { 'Content-Type': 'application/xml' };

const add = (subscriptionId: string, body: string | AddBodyParts, init: { user?: 'alice' | 'bob' | 'carol'; headers?: Record<string, string> } = {}) =>
  emulator.asm(`/${subscriptionId}/certificates`, {
    method: 'POST',
    body: typeof body === 'string' ? body : addBody(body),
    user: init.user,
    headers: { ...xml, ...init.headers },
  });

/** certificates[0..9] for the CRUD tests, [10..69] for the limit. */
const certificate = (i: number) => certificates[i];

describe('x-ms-version', () => {
  it('is required, and must be 2012-03-01 or later, before anything else is looked at', async () => {
    const token = await emulator.token('carol', 'asm');
    for (const version of [undefined, '2011-10-01', '2012-02-29', 'banana', '2014-13-01']) {
      // An unknown subscription, a caller with no role, a route that does not exist: the version is still checked first.
      for (const path of [`/${production}/certificates`, '/00000000-0000-0000-0000-000000000000/certificates', '/nowhere']) {
        const response = await fetch(`${emulator.url}asm${path}`, {
          headers: { Authorization: `Bearer ${token}`, ...(version === undefined ? {} : { 'x-ms-version': version }) },
        });
        await expectAsmError(response, 400, 'MissingOrIncorrectVersionHeader', /2012-03-01/);
      }
    }
  });
  it('accepts 2012-03-01 and the version azure-asm-mgmt sends', async () => {
    for (const version of ['2012-03-01', '2014-10-01']) {
      const response = await emulator.asm(`/${production}/certificates`, { headers: { 'x-ms-version': version } });
      expect(response.status).toBe(200);
    }
  });
});

describe('list, add, get, delete', () => {
  it('lists no certificates as an empty SubscriptionCertificates document', async () => {
    const response = await emulator.asm(`/${production}/certificates`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(response.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const text = await response.text();
    expect(text).toMatch(
      new RegExp(`<SubscriptionCertificates xmlns="${AZURE_XMLNS}">\\s*</SubscriptionCertificates>|<SubscriptionCertificates xmlns="${AZURE_XMLNS}"/>`),
    );
  });

  it('adds with 200 and no body, then lists and gets it with its public key, thumbprint, data and creation time', async () => {
    const c = certificate(0);
    const before = Date.now();
    const response = await add(production, partsOf(c));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(response.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const list = await (await emulator.asm(`/${production}/certificates`)).text();
    expect(list).toContain(`<SubscriptionCertificates xmlns="${AZURE_XMLNS}"><SubscriptionCertificate>`);
    const entry =
      `<SubscriptionCertificatePublicKey>${partsOf(c).publicKey}</SubscriptionCertificatePublicKey>` +
      `<SubscriptionCertificateThumbprint>${c.thumbprint}</SubscriptionCertificateThumbprint>` +
      `<SubscriptionCertificateData>${partsOf(c).data}</SubscriptionCertificateData><Created>`;
    expect(list).toContain(entry);

    const got = await emulator.asm(`/${production}/certificates/${c.thumbprint.toLowerCase()}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toMatch(/^application\/xml/);
    const text = await got.text();
    expect(text).toContain(`<SubscriptionCertificate xmlns="${AZURE_XMLNS}">${entry}`);
    const created = new Date(/<Created>([^<]+)<\/Created>/.exec(text)![1]);
    expect(created.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(created.toISOString()).toBe(/<Created>([^<]+)<\/Created>/.exec(text)![1]);
  });

  it('accepts a lowercase thumbprint and a prefixed namespace, and stores the thumbprint in uppercase', async () => {
    const c = certificate(1);
    const parts = partsOf(c);
    const body =
      `<?xml version="1.0" encoding="utf-8"?><sm:SubscriptionCertificate xmlns:sm="${AZURE_XMLNS}">` +
      `<sm:SubscriptionCertificatePublicKey>${parts.publicKey}</sm:SubscriptionCertificatePublicKey>` +
      `<sm:SubscriptionCertificateThumbprint>${parts.thumbprint.toLowerCase()}</sm:SubscriptionCertificateThumbprint>` +
      `<sm:SubscriptionCertificateData>${parts.data}</sm:SubscriptionCertificateData></sm:SubscriptionCertificate>`;
    expect((await add(production, body)).status).toBe(200);
    expect(await (await emulator.asm(`/${production}/certificates/${c.thumbprint}`)).text()).toContain(`<SubscriptionCertificateThumbprint>${c.thumbprint}<`);
  });

  it('refuses a certificate already there with 409 ConflictError', async () => {
    await expectAsmError(add(production, partsOf(certificate(0))), 409, 'ConflictError', new RegExp(certificate(0).thumbprint));
  });

  it('deletes with 200 and no body; then get and delete answer 404 ResourceNotFound', async () => {
    const c = certificate(1);
    const response = await emulator.asm(`/${production}/certificates/${c.thumbprint}`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    await expectAsmError(emulator.asm(`/${production}/certificates/${c.thumbprint}`), 404, 'ResourceNotFound', new RegExp(c.thumbprint));
    await expectAsmError(emulator.asm(`/${production}/certificates/${c.thumbprint}`, { method: 'DELETE' }), 404, 'ResourceNotFound');
  });

  it('answers 404 ResourceNotFound for a thumbprint never added, 400 for one that is not a thumbprint, 404 for an unknown route', async () => {
    await expectAsmError(emulator.asm(`/${production}/certificates/${'AB'.repeat(20)}`), 404, 'ResourceNotFound');
    await expectAsmError(emulator.asm(`/${production}/certificates/not-a-thumbprint`), 400, 'BadRequest', /40 hexadecimal/);
    await expectAsmError(emulator.asm(`/${production}/services/hostedservices`), 404, 'ResourceNotFound');
    await expectAsmError(emulator.asm(`/${production}/certificates`, { method: 'PUT' }), 400, 'BadRequest', /GET or POST/);
  });
});

describe('the XML body is parsed strictly', () => {
  const parts = () => partsOf(certificate(2));
  const element = (name: string, value: string) => `<${name}>${value}</${name}>`;
  it('refuses XML that is not well-formed', async () => {
    await expectAsmError(
      add(production, `<SubscriptionCertificate xmlns="${AZURE_XMLNS}"><SubscriptionCertificateData>x</SubscriptionCertificate>`),
      400,
      'InvalidXmlRequest',
      /not well-formed/,
    );
    await expectAsmError(add(production, ''), 400, 'InvalidXmlRequest', /empty/);
    await expectAsmError(add(production, '{"thumbprint":"AB"}'), 400, 'InvalidXmlRequest');
  });
  it('refuses the wrong root element', async () => {
    const body = addBody(parts())
      .replace(/SubscriptionCertificate /, 'ManagementCertificate ')
      .replace(/<\/SubscriptionCertificate>$/, '</ManagementCertificate>');
    await expectAsmError(add(production, body), 400, 'InvalidXmlRequest', /root element must be 'SubscriptionCertificate'.*'ManagementCertificate'/);
  });
  it('refuses the wrong namespace, including the https:// misprint of the documentation, and none at all', async () => {
    const misprint = addBody(parts()).replace(AZURE_XMLNS, 'https://schemas.microsoft.com/windowsazure');
    await expectAsmError(
      add(production, misprint),
      400,
      'InvalidXmlRequest',
      /namespace 'http:\/\/schemas.microsoft.com\/windowsazure'; it is in namespace 'https:/,
    );
    const none = addBody(parts()).replace(` xmlns="${AZURE_XMLNS}"`, '');
    await expectAsmError(add(production, none), 400, 'InvalidXmlRequest', /it is in no namespace/);
    const childOutside = addBody(parts()).replace('<SubscriptionCertificateData>', '<SubscriptionCertificateData xmlns="urn:other">');
    await expectAsmError(add(production, childOutside), 400, 'InvalidXmlRequest', /'SubscriptionCertificateData' must be in namespace/);
    const undeclared = addBody(parts())
      .replace(`<SubscriptionCertificate xmlns="${AZURE_XMLNS}">`, '<sm:SubscriptionCertificate>')
      .replace(/<\/SubscriptionCertificate>$/, '</sm:SubscriptionCertificate>');
    await expectAsmError(add(production, undeclared), 400, 'InvalidXmlRequest', /prefix 'sm' is not declared/);
  });
  it('refuses missing, empty, unknown, repeated and out-of-order elements', async () => {
    const p = parts();
    const wrap = (inner: string) => `<SubscriptionCertificate xmlns="${AZURE_XMLNS}">${inner}</SubscriptionCertificate>`;
    await expectAsmError(
      add(production, wrap(element('SubscriptionCertificatePublicKey', p.publicKey) + element('SubscriptionCertificateThumbprint', p.thumbprint))),
      400,
      'BadRequest',
      /missing SubscriptionCertificateData/,
    );
    await expectAsmError(add(production, addBody({ ...p, thumbprint: '' })), 400, 'BadRequest', /missing SubscriptionCertificateThumbprint/);
    await expectAsmError(add(production, wrap(element('Thumbprint', p.thumbprint))), 400, 'InvalidXmlRequest', /Unexpected element 'Thumbprint'/);
    await expectAsmError(
      add(
        production,
        wrap(
          element('SubscriptionCertificateThumbprint', p.thumbprint) +
            element('SubscriptionCertificatePublicKey', p.publicKey) +
            element('SubscriptionCertificateData', p.data),
        ),
      ),
      400,
      'InvalidXmlRequest',
      /out of order/,
    );
    await expectAsmError(
      add(production, wrap(element('SubscriptionCertificatePublicKey', p.publicKey) + element('SubscriptionCertificatePublicKey', p.publicKey))),
      400,
      'InvalidXmlRequest',
      /appears twice/,
    );
  });
  it('refuses a DTD', async () => {
    await expectAsmError(add(production, `<!DOCTYPE x [<!ENTITY a "b">]>${addBody(parts())}`), 400, 'InvalidXmlRequest', /document type declaration/);
  });
});

describe('Add checks the certificate as the real service did', () => {
  const p = () => partsOf(certificate(3));
  it('refuses Data that is not base64, or not a certificate', async () => {
    await expectAsmError(add(production, { ...p(), data: 'not*base64' }), 400, 'BadRequest', /SubscriptionCertificateData is not valid base64/);
    const garbage = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37 + 11) % 256)).toString('base64');
    await expectAsmError(add(production, { ...p(), data: garbage }), 400, 'BadRequest', /not a DER X\.509 certificate \(\.cer\).*random binary/);
    const pem = Buffer.from(`-----BEGIN CERTIFICATE-----\n${p().data}\n-----END CERTIFICATE-----\n`).toString('base64');
    await expectAsmError(add(production, { ...p(), data: pem }), 400, 'BadRequest', /PEM text/);
    const truncated = Buffer.from(certificate(3).der.subarray(0, 200)).toString('base64');
    await expectAsmError(add(production, { ...p(), data: truncated }), 400, 'BadRequest', /SubscriptionCertificateData/);
  });
  it('refuses a thumbprint that is not the SHA-1 of Data, naming the right one', async () => {
    await expectAsmError(
      add(production, { ...p(), thumbprint: certificate(4).thumbprint }),
      400,
      'BadRequest',
      new RegExp(`does not match the certificate: its SHA-1 thumbprint is ${certificate(3).thumbprint}`),
    );
    await expectAsmError(add(production, { ...p(), thumbprint: 'XYZ' }), 400, 'BadRequest', /not a SHA-1 thumbprint/);
  });
  it('refuses a public key that is not GetPublicKey() of Data, and recognises a whole SubjectPublicKeyInfo', async () => {
    await expectAsmError(
      add(production, { ...p(), publicKey: Buffer.from('another key').toString('base64') }),
      400,
      'BadRequest',
      /PublicKey does not match the certificate's public key/,
    );
    const { X509Certificate } = await import('node:crypto');
    const spki = new X509Certificate(Buffer.from(certificate(3).der)).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    await expectAsmError(add(production, { ...p(), publicKey: spki }), 400, 'BadRequest', /whole SubjectPublicKeyInfo/);
  });
});

describe('authorization', () => {
  it('lets a Reader list and get, not add or delete (403 ForbiddenError)', async () => {
    expect((await emulator.asm(`/${production}/certificates`, { user: 'bob' })).status).toBe(200);
    expect((await emulator.asm(`/${production}/certificates/${certificate(0).thumbprint}`, { user: 'bob' })).status).toBe(200);
    await expectAsmError(add(production, partsOf(certificate(5)), { user: 'bob' }), 403, 'ForbiddenError', /Reader role.*Owner or Contributor/);
    await expectAsmError(emulator.asm(`/${production}/certificates/${certificate(0).thumbprint}`, { method: 'DELETE', user: 'bob' }), 403, 'ForbiddenError');
  });
  it('refuses a caller with no role (403 ForbiddenError), whatever the operation', async () => {
    await expectAsmError(emulator.asm(`/${production}/certificates`, { user: 'carol' }), 403, 'ForbiddenError', /no role/);
    await expectAsmError(add(production, partsOf(certificate(5)), { user: 'carol' }), 403, 'ForbiddenError');
    await expectAsmError(emulator.asm(`/${development}/certificates`, { user: 'bob' }), 403, 'ForbiddenError');
  });
  it('answers 404 ResourceNotFound for a subscription that does not exist', async () => {
    await expectAsmError(emulator.asm('/00000000-0000-4000-8000-000000000000/certificates'), 404, 'ResourceNotFound', /subscription/);
  });
  it('answers 403 SubscriptionDisabled on a disabled subscription, to a caller with a role on it', async () => {
    const servicePrincipal = { oid: DEMO_SERVICE_PRINCIPAL.oid, name: DEMO_SERVICE_PRINCIPAL.name, upn: DEMO_SERVICE_PRINCIPAL.name };
    const token = await mintAccessToken(emulator.keys, { issuer: emulator.issuer, audience: ASM_AUDIENCE, user: servicePrincipal });
    const headers = { Authorization: `Bearer ${token}` };
    await expectAsmError(emulator.asm(`/${legacy}/certificates`, { headers }), 403, 'SubscriptionDisabled', new RegExp(legacy));
    await expectAsmError(add(legacy, partsOf(certificate(5)), { headers }), 403, 'SubscriptionDisabled');
    // alice has no role there: she learns nothing about its state
    await expectAsmError(emulator.asm(`/${legacy}/certificates`), 403, 'ForbiddenError');
  });
  it('answers 401 AuthenticationFailed without a token or client certificate', async () => {
    const response = await fetch(`${emulator.url}asm/${production}/certificates`, { headers: { 'x-ms-version': '2014-10-01' } });
    await expectAsmError(response, 401, 'AuthenticationFailed');
  });
});

describe('at most 25 certificates per subscription', () => {
  it('holds under 40 concurrent adds to a subscription holding 20: exactly 5 succeed, 25 stored', async () => {
    storeDirectly(emulator.db, development, certificates.slice(10, 30));
    expect(storedCount(emulator.db, development)).toBe(20);
    const token = await emulator.token('alice', 'asm');
    const responses = await Promise.all(
      certificates.slice(30, 70).map((c) =>
        fetch(`${emulator.url}asm/${development}/certificates`, {
          method: 'POST',
          headers: { ...xml, 'x-ms-version': '2014-10-01', Authorization: `Bearer ${token}` },
          body: addBody(partsOf(c)),
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 400)).toHaveLength(35);
    for (const r of responses.filter((x) => x.status === 400)) await expectAsmError(r, 400, 'BadRequest', /limit is 25/);
    expect(storedCount(emulator.db, development)).toBe(25);
    const listed = await (await emulator.asm(`/${development}/certificates`)).text();
    expect(listed.match(/<SubscriptionCertificate>/g)).toHaveLength(25);
  });
  it('refuses the 26th with 400 BadRequest naming the limit and the count; after a delete there is room again', async () => {
    const extra = certificate(6);
    await expectAsmError(add(development, partsOf(extra)), 400, 'BadRequest', /already has 25 management certificates: the limit is 25 per subscription/);
    expect((await emulator.asm(`/${development}/certificates/${certificates[10].thumbprint}`, { method: 'DELETE' })).status).toBe(200);
    expect((await add(development, partsOf(extra))).status).toBe(200);
    expect(storedCount(emulator.db, development)).toBe(25);
  });
});

describe('CORS for the app', () => {
  it('answers the preflight and lets the app read x-ms-request-id', async () => {
    const origin = emulator.url.replace(/\/$/, '');
    const preflight = await fetch(`${emulator.url}asm/${production}/certificates`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,x-ms-version' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/x-ms-version/);
    const response = await emulator.asm(`/${production}/certificates`, { headers: { Origin: origin } });
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-expose-headers')).toMatch(/x-ms-request-id/);
    const stranger = await emulator.asm(`/${production}/certificates`, { headers: { Origin: 'https://evil.example' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });
});
