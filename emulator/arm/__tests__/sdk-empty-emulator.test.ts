import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiManagementClient } from '@azure/arm-apimanagement';
import { ResourceManagementClient } from '@azure/arm-resources';
import type { TokenCredential } from '@azure/core-auth';
import { startTestEmulator, type TestEmulator } from '../../test-support/test-emulator.ts';
import { DEMO_SUBSCRIPTIONS } from '../../seed/demo-ids.ts';
import { OpensslWorkshop } from './openssl-fixtures.ts';

const subscriptionId = DEMO_SUBSCRIPTIONS.development.id;
let emulator: TestEmulator;
let openssl: OpensslWorkshop;

beforeAll(async () => {
  emulator = await startTestEmulator({ provisioningDelayMs: 200 });
  openssl = new OpensslWorkshop();
});
afterAll(async () => {
  await emulator.close();
  openssl.dispose();
});

const options = () => ({ endpoint: `${emulator.url}arm`, credentialScopes: ['https://management.azure.com/.default'], retryOptions: { maxRetries: 0 } });
const credential: TokenCredential = { getToken: async () => ({ token: await emulator.token('alice', 'arm'), expiresOnTimestamp: Date.now() + 3600e3 }) };
const poll = { updateIntervalInMs: 100 };

describe('the official SDKs grow an emulator started without --demo', () => {
  it('creates a group (arm-resources) and a service with CA certificates (arm-apimanagement), then deleting the group removes everything', async () => {
    const resources = new ResourceManagementClient(credential, subscriptionId, options());
    const apim = new ApiManagementClient(credential, subscriptionId, options());
    const group = await resources.resourceGroups.createOrUpdate('rg-sdk', { location: 'westeurope', tags: { team: 'api' } });
    expect(group.properties?.provisioningState).toBe('Succeeded');
    expect(await resources.resourceGroups.checkExistence('rg-sdk')).toEqual({ body: true });

    const key = openssl.key('ca', 'rsa');
    const ca = openssl.certificate('ca', key, '/O=Contoso/CN=Contoso Root CA', 365);
    const encodedCertificate = openssl
      .read(ca)
      .toString('utf8')
      .replace(/-----[^-]+-----|\s/g, '');
    const service = await apim.apiManagementService.beginCreateOrUpdateAndWait(
      'rg-sdk',
      'sdk-apim',
      {
        location: 'westeurope',
        sku: { name: 'Developer', capacity: 1 },
        publisherEmail: 'admin@contoso.example',
        publisherName: 'Contoso',
        certificates: [{ encodedCertificate, storeName: 'Root' }],
      },
      poll,
    );
    expect(service.provisioningState).toBe('Succeeded');
    expect(service.certificates?.[0].certificate).toMatchObject({ thumbprint: openssl.facts(ca).thumbprint, subject: 'CN=Contoso Root CA, O=Contoso' });

    const pfx = openssl.pfx('leaf', key, ca, 'pw').toString('base64');
    const certificate = await apim.certificate.createOrUpdate('rg-sdk', 'sdk-apim', 'leaf', { data: pfx, password: 'pw' });
    expect(certificate.thumbprint).toBe(openssl.facts(ca).thumbprint);

    const updated = await apim.apiManagementService.beginUpdateAndWait('rg-sdk', 'sdk-apim', { publisherName: 'Contoso API team' }, poll);
    expect(updated).toMatchObject({ publisherName: 'Contoso API team', provisioningState: 'Succeeded' });
    expect(updated.certificates).toHaveLength(1);

    await resources.resourceGroups.beginDeleteAndWait('rg-sdk', poll);
    expect(await resources.resourceGroups.checkExistence('rg-sdk')).toEqual({ body: false });
    const services = [];
    for await (const s of apim.apiManagementService.list()) services.push(s);
    expect(services).toEqual([]);
    // The certificate went with its service: a new service of the same name starts empty.
    await resources.resourceGroups.createOrUpdate('rg-sdk', { location: 'westeurope' });
    await apim.apiManagementService.beginCreateOrUpdateAndWait(
      'rg-sdk',
      'sdk-apim',
      { location: 'westeurope', sku: { name: 'Developer', capacity: 1 }, publisherEmail: 'a@contoso.example', publisherName: 'C' },
      poll,
    );
    const left = [];
    for await (const c of apim.certificate.listByService('rg-sdk', 'sdk-apim')) left.push(c);
    expect(left).toEqual([]);
  });
});

describe('demo data', () => {
  it('gives the demo services CA certificates', async () => {
    const demo = await startTestEmulator({ seedDemo: true });
    try {
      const response = await demo.arm(
        '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-apim-prod/providers/Microsoft.ApiManagement/service/contoso-apim?api-version=2024-05-01',
      );
      const body = (await response.json()) as { properties: { certificates: Array<{ storeName: string; certificate: { subject: string } }> } };
      expect(body.properties.certificates.map((c) => [c.storeName, c.certificate.subject])).toEqual([
        ['Root', 'CN=Contoso Root CA, O=Contoso Ltd, C=US'],
        ['CertificateAuthority', 'CN=Contoso Issuing CA 01, O=Contoso Ltd, C=US'],
      ]);
    } finally {
      await demo.close();
    }
  });
});
