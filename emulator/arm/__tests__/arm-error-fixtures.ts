import { afterAll, beforeAll, expect } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../../test-support/test-emulator.ts';
import { APIM_DEMO } from '../../seed/demo-ids.ts';
import { OpensslWorkshop } from './openssl-fixtures.ts';

/**
 * What the ARM error tests share: the demo service's paths, one seeded emulator per test file (started by
 * setUpArmErrorsEmulator), a PFX openssl made, and the checks every ARM error answer must pass.
 */
export const { subscriptionId, resourceGroup, service, userIdentityClientId } = APIM_DEMO.production;
export const api = 'api-version=2024-05-01';
export const serviceBase = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service/${service}`;
export const certificates = `${serviceBase}/certificates`;
export const vault = `https://${APIM_DEMO.vault}.vault.azure.net/secrets`;

export type User = 'alice' | 'bob' | 'carol';
interface ErrorBody {
  error: { code: string; message: string; target?: string; details?: Array<{ code: string; message: string; target?: string }> };
}

// Live bindings: set by the hooks setUpArmErrorsEmulator registers, read by the tests of the file that calls it.
export let emulator: TestEmulator;
export let openssl: OpensslWorkshop;
export let goodPfx: string;

export function setUpArmErrorsEmulator(): void {
  beforeAll(async () => {
    emulator = await startTestEmulator({ seedDemo: true });
    openssl = new OpensslWorkshop();
    const key = openssl.key('good', 'ec');
    openssl.certificate('good', key, '/CN=good.contoso.com', 60);
    goodPfx = openssl.pfx('good', key, 'good.crt', 'pw').toString('base64');
  });
  afterAll(async () => {
    await emulator.close();
    openssl.dispose();
  });
}

export async function expectError(response: Response, status: number, code: string, message?: RegExp): Promise<ErrorBody['error']> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  expect(response.headers.get('x-ms-correlation-request-id')).toBeTruthy();
  const { error } = JSON.parse(text) as ErrorBody;
  expect(error.code).toBe(code);
  if (message) expect(error.message).toMatch(message);
  return error;
}

export const put = (path: string, body: unknown, headers: Record<string, string> = {}, user: User = 'alice') =>
  emulator.arm(path, {
    method: 'PUT',
    user,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

export async function etagOf(id: string): Promise<string> {
  const response = await emulator.arm(`${certificates}/${id}?${api}`, { method: 'HEAD' });
  expect(response.status).toBe(200);
  return response.headers.get('etag')!;
}
