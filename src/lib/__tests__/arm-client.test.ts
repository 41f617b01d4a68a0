import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Tests may start the emulator (the app itself never imports it): remove this once the boundary rules exempt tests.
import { startTestEmulator, type TestEmulator } from '../../../emulator/test-support/test-emulator.ts';
import { AzureApiError, NetworkError } from '../api-error';
import { createArmClient, type ArmClient } from '../arm-client';
import { APIM_API_VERSION, SUBSCRIPTIONS_API_VERSION } from '../azure/api-versions';
import { getApimService, type ApimService } from '../azure/apim-service';
import { apimCertificatePath, apimCertificatesPath, apimServicesPath, resourceGroupOf, subscriptionsPath, type ApimServiceRef } from '../azure/resource-ids';
import { getSubscriptions } from '../azure/subscriptions';
import { closedEndpoint } from './closed-endpoint';

// The app's own ARM client (and the Azure facts it is used with) against a real emulator, in Node: every
// failure an admin can meet arrives as the typed error the blades explain.

interface Certificate {
  name: string;
  properties: { keyVault?: { secretIdentifier: string; identityClientId?: string | null } };
}

type User = 'alice' | 'bob' | 'carol';

let emulator: TestEmulator;
let endpoint: string;
let service: ApimServiceRef;
const armAs = (user: User): ArmClient => createArmClient(endpoint, () => emulator.token(user, 'arm'));

/** The rejection of `promise`, which must be an AzureApiError with this status and code. */
async function azureError(promise: Promise<unknown>, status: number, code: string): Promise<AzureApiError> {
  const error = await promise.then(
    () => expect.fail(`expected HTTP ${status} ${code}`),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AzureApiError);
  const apiError = error as AzureApiError;
  expect({ status: apiError.status, code: apiError.code }).toEqual({ status, code });
  expect(apiError.message.length).toBeGreaterThan(0);
  expect(apiError.requestId).toMatch(/^[0-9a-f-]{36}$/);
  return apiError;
}

beforeAll(async () => {
  emulator = await startTestEmulator({ seedDemo: true });
  endpoint = `${emulator.url.replace(/\/$/, '')}/arm`;
  // Find a service the way the app does: the owner's subscriptions, then their services.
  const arm = armAs('alice');
  for (const subscription of await getSubscriptions(arm)) {
    const [first] = await arm.listAll<ApimService>(apimServicesPath(subscription.subscriptionId), { apiVersion: APIM_API_VERSION });
    if (first) {
      service = { subscriptionId: subscription.subscriptionId, resourceGroup: resourceGroupOf(first.id), serviceName: first.name };
      break;
    }
  }
});
afterAll(() => emulator.close());

describe('the ARM client against the emulator', () => {
  it('reads typed data: the subscriptions, a service, a paged list with its ETag-bearing items', async () => {
    const arm = armAs('alice');
    expect(service.serviceName).toBeTruthy();
    const read = await getApimService(arm, service);
    expect(read.name).toBe(service.serviceName);
    const certificates = await arm.listAll<Certificate>(apimCertificatesPath(service), { apiVersion: APIM_API_VERSION });
    expect(certificates.length).toBeGreaterThan(0);
    const { etag, status } = await arm.send(apimCertificatePath(service, certificates[0].name), { apiVersion: APIM_API_VERSION });
    expect(status).toBe(200);
    expect(etag).toBeTruthy();
  });

  it('404 ResourceNotFound for a service that does not exist', async () => {
    await azureError(getApimService(armAs('alice'), { ...service, serviceName: 'no-such-service' }), 404, 'ResourceNotFound');
  });

  it('403 AuthorizationFailed: no role to read, and a reader who tries to write', async () => {
    const error = await azureError(getApimService(armAs('carol'), service), 403, 'AuthorizationFailed');
    expect(error.message).toMatch(/does not have authorization/);
    await azureError(
      armAs('bob').send(apimCertificatePath(service, 'from-a-reader'), { method: 'PUT', apiVersion: APIM_API_VERSION, body: { properties: {} } }),
      403,
      'AuthorizationFailed',
    );
  });

  it('409 Conflict when a create (no If-Match) meets an id that is taken', async () => {
    const arm = armAs('alice');
    const certificates = await arm.listAll<Certificate>(apimCertificatesPath(service), { apiVersion: APIM_API_VERSION });
    const fromKeyVault = certificates.find((c) => c.properties.keyVault);
    expect(fromKeyVault).toBeDefined();
    const { secretIdentifier, identityClientId } = fromKeyVault!.properties.keyVault!;
    const body = { properties: { keyVault: { secretIdentifier, identityClientId: identityClientId ?? null } } };
    await azureError(arm.send(apimCertificatePath(service, fromKeyVault!.name), { method: 'PUT', apiVersion: APIM_API_VERSION, body }), 409, 'Conflict');
  });

  it('412 PreconditionFailed when the If-Match ETag is stale', async () => {
    const arm = armAs('alice');
    const [certificate] = await arm.listAll<Certificate>(apimCertificatesPath(service), { apiVersion: APIM_API_VERSION });
    const request = { method: 'DELETE' as const, apiVersion: APIM_API_VERSION, ifMatch: '"stale-etag"' };
    await azureError(arm.send(apimCertificatePath(service, certificate.name), request), 412, 'PreconditionFailed');
  });

  it('400 with ARM JSON: code, message, target and details reach the typed error', async () => {
    const error = await azureError(
      armAs('alice').send(apimCertificatePath(service, 'empty-body'), { method: 'PUT', apiVersion: APIM_API_VERSION, body: { properties: {} } }),
      400,
      'ValidationError',
    );
    expect(error.target).toBeTruthy();
    expect(error.details?.[0]).toMatchObject({ code: 'ValidationError', target: error.target });
  });

  it('401 for a token the emulator did not sign, and for an expired one', async () => {
    await azureError(
      createArmClient(endpoint, async () => 'not-a-token').send(subscriptionsPath(), { apiVersion: SUBSCRIPTIONS_API_VERSION }),
      401,
      'InvalidAuthenticationToken',
    );
    const expired = createArmClient(endpoint, () => emulator.token('alice', 'arm', -7200));
    const error = await azureError(getSubscriptions(expired), 401, 'InvalidAuthenticationToken');
    expect(error.message).toMatch(/expired/);
  });

  it('NetworkError when nothing answers, naming the host', async () => {
    const offline = createArmClient(await closedEndpoint(), () => emulator.token('alice', 'arm'));
    const error = await getSubscriptions(offline).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(/^Could not reach 127\.0\.0\.1:\d+/);
  });
});
