import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Tests may start the emulator (the app itself never imports it): remove this once the boundary rules exempt tests.
import { startTestEmulator, type TestEmulator } from '../../../emulator/test-support/test-emulator.ts';
import { AzureApiError, NetworkError } from '../api-error';
import { AZURE_XMLNS, childText, createAsmClient, escapeXml, type AsmClient } from '../asm-client';
import { managementCertificatePath, managementCertificatesPath } from '../azure/resource-ids';
import { getSubscriptions } from '../azure/subscriptions';
import { createArmClient } from '../arm-client';
import { closedEndpoint } from './closed-endpoint';
import { parseXmlInNode } from './node-xml-parser';

// The app's own Service Management client against a real emulator, in Node: XML in, XML errors out as
// typed errors.

type User = 'alice' | 'bob' | 'carol';

let emulator: TestEmulator;
let endpoint: string;
/** A subscription alice owns that holds management certificates; bob reads it. */
let subscriptionId: string;
const asmAs = (user: User, token = () => emulator.token(user, 'asm')): AsmClient => createAsmClient(endpoint, token, parseXmlInNode);

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

async function certificatesOf(asm: AsmClient, id: string) {
  const doc = await asm.send(managementCertificatesPath(id));
  return Array.from(doc?.getElementsByTagNameNS(AZURE_XMLNS, 'SubscriptionCertificate') ?? []);
}

beforeAll(async () => {
  emulator = await startTestEmulator({ seedDemo: true });
  endpoint = `${emulator.url.replace(/\/$/, '')}/asm`;
  // The subscription bob can read too: a reader's write is refused there, not hidden.
  const arm = createArmClient(`${emulator.url.replace(/\/$/, '')}/arm`, () => emulator.token('bob', 'arm'));
  [{ subscriptionId }] = await getSubscriptions(arm);
});
afterAll(() => emulator.close());

describe('the Service Management client against the emulator', () => {
  it('reads the XML list with the version header it sends', async () => {
    const certificates = await certificatesOf(asmAs('alice'), subscriptionId);
    expect(certificates.length).toBeGreaterThan(0);
    for (const certificate of certificates) expect(childText(certificate, 'SubscriptionCertificateThumbprint')).toMatch(/^[0-9A-F]{40}$/i);
  });

  it('404 ResourceNotFound for a thumbprint the subscription does not hold', async () => {
    await azureError(asmAs('alice').send(managementCertificatePath(subscriptionId, '0'.repeat(40))), 404, 'ResourceNotFound');
  });

  it('403 ForbiddenError: no role on the subscription, and a reader who tries to delete', async () => {
    await azureError(asmAs('carol').send(managementCertificatesPath(subscriptionId)), 403, 'ForbiddenError');
    const [first] = await certificatesOf(asmAs('bob'), subscriptionId);
    const thumbprint = childText(first, 'SubscriptionCertificateThumbprint');
    await azureError(asmAs('bob').send(managementCertificatePath(subscriptionId, thumbprint), { method: 'DELETE' }), 403, 'ForbiddenError');
  });

  it('409 ConflictError when the certificate is already uploaded', async () => {
    const asm = asmAs('alice');
    const [first] = await certificatesOf(asm, subscriptionId);
    const element = (name: string) => `<${name}>${escapeXml(childText(first, name))}</${name}>`;
    const xml =
      `<SubscriptionCertificate xmlns="${AZURE_XMLNS}">` +
      ['SubscriptionCertificatePublicKey', 'SubscriptionCertificateThumbprint', 'SubscriptionCertificateData'].map(element).join('') +
      `</SubscriptionCertificate>`;
    const error = await azureError(asm.send(managementCertificatesPath(subscriptionId), { method: 'POST', xml }), 409, 'ConflictError');
    expect(error.message).toContain(childText(first, 'SubscriptionCertificateThumbprint'));
  });

  it('400 with Service Management XML: the code and message come from the Error document', async () => {
    const xml = `<SubscriptionCertificate xmlns="${AZURE_XMLNS}"><SubscriptionCertificateThumbprint>not-a-thumbprint</SubscriptionCertificateThumbprint></SubscriptionCertificate>`;
    const error = await azureError(asmAs('alice').send(managementCertificatesPath(subscriptionId), { method: 'POST', xml }), 400, 'BadRequest');
    expect(error.message).not.toMatch(/^The service answered/);
  });

  it('401 AuthenticationFailed for a token the emulator did not sign, and for an expired one', async () => {
    await azureError(asmAs('alice', async () => 'not-a-token').send(managementCertificatesPath(subscriptionId)), 401, 'AuthenticationFailed');
    const expired = asmAs('alice', () => emulator.token('alice', 'asm', -7200));
    await azureError(expired.send(managementCertificatesPath(subscriptionId)), 401, 'AuthenticationFailed');
  });

  it('NetworkError when nothing answers', async () => {
    const offline = createAsmClient(await closedEndpoint(), () => emulator.token('alice', 'asm'), parseXmlInNode);
    const error = await offline.send(managementCertificatesPath(subscriptionId)).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(NetworkError);
  });
});
