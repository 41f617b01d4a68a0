import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from '../../test-support/test-emulator.ts';
import { APIM_DEMO } from '../../seed/demo-ids.ts';
import { OpensslWorkshop } from './openssl-fixtures.ts';

/**
 * Microsoft's `oav validate-traffic` over real emulator traffic. oav is ~190 packages, so it is not a
 * dependency: point CERTPORTAL_OAV at its binary (`npm i oav@4 --prefix /tmp/oav` → /tmp/oav/node_modules/.bin/oav).
 */
const oav = process.env.CERTPORTAL_OAV;
// The public spec files sit beside the repository, in ../shared/specs.
const specs = join(import.meta.dirname, '../../../../shared/specs/specification/apimanagement/resource-manager/Microsoft.ApiManagement/stable/2024-05-01');
const spec = join(specs, 'apimcertificates.json');
const { subscriptionId, resourceGroup, service, userIdentityClientId } = APIM_DEMO.production;
const certificates = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service/${service}/certificates`;
const api = 'api-version=2024-05-01';

let emulator: TestEmulator;
let openssl: OpensslWorkshop;
const traffic = mkdtempSync(join(tmpdir(), 'certportal-oav-'));
const serviceTraffic = mkdtempSync(join(tmpdir(), 'certportal-oav-services-'));

beforeAll(async () => {
  if (!oav) return;
  emulator = await startTestEmulator({ seedDemo: true, provisioningDelayMs: 100 });
  openssl = new OpensslWorkshop();
});
afterAll(async () => {
  rmSync(traffic, { recursive: true, force: true });
  rmSync(serviceTraffic, { recursive: true, force: true });
  if (!oav) return;
  await emulator.close();
  openssl.dispose();
});

let count = 0;
async function record(path: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}, dir = traffic): Promise<Response> {
  const requestHeaders = { ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers };
  const response = await emulator.arm(path, { method, headers: requestHeaders, body: body ? JSON.stringify(body) : undefined });
  const text = await response.clone().text();
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, key) => (responseHeaders[key] = value));
  const payload = {
    liveRequest: { url: `https://management.azure.com${path}`, method, headers: { Authorization: 'Bearer redacted', ...requestHeaders }, body: body ?? null },
    liveResponse: { statusCode: String(response.status), headers: responseHeaders, body: text ? (JSON.parse(text) as unknown) : null },
  };
  writeFileSync(join(dir, `${String(++count).padStart(3, '0')}.json`), JSON.stringify(payload));
  return response;
}

describe.skipIf(!oav)('the contract as oav reads it', () => {
  it('every operation, success and error, validates against apimcertificates.json', async () => {
    const key = openssl.key('oav', 'ec');
    openssl.certificate('oav', key, '/CN=oav.contoso.com', 30);
    const data = openssl.pfx('oav', key, 'oav.crt', 'pw').toString('base64');
    await record(`${certificates}?${api}`);
    await record(`${certificates}?${api}&$top=2&$skip=1&$filter=${encodeURIComponent("contains(subject,'contoso')")}`);
    await record(`${certificates}?${api}&isKeyVaultRefreshFailed=true`);
    await record(`${certificates}/kv-payments-pinned?${api}`);
    await record(`${certificates}/kv-payments-pinned?${api}`, 'HEAD');
    await record(`${certificates}/oav-upload?${api}`, 'PUT', { properties: { data, password: 'pw' } });
    const replaced = await record(`${certificates}/oav-upload?${api}`, 'PUT', { properties: { data, password: 'pw' } }, { 'If-Match': '*' });
    const secretIdentifier = `https://${APIM_DEMO.vault}.vault.azure.net/secrets/gateway-cert`;
    await record(`${certificates}/oav-kv?${api}`, 'PUT', { properties: { keyVault: { secretIdentifier, identityClientId: userIdentityClientId } } });
    await record(`${certificates}/oav-kv/refreshSecret?${api}`, 'POST');
    await record(`${certificates}/kv-no-access/refreshSecret?${api}`, 'POST');
    await record(`${certificates}/oav-upload?${api}`, 'DELETE', undefined, { 'If-Match': replaced.headers.get('etag')! });
    await record(`${certificates}/oav-upload?${api}`, 'DELETE', undefined, { 'If-Match': '*' });
    await record(`${certificates}/missing?${api}`);
    await record(`${certificates}/${APIM_DEMO.certificateInUse}?${api}`, 'DELETE', undefined, { 'If-Match': '*' });
    await record(`${certificates}/oav-upload?${api}`, 'PUT', { properties: {} });
    await record(`${certificates}?${api}&$filter=name%20eq`);

    await expectValid(traffic, spec);
  });

  it('the service operations (create, update, get, list, delete; long-running) validate against apimdeployment.json', async () => {
    const group = `/subscriptions/${subscriptionId}/resourceGroups/rg-oav`;
    await emulator.arm(`${group}?api-version=2021-04-01`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ location: 'westeurope' }),
    });
    const key = openssl.key('oav-ca', 'rsa');
    const encodedCertificate = openssl
      .read(openssl.certificate('oav-ca', key, '/CN=oav root', 30))
      .toString('utf8')
      .replace(/-----[^-]+-----|\s/g, '');
    const serviceUrl = `${group}/providers/Microsoft.ApiManagement/service/oav-apim?${api}`;
    const body = {
      location: 'westeurope',
      sku: { name: 'Developer', capacity: 1 },
      properties: { publisherEmail: 'a@contoso.example', publisherName: 'Contoso', certificates: [{ encodedCertificate, storeName: 'Root' }] },
    };
    const put = (b: unknown) => record(serviceUrl, 'PUT', b, {}, serviceTraffic);
    await put(body);
    await new Promise((done) => setTimeout(done, 150));
    await put(body);
    await record(serviceUrl, 'PATCH', { properties: { publisherName: 'Contoso API' } }, {}, serviceTraffic);
    await record(serviceUrl, 'GET', undefined, {}, serviceTraffic);
    await record(`${group}/providers/Microsoft.ApiManagement/service?${api}`, 'GET', undefined, {}, serviceTraffic);
    await record(`/subscriptions/${subscriptionId}/providers/Microsoft.ApiManagement/service?${api}`, 'GET', undefined, {}, serviceTraffic);
    // A request the schema allows but the service refuses (no e-mail address): the error body is what oav checks.
    await put({ location: 'westeurope', sku: { name: 'Developer', capacity: 1 }, properties: { publisherEmail: 'not an address', publisherName: 'x' } });
    await record(serviceUrl, 'DELETE', undefined, {}, serviceTraffic);
    await record(serviceUrl, 'DELETE', undefined, {}, serviceTraffic);
    await record(serviceUrl, 'GET', undefined, {}, serviceTraffic);
    await expectValid(serviceTraffic, join(specs, 'apimdeployment.json'));
  });
});

async function expectValid(dir: string, specFile: string): Promise<void> {
  const result = await new Promise<{ code: number; output: string }>((resolve) => {
    execFile(oav!, ['validate-traffic', dir, specFile, '--report', ''], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
  const errors = result.output.split('\n').filter((line) => line.includes('"errors":[{'));
  expect(errors, errors.join('\n')).toEqual([]);
  expect(result.output).toContain('No errors were found.');
  expect(result.code).toBe(0);
}
