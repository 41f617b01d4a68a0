import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpsRequest } from 'node:https';
import { startTestEmulator, type TestEmulator } from '../test-support/test-emulator.ts';
import { API_VERSION, DEMO_APIM, certificatesPath, keyVaultBody } from '../test-support/child-emulator.ts';
import { MAX_BODY_BYTES } from '../common/http.ts';
import { DEMO_SUBSCRIPTIONS, DEMO_USERS } from '../seed/demo-ids.ts';
import { mintAccessToken } from '../test-support/mint-token.ts';

/**
 * Bad input at the emulator (issue 9, reliability 3). Every request here is refused with a specific 4xx and
 * the service's own error body; after each one the emulator still answers, and at the end the stored
 * certificates (both tables, byte for byte) are what they were before. Protections checked, one per group:
 * - JSON: read-certificate-body.ts (415 for a non-JSON media type, 400 InvalidRequestContent for bad JSON);
 * - XML: subscription-certificate-xml.ts (400 InvalidXmlRequest, DTDs refused);
 * - size: common/http.ts readBody's MAX_BODY_BYTES, for a declared Content-Length and for a chunked body
 *   (413 RequestEntityTooLarge as ARM JSON or Service Management XML);
 * - headers: Node's 16 KiB header limit (431), token verification (401), If-Match matching (412);
 * - ids: arm/path-parameters.ts (certificateId 80, serviceName 50, resourceGroupName 90);
 * - paths: URL normalisation in server.ts, segment decoding in arm-service.ts / asm-service.ts.
 * Each `expect...` names the code, so removing a protection turns its 4xx into a 2xx, a 500 or another code.
 */

let emulator: TestEmulator;
let armToken: string;
let asmToken: string;
beforeAll(async () => {
  emulator = await startTestEmulator({ seedDemo: true });
  armToken = await emulator.token('alice', 'arm');
  asmToken = await emulator.token('alice', 'asm');
});
afterAll(() => emulator.close());

const production = DEMO_APIM.subscriptionId;
const development = DEMO_SUBSCRIPTIONS.development.id;
const collection = certificatesPath();
const certificate = (id: string) => `${collection}/${id}?${API_VERSION}`;

interface Raw {
  status: number;
  contentType: string;
  body: string;
}

/** node:https with the path sent exactly as written (fetch would normalise `..` and `%2e%2e` away first). */
function raw(path: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: 'localhost', port: emulator.port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    // The server may answer (413, 431) and close before the whole upload is written.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    if (init.chunks) {
      for (const chunk of init.chunks) req.write(chunk);
      req.end();
    } else req.end(init.body);
  });
}

const arm = (token = armToken) => ({ Authorization: `Bearer ${token}` });
const asm = (token = asmToken) => ({ Authorization: `Bearer ${token}`, 'x-ms-version': '2014-10-01' });

function expectArmError(reply: Raw, status: number, code: string): void {
  expect({ status: reply.status, contentType: reply.contentType }).toEqual({ status, contentType: expect.stringMatching(/^application\/json/) });
  expect((JSON.parse(reply.body) as { error: { code: string } }).error.code).toBe(code);
}

function expectAsmError(reply: Raw, status: number, code: string): void {
  expect({ status: reply.status, contentType: reply.contentType }).toEqual({ status, contentType: expect.stringMatching(/^application\/xml/) });
  expect(reply.body).toContain('<Error xmlns="http://schemas.microsoft.com/windowsazure">');
  expect(/<Code>([^<]*)<\/Code>/.exec(reply.body)?.[1]).toBe(code);
}

/** Both certificate tables, every column: what "nothing stored changes" compares. */
function snapshot(): unknown {
  return {
    apim: emulator.db.prepare('SELECT * FROM apim_certificates ORDER BY subscription_id, resource_group, service_name, certificate_id').all(),
    management: emulator.db.prepare('SELECT * FROM management_certificates ORDER BY subscription_id, thumbprint').all(),
  };
}

/** The emulator keeps serving: a health check and a real list after every refusal. */
async function stillServing(): Promise<void> {
  expect((await raw('/healthz')).status).toBe(200);
  expect((await raw(`${collection}?${API_VERSION}`, { headers: arm() })).status).toBe(200);
}

