import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../../test-support/test-emulator.ts';
import { APIM_DEMO } from '../../seed/demo-ids.ts';

const { subscriptionId, resourceGroup, service } = APIM_DEMO.production;
const path = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service/${service}?api-version=2024-05-01`;

interface CaEntry {
  encodedCertificate: string;
  storeName: string;
  certificate: { thumbprint: string };
}
interface ServiceBody {
  etag: string;
  properties: { certificates: CaEntry[] };
}

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ seedDemo: true, provisioningDelayMs: 50 });
});
afterAll(() => emulator.close());

const patch = (body: unknown, ifMatch?: string) =>
  emulator.arm(path, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', ...(ifMatch ? { 'If-Match': ifMatch } : {}) },
    body: JSON.stringify(body),
  });

describe("a service's CA certificates, written back by a client that read them", () => {
  it('returns each public certificate and an ETag, so a PATCH can keep some and be refused with 412 once the service changed', async () => {
    const read = await emulator.arm(path);
    const etag = read.headers.get('etag')!;
    const body = (await read.json()) as ServiceBody;
    expect(body.etag).toBe(etag);
    const [first, second] = body.properties.certificates;
    expect(first.encodedCertificate).toMatch(/^[A-Za-z0-9+/]+=*$/);

    const kept = [{ encodedCertificate: second.encodedCertificate, storeName: second.storeName }];
    const accepted = await patch({ properties: { certificates: kept } }, etag);
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get('azure-asyncoperation')).toContain('/operationsStatus/');
    const newEtag = accepted.headers.get('etag');
    expect(newEtag).not.toBe(etag);

    // The same stale ETag again: someone else's write came between.
    const stale = await patch({ properties: { certificates: [] } }, etag);
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('PreconditionFailed');

    const after = (await (await emulator.arm(path)).json()) as ServiceBody;
    expect(after.properties.certificates.map((c) => c.certificate.thumbprint)).toEqual([second.certificate.thumbprint]);
    expect(after.etag).toBe(newEtag);
    expect((await patch({ properties: { certificates: kept } }, '*')).status).toBe(202);
  });
});
