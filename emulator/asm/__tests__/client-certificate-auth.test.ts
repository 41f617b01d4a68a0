import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpsRequest } from 'node:https';
import { readFileSync } from 'node:fs';
import { startTestEmulator, type TestEmulator } from '../../test-support/test-emulator.ts';
import { DEMO_SUBSCRIPTIONS } from '../../seed/demo-ids.ts';
import { privateKeyPem, type IssuedCertificate } from '../management-certificate-factory.ts';
import { addBody, issueMany, partsOf, storeDirectly } from './asm-test-helpers.ts';
import { managementCertificatesClient, type AsmCallError } from './azure-asm-mgmt-client.ts';

const production = DEMO_SUBSCRIPTIONS.production.id;
const development = DEMO_SUBSCRIPTIONS.development.id;
const legacy = DEMO_SUBSCRIPTIONS.legacy.id;
const NOT_ASSOCIATED = /The server failed to authenticate the request\. Verify that the certificate is valid and is associated with this subscription\./;

let emulator: TestEmulator;
/** [0] the tool's certificate (uploaded by alice), [1] one it adds itself, [2] never uploaded, [3] on the disabled subscription. */
let certificates: IssuedCertificate[];
const pems: string[] = [];

beforeAll(async () => {
  [emulator, certificates] = await Promise.all([startTestEmulator(), issueMany(4, 'Deployment tool')]);
  for (const c of certificates) pems.push(c.certificatePem + (await privateKeyPem(c.keyPair)));
  storeDirectly(emulator.db, legacy, [certificates[3]]);
});
afterAll(() => emulator.close());

const baseUri = () => `${emulator.url}asm`;

/** azure-asm-mgmt turns the XML error into `statusCode`, `code` and `message`. */
async function expectRefused(promise: Promise<unknown>, status: number, code: string, message: RegExp): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as AsmCallError,
  );
  expect(error, 'the call should have failed').toBeDefined();
  expect({ status: error!.statusCode, code: error!.code }).toEqual({ status, code });
  expect(error!.message).toMatch(message);
}

/** Node's own https client with `cert`/`key`: a second, independent mTLS client. */
function nodeRequest(certificate: IssuedCertificate, key: string, method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      `${emulator.url}asm${path}`,
      {
        method,
        cert: certificate.certificatePem,
        key,
        ca: readFileSync(emulator.caPath),
        agent: false,
        headers: { 'x-ms-version': '2014-10-01', ...(body ? { 'Content-Type': 'application/xml' } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('a TLS client certificate authenticates once it is a management certificate of the subscription', () => {
  it('is refused (403 ForbiddenError) before it is uploaded, by azure-asm-mgmt and by https.request', async () => {
    await expectRefused(managementCertificatesClient(baseUri(), production, pems[0]).list(), 403, 'ForbiddenError', NOT_ASSOCIATED);
    const response = await nodeRequest(certificates[0], await privateKeyPem(certificates[0].keyPair), 'GET', `/${production}/certificates`);
    expect(response.status).toBe(403);
    expect(response.body).toContain('<Code>ForbiddenError</Code>');
    expect(response.body).toMatch(NOT_ASSOCIATED);
  });

  it('after a bearer-token upload, azure-asm-mgmt lists, adds, gets and deletes management certificates over mTLS', async () => {
    const uploaded = await emulator.asm(`/${production}/certificates`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/xml' },
      body: addBody(partsOf(certificates[0])),
    });
    expect(uploaded.status).toBe(200);
    const client = managementCertificatesClient(baseUri(), production, pems[0]);

    const listed = await client.list();
    expect(listed.statusCode).toBe(200);
    expect(listed.subscriptionCertificates.map((c) => c.thumbprint)).toEqual([certificates[0].thumbprint]);
    expect(listed.subscriptionCertificates[0].created).toBeInstanceOf(Date);

    const other = certificates[1];
    const created = await client.create({ publicKey: Buffer.from(other.publicKey), thumbprint: other.thumbprint, data: Buffer.from(other.der) });
    expect(created.statusCode).toBe(200);
    expect(created.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const got = await client.get(other.thumbprint);
    expect(got.statusCode).toBe(200);
    expect(got.thumbprint).toBe(other.thumbprint);
    expect((await client.list()).subscriptionCertificates.map((c) => c.thumbprint).sort()).toEqual([certificates[0].thumbprint, other.thumbprint].sort());

    expect((await client.delete(other.thumbprint)).statusCode).toBe(200);
    await expectRefused(client.get(other.thumbprint), 404, 'ResourceNotFound', /was not found/);
    await expectRefused(
      client.create({ publicKey: Buffer.from(certificates[0].publicKey), thumbprint: certificates[0].thumbprint, data: Buffer.from(certificates[0].der) }),
      409,
      'ConflictError',
      /already exists/,
    );
  });

  it('also opens the API to https.request with the same certificate and key', async () => {
    const key = await privateKeyPem(certificates[0].keyPair);
    const response = await nodeRequest(certificates[0], key, 'GET', `/${production}/certificates/${certificates[0].thumbprint}`);
    expect(response.status).toBe(200);
    expect(response.body).toContain(`<SubscriptionCertificateThumbprint>${certificates[0].thumbprint}</SubscriptionCertificateThumbprint>`);
  });

  it('opens only the subscription it belongs to; an unknown subscription is 403 too, as Azure answered', async () => {
    await expectRefused(managementCertificatesClient(baseUri(), development, pems[0]).list(), 403, 'ForbiddenError', NOT_ASSOCIATED);
    await expectRefused(managementCertificatesClient(baseUri(), '00000000-0000-4000-8000-000000000000', pems[0]).list(), 403, 'ForbiddenError', NOT_ASSOCIATED);
  });

  it('a certificate that was never uploaded stays refused', async () => {
    await expectRefused(managementCertificatesClient(baseUri(), production, pems[2]).list(), 403, 'ForbiddenError', NOT_ASSOCIATED);
  });

  it('a management certificate of a disabled subscription gets 403 SubscriptionDisabled', async () => {
    await expectRefused(managementCertificatesClient(baseUri(), legacy, pems[3]).list(), 403, 'SubscriptionDisabled', /is disabled/);
  });

  it('after its delete, the same certificate gets 403 from both clients', async () => {
    const key = await privateKeyPem(certificates[0].keyPair);
    const client = managementCertificatesClient(baseUri(), production, pems[0]);
    // It deletes itself: the request that removes it is still authorised, the next one is not.
    expect((await client.delete(certificates[0].thumbprint)).statusCode).toBe(200);
    await expectRefused(client.list(), 403, 'ForbiddenError', NOT_ASSOCIATED);
    expect((await nodeRequest(certificates[0], key, 'GET', `/${production}/certificates`)).status).toBe(403);
    expect((await emulator.asm(`/${production}/certificates`)).status).toBe(200);
  });
});