let before: unknown;
beforeAll(() => {
  before = snapshot();
});

const json = (token?: string) => ({ ...arm(token), 'Content-Type': 'application/json' });
const xmlHeaders = () => ({ ...asm(), 'Content-Type': 'application/xml' });
const asmCollection = `/asm/${development}/certificates`;

describe('malformed bodies and wrong content types', () => {
  it('ARM: malformed JSON, an empty body, a JSON array → 400 InvalidRequestContent; a missing properties → 400 ValidationError', async () => {
    for (const body of [
      '{"properties": {',
      '',
      '[1,2]',
      '"just a string"',
      '{"properties":{"keyVault":{"secretIdentifier":"https://contoso-prod-kv.vault.azure.net/secrets/gateway-cert"}}}}',
    ]) {
      expectArmError(await raw(certificate('bad-json'), { method: 'PUT', headers: json(), body }), 400, 'InvalidRequestContent');
      await stillServing();
    }
    expectArmError(await raw(certificate('bad-json'), { method: 'PUT', headers: json(), body: '{"name":"x"}' }), 400, 'ValidationError');
  });

  it('ARM: wrong content types → 415 UnsupportedMediaType, even with a valid JSON body', async () => {
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']) {
      expectArmError(
        await raw(certificate('bad-type'), { method: 'PUT', headers: { ...arm(), 'Content-Type': type }, body: keyVaultBody() }),
        415,
        'UnsupportedMediaType',
      );
      await stillServing();
    }
  });

  it('Service Management: malformed XML, a DTD (billion laughs), JSON, an empty body → 400 InvalidXmlRequest', async () => {
    const bodies = [
      '<SubscriptionCertificate xmlns="http://schemas.microsoft.com/windowsazure"><SubscriptionCertificatePublicKey>',
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><SubscriptionCertificate>&lol2;</SubscriptionCertificate>',
      '<a></b>',
      '{"SubscriptionCertificate": {}}',
      '',
    ];
    for (const body of bodies) {
      expectAsmError(await raw(asmCollection, { method: 'POST', headers: xmlHeaders(), body }), 400, 'InvalidXmlRequest');
      await stillServing();
    }
    expectAsmError(
      await raw(asmCollection, { method: 'POST', headers: { ...asm(), 'Content-Type': 'application/json' }, body: '{"a":1}' }),
      400,
      'InvalidXmlRequest',
    );
  });

  it('Service Management: a missing x-ms-version → 400 MissingOrIncorrectVersionHeader', async () => {
    expectAsmError(await raw(asmCollection, { headers: { Authorization: `Bearer ${asmToken}` } }), 400, 'MissingOrIncorrectVersionHeader');
  });
});

describe('bodies over the size limit', () => {
  const oversized = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
  const inChunks = Array.from({ length: 20 }, () => Buffer.alloc(64 * 1024, 0x20)); // 1.25 MiB, no Content-Length

  it('ARM: declared and chunked → 413 RequestEntityTooLarge (JSON)', async () => {
    expectArmError(await raw(certificate('too-big'), { method: 'PUT', headers: json(), body: oversized }), 413, 'RequestEntityTooLarge');
    await stillServing();
    expectArmError(
      await raw(certificate('too-big'), { method: 'PUT', headers: { ...json(), 'Transfer-Encoding': 'chunked' }, chunks: inChunks }),
      413,
      'RequestEntityTooLarge',
    );
    await stillServing();
  });

  it('Service Management: declared and chunked → 413 RequestEntityTooLarge (XML)', async () => {
    expectAsmError(await raw(asmCollection, { method: 'POST', headers: xmlHeaders(), body: oversized }), 413, 'RequestEntityTooLarge');
    await stillServing();
    expectAsmError(
      await raw(asmCollection, { method: 'POST', headers: { ...xmlHeaders(), 'Transfer-Encoding': 'chunked' }, chunks: inChunks }),
      413,
      'RequestEntityTooLarge',
    );
    await stillServing();
  });

  it('exactly at the limit is read (and then refused for what it says, not for its size)', async () => {
    const atLimit = Buffer.alloc(MAX_BODY_BYTES, 0x20);
    expectArmError(await raw(certificate('at-limit'), { method: 'PUT', headers: json(), body: atLimit }), 400, 'InvalidRequestContent');
    expectAsmError(await raw(asmCollection, { method: 'POST', headers: xmlHeaders(), body: atLimit }), 400, 'InvalidXmlRequest');
  });
});

