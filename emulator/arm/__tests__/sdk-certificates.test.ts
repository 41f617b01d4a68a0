import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiManagementClient, type CertificateContract } from '@azure/arm-apimanagement';
import { RestError } from '@azure/core-rest-pipeline';
import type { TokenCredential } from '@azure/core-auth';
import { startTestEmulator, type TestEmulator } from '../../test-support/test-emulator.ts';
import { APIM_DEMO } from '../../seed/demo-ids.ts';
import { OpensslWorkshop } from './openssl-fixtures.ts';

const { subscriptionId, resourceGroup, service, userIdentityClientId } = APIM_DEMO.production;

let emulator: TestEmulator;
let openssl: OpensslWorkshop;

function clientFor(user: 'alice' | 'bob' | 'carol', subscription = subscriptionId): ApiManagementClient {
  const credential: TokenCredential = { getToken: async () => ({ token: await emulator.token(user, 'arm'), expiresOnTimestamp: Date.now() + 3600e3 }) };
  return new ApiManagementClient(credential, subscription, {
    endpoint: `${emulator.url}arm`,
    credentialScopes: ['https://management.azure.com/.default'],
    retryOptions: { maxRetries: 0 },
  });
}

function pfx(name: string, password: string): string {
  const key = openssl.key(name, 'ec');
  const certificate = openssl.certificate(name, key, `/O=Contoso Ltd/CN=${name}.contoso.com`, 90);
  return openssl.pfx(name, key, certificate, password).toString('base64');
}

async function rejection(promise: Promise<unknown>): Promise<RestError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RestError);
  return error as RestError;
}

beforeAll(async () => {
  emulator = await startTestEmulator({ seedDemo: true });
  openssl = new OpensslWorkshop();
});
afterAll(async () => {
  await emulator.close();
  openssl.dispose();
});