describe('headers at and past their limits', () => {
  it("a 12 KiB If-Match that matches nothing → 412 PreconditionFailed; past Node's 16 KiB header limit → 431", async () => {
    const huge = Array.from({ length: 1200 }, (_, i) => `"etag-${i}"`)
      .join(', ')
      .slice(0, 12 * 1024);
    expectArmError(
      await raw(certificate('backend-mtls'), { method: 'PUT', headers: { ...json(), 'If-Match': huge }, body: keyVaultBody() }),
      412,
      'PreconditionFailed',
    );
    await stillServing();
    expect(
      (await raw(certificate('backend-mtls'), { method: 'PUT', headers: { ...json(), 'If-Match': `"${'A'.repeat(20 * 1024)}"` }, body: keyVaultBody() }))
        .status,
    ).toBe(431);
    await stillServing();
  });

  it('a 12 KiB garbage Authorization → 401 (ARM JSON, Service Management XML); a 20 KiB one → 431', async () => {
    const garbage = `Bearer ${'x'.repeat(12 * 1024)}`;
    expectArmError(await raw(certificate('backend-mtls'), { headers: { Authorization: garbage } }), 401, 'InvalidAuthenticationToken');
    expectAsmError(await raw(asmCollection, { headers: { Authorization: garbage, 'x-ms-version': '2014-10-01' } }), 401, 'AuthenticationFailed');
    expect((await raw(certificate('backend-mtls'), { headers: { Authorization: `Bearer ${'x'.repeat(20 * 1024)}` } })).status).toBe(431);
    await stillServing();
  });

  it("a token for another audience → 401 on both services (ARM also takes Service Management's, as Azure's does)", async () => {
    const graphToken = await mintAccessToken(emulator.keys, { issuer: emulator.issuer, audience: 'https://graph.microsoft.com/', user: DEMO_USERS[0] });
    expectArmError(await raw(certificate('backend-mtls'), { headers: arm(graphToken) }), 401, 'InvalidAuthenticationToken');
    expectAsmError(await raw(asmCollection, { headers: asm(armToken) }), 401, 'AuthenticationFailed');
  });
});

describe('ids at and past their limits', () => {
  const groupPath = (group: string, service: string) =>
    `/arm/subscriptions/${production}/resourceGroups/${group}/providers/Microsoft.ApiManagement/service/${service}/certificates?${API_VERSION}`;

  it('certificateId: 81 characters → 400 ValidationError (GET and PUT); 80 → 404 for a GET (a valid id, not there)', async () => {
    expectArmError(await raw(certificate('c'.repeat(81)), { headers: arm() }), 400, 'ValidationError');
    expectArmError(await raw(certificate('c'.repeat(81)), { method: 'PUT', headers: json(), body: keyVaultBody() }), 400, 'ValidationError');
    expectArmError(await raw(certificate('c'.repeat(80)), { headers: arm() }), 404, 'ResourceNotFound');
    for (const bad of ['a*b', 'a%23b', 'a%26b', 'a%2Bb', 'a:b', 'a%3Cb', 'a%3Eb', 'a%3Fb']) {
      expectArmError(await raw(certificate(bad), { method: 'PUT', headers: json(), body: keyVaultBody() }), 400, 'ValidationError');
    }
    await stillServing();
  });

  it('serviceName: 51 → 400 ValidationError; 50 → 404 ResourceNotFound', async () => {
    expectArmError(await raw(groupPath(DEMO_APIM.resourceGroup, `s${'v'.repeat(50)}`), { headers: arm() }), 400, 'ValidationError');
    expectArmError(await raw(groupPath(DEMO_APIM.resourceGroup, `s${'v'.repeat(49)}`), { headers: arm() }), 404, 'ResourceNotFound');
    expectArmError(await raw(groupPath(DEMO_APIM.resourceGroup, '-leading-hyphen'), { headers: arm() }), 400, 'ValidationError');
  });

  it('resourceGroupName: 91 → 400 ValidationError; 90 → 404 ResourceGroupNotFound', async () => {
    expectArmError(await raw(groupPath('g'.repeat(91), DEMO_APIM.service), { headers: arm() }), 400, 'ValidationError');
    expectArmError(await raw(groupPath('g'.repeat(90), DEMO_APIM.service), { headers: arm() }), 404, 'ResourceGroupNotFound');
  });

  it('a subscription id that is not a UUID → 400 InvalidSubscriptionId; a thumbprint that is not 40 hex digits → 400 BadRequest', async () => {
    expectArmError(await raw(`/arm/subscriptions/not-a-uuid/resourceGroups?api-version=2024-03-01`, { headers: arm() }), 400, 'InvalidSubscriptionId');
    expectAsmError(await raw(`${asmCollection}/${'A'.repeat(41)}`, { headers: asm() }), 400, 'BadRequest');
    expectAsmError(await raw(`${asmCollection}/${'A'.repeat(39)}`, { headers: asm() }), 400, 'BadRequest');
  });
});

describe('path tricks', () => {
  it('`..` and `%2e%2e` are resolved before routing: they cannot climb out of a service or into another one', async () => {
    // .../certificates/../../contoso-partners/certificates → resolves to a different, real path: the caller's role still applies.
    const climb = `${collection}/x/../../../${DEMO_APIM.service}/certificates/backend-mtls?${API_VERSION}`;
    expect((await raw(climb, { headers: arm() })).status).toBe(200);
    // Out of /arm altogether: no longer an API path, so no API answers (404, not a file, not a 500).
    expect((await raw(`/arm/../../../../etc/passwd`, { headers: arm() })).status).toBe(404);
    expect((await raw(`/arm/%2e%2e/%2e%2e/etc/passwd`, { headers: arm() })).status).toBe(404);
    // /arm/../asm/...: an ARM token does not open Service Management.
    expectAsmError(await raw(`/arm/../asm/${development}/certificates`, { headers: asm(armToken) }), 401, 'AuthenticationFailed');
    await stillServing();
  });

  it('encoded slashes (%2F) and backslashes in a segment → 400 (ARM, arm-service.ts decodeSegments) / 4xx (Service Management); they never name or address another resource', async () => {
    for (const id of ['a%2Fb', '..%2F..%2Fcontoso-partners', '%2E%2E%2Fbackend-mtls', 'a%5Cb', '%2F']) {
      expectArmError(await raw(certificate(id), { headers: arm() }), 400, 'InvalidRequestContent');
      expectArmError(await raw(certificate(id), { method: 'PUT', headers: json(), body: keyVaultBody() }), 400, 'InvalidRequestContent');
    }
    // Service Management splits before decoding: an encoded slash never makes a segment, so no route matches.
    expectAsmError(await raw(`/asm/${development}%2Fcertificates`, { headers: asm() }), 404, 'ResourceNotFound');
    expectAsmError(await raw(`${asmCollection}/..%2F..`, { headers: asm() }), 400, 'BadRequest');
    await stillServing();
  });

  it('double-encoded (%252F, %252e%252e) stays literal: a GET finds nothing, and bad percent-encoding is a 400', async () => {
    expectArmError(await raw(certificate('a%252Fb'), { headers: arm() }), 404, 'ResourceNotFound');
    expectArmError(await raw(certificate('%252e%252e'), { headers: arm() }), 404, 'ResourceNotFound');
    expectArmError(await raw(certificate('a%E0%A4%A'), { headers: arm() }), 400, 'InvalidRequestContent');
    expectAsmError(await raw(`${asmCollection}/%E0%A4%A`, { headers: asm() }), 400, 'BadRequest');
    await stillServing();
  });
});

describe('afterwards', () => {
  it('nothing stored changed', () => {
    expect(snapshot()).toEqual(before);
  });
});