describe('the official @azure/arm-apimanagement client against the emulator', () => {
  it('lists certificates across several pages, following nextLink', async () => {
    const client = clientFor('alice');
    const pages: CertificateContract[][] = [];
    for await (const page of client.certificate.listByService(resourceGroup, service, { top: 2 }).byPage()) pages.push(page);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.slice(0, -1).every((page) => page.length === 2)).toBe(true);
    const names = pages.flat().map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('kv-no-access');
    const all: CertificateContract[] = [];
    for await (const certificate of client.certificate.listByService(resourceGroup, service)) all.push(certificate);
    expect(all.map((c) => c.name)).toEqual(names);
  });

  it('filters on the server', async () => {
    const client = clientFor('alice');
    const names = async (filter: string, isKeyVaultRefreshFailed?: boolean) => {
      const found: string[] = [];
      for await (const c of client.certificate.listByService(resourceGroup, service, { filter, isKeyVaultRefreshFailed })) found.push(c.name!);
      return found.sort();
    };
    expect(await names("startswith(name,'kv-') and not endswith(name,'pinned')")).toEqual(['kv-deleted-secret', 'kv-gateway', 'kv-no-access']);
    expect(await names(`expirationDate lt ${new Date().toISOString()}`)).toEqual(['legacy-soap-client']);
    expect(await names("substringof('OU=Payments', subject) or thumbprint eq 'nope'")).toEqual(['payments-client']);
    expect(await names('', true)).toEqual(['kv-deleted-secret', 'kv-no-access']);
  });

  it('gets a certificate with its ETag, and the ETag alone with HEAD', async () => {
    const client = clientFor('alice');
    const got = await client.certificate.get(resourceGroup, service, 'kv-payments-pinned');
    expect(got).toMatchObject({
      name: 'kv-payments-pinned',
      type: 'Microsoft.ApiManagement/service/certificates',
      subject: 'CN=payments.contoso.com, O=Contoso Ltd',
      keyVault: { identityClientId: userIdentityClientId, lastStatus: { code: 'Success' } },
    });
    expect(got.thumbprint).toMatch(/^[0-9A-F]{40}$/);
    expect(got.expirationDate).toBeInstanceOf(Date);
    expect(got.eTag).toMatch(/^".+"$/);
    const head = await client.certificate.getEntityTag(resourceGroup, service, 'kv-payments-pinned');
    expect(head.eTag).toBe(got.eTag);
  });

  it('creates from data, updates with ifMatch, refuses a stale one, deletes', async () => {
    const client = clientFor('alice');
    const statuses: number[] = [];
    const onResponse = (response: { status: number }) => void statuses.push(response.status);
    const created = await client.certificate.createOrUpdate(
      resourceGroup,
      service,
      'sdk-uploaded',
      { data: pfx('sdk-one', 'pw-1'), password: 'pw-1' },
      { onResponse },
    );
    expect(created.subject).toBe('CN=sdk-one.contoso.com, O=Contoso Ltd');
    expect(created.eTag).toBeTruthy();

    const existing = await rejection(
      client.certificate.createOrUpdate(resourceGroup, service, 'sdk-uploaded', { data: pfx('sdk-two', 'pw-2'), password: 'pw-2' }),
    );
    expect(existing.statusCode).toBe(409);

    const updated = await client.certificate.createOrUpdate(
      resourceGroup,
      service,
      'sdk-uploaded',
      { data: pfx('sdk-two', 'pw-2'), password: 'pw-2' },
      { ifMatch: created.eTag, onResponse },
    );
    expect(updated.subject).toBe('CN=sdk-two.contoso.com, O=Contoso Ltd');
    expect(updated.eTag).not.toBe(created.eTag);
    expect(statuses).toEqual([201, 200]);

    const stale = await rejection(
      client.certificate.createOrUpdate(resourceGroup, service, 'sdk-uploaded', { data: pfx('sdk-three', 'pw'), password: 'pw' }, { ifMatch: created.eTag }),
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.code).toBe('PreconditionFailed');

    const staleDelete = await rejection(client.certificate.delete(resourceGroup, service, 'sdk-uploaded', created.eTag!));
    expect(staleDelete.statusCode).toBe(412);
    await client.certificate.delete(resourceGroup, service, 'sdk-uploaded', updated.eTag!);
    const gone = await rejection(client.certificate.get(resourceGroup, service, 'sdk-uploaded'));
    expect(gone.statusCode).toBe(404);
    expect(gone.code).toBe('ResourceNotFound');
  });

  it('creates from Key Vault with the system identity and with a user identity, and refreshes', async () => {
    const client = clientFor('alice');
    const secretIdentifier = `https://${APIM_DEMO.vault}.vault.azure.net/secrets/gateway-cert`;
    const system = await client.certificate.createOrUpdate(resourceGroup, service, 'sdk-kv', { keyVault: { secretIdentifier } });
    expect(system.subject).toBe('CN=gateway.contoso.com, O=Contoso Ltd');
    expect(system.keyVault).toMatchObject({ secretIdentifier, lastStatus: { code: 'Success' } });
    expect(system.keyVault?.identityClientId).toBeUndefined();

    const pinned = `https://${APIM_DEMO.vault}.vault.azure.net/secrets/gateway-cert/${APIM_DEMO.secrets.gatewayOldVersion}`;
    const user = await client.certificate.createOrUpdate(resourceGroup, service, 'sdk-kv-user', {
      keyVault: { secretIdentifier: pinned, identityClientId: userIdentityClientId },
    });
    expect(user.keyVault?.identityClientId).toBe(userIdentityClientId);
    expect(user.thumbprint).not.toBe(system.thumbprint);

    const refreshed = await client.certificate.refreshSecret(resourceGroup, service, 'sdk-kv');
    expect(refreshed.keyVault?.lastStatus?.code).toBe('Success');
    expect(refreshed.eTag).not.toBe(system.eTag);

    const failing = await client.certificate.refreshSecret(resourceGroup, service, 'kv-deleted-secret');
    expect(failing.keyVault?.lastStatus).toMatchObject({ code: 'SecretNotFound', message: expect.stringMatching(/deleted-cert/) });

    const unknownIdentity = await rejection(
      client.certificate.createOrUpdate(resourceGroup, service, 'sdk-kv-bad', {
        keyVault: { secretIdentifier, identityClientId: '00000000-0000-4000-8000-000000000000' },
      }),
    );
    expect(unknownIdentity.statusCode).toBe(400);
    expect(unknownIdentity.message).toMatch(/no user-assigned identity/);
  });

  it('turns errors into RestError with the status and ARM code', async () => {
    const refused = await rejection(clientFor('carol').certificate.get(resourceGroup, service, 'kv-gateway'));
    expect(refused.statusCode).toBe(403);
    expect(refused.code).toBe('AuthorizationFailed');

    const readerWrite = await rejection(clientFor('bob').certificate.delete(resourceGroup, service, 'kv-gateway', '*'));
    expect(readerWrite.statusCode).toBe(403);
    expect(readerWrite.code).toBe('AuthorizationFailed');

    const inUse = await rejection(clientFor('alice').certificate.delete(resourceGroup, service, APIM_DEMO.certificateInUse, '*'));
    expect(inUse.statusCode).toBe(400);
    expect(inUse.message).toContain(APIM_DEMO.policyUsingIt);

    const badFilter = await rejection(
      (async () => {
        for await (const _ of clientFor('alice').certificate.listByService(resourceGroup, service, { filter: "subject eq 'a' and" })) void _;
      })(),
    );
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.message).toMatch(/position 19/);

    const wrongPassword = await rejection(
      clientFor('alice').certificate.createOrUpdate(resourceGroup, service, 'sdk-wrong', { data: pfx('sdk-wrong', 'right'), password: 'wrong' }),
    );
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.code).toBe('ValidationError');
  });
});
