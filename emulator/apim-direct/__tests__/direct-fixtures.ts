import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../../test-support/test-emulator.ts';
import { APIM_DEMO } from '../../seed/demo-ids.ts';
import { OpensslWorkshop } from '../../arm/__tests__/openssl-fixtures.ts';

export const { subscriptionId, resourceGroup, service, partnerService } = APIM_DEMO.production;
export const LEGACY = 'api-version=2014-02-14-preview';
export const servicePath = (name: string) =>
  `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service/${name}`;
export const accessPath = (name: string) => `${servicePath(name)}/tenant/access`;

export const fixtures = {} as { emulator: TestEmulator; openssl: OpensslWorkshop; pfx: string; pfxFacts: { subject: string; thumbprint: string } };

export function setUpDirectEmulator(): void {
  beforeAll(async () => {
    fixtures.emulator = await startTestEmulator({ seedDemo: true });
    fixtures.openssl = new OpensslWorkshop();
    const key = fixtures.openssl.key('legacy', 'ec');
    fixtures.openssl.certificate('legacy', key, '/CN=legacy.contoso.com', 90);
    fixtures.pfx = fixtures.openssl.pfx('legacy', key, 'legacy.crt', 'pw').toString('base64');
    fixtures.pfxFacts = fixtures.openssl.facts('legacy.crt');
  });
  afterAll(async () => {
    await fixtures.emulator.close();
    fixtures.openssl.dispose();
  });
}

/** Computed here, independently of the emulator's code: base64(HMAC-SHA512(UTF-8 key, id + "\n" + expiry)). */
export function signature(key: string, identifier: string, expiry: string): string {
  return createHmac('sha512', Buffer.from(key, 'utf8')).update(`${identifier}\n${expiry}`).digest('base64');
}

/** .NET round-trip, 7 fractional digits, built by hand. */
export function roundTrip(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.0000000Z`;
}

export function namedToken(key: string, identifier: string, expiresAt: Date): string {
  const expiry = roundTrip(expiresAt);
  return `SharedAccessSignature uid=${identifier}&ex=${expiry}&sn=${signature(key, identifier, expiry)}`;
}

export function shortToken(key: string, identifier: string, expiresAt: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const expiry = `${expiresAt.getUTCFullYear()}${pad(expiresAt.getUTCMonth() + 1)}${pad(expiresAt.getUTCDate())}${pad(expiresAt.getUTCHours())}${pad(expiresAt.getUTCMinutes())}`;
  return `SharedAccessSignature ${identifier}&${expiry}&${signature(key, identifier, expiry)}`;
}

export interface Secrets {
  id: string;
  primaryKey: string;
  secondaryKey: string;
  enabled: boolean;
}

export async function listSecrets(name: string = service): Promise<Secrets> {
  const response = await fixtures.emulator.arm(`${accessPath(name)}/listSecrets?api-version=2024-05-01`, { method: 'POST' });
  expect(response.status).toBe(200);
  return (await response.json()) as Secrets;
}

export const inAnHour = () => new Date(Date.now() + 3_600_000);

/** A request to the legacy API of `name`, signed with `authorization` (none when null). */
export function legacy(name: string, path: string, authorization: string | null, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (authorization !== null) headers.set('Authorization', authorization);
  return fetch(`${fixtures.emulator.url}apim-direct/${name}${path}`, { ...init, headers });
}

export interface LegacyErrorBody {
  error: { code: string; message: string; details: Array<{ code: string; target: string; message: string }> | null };
}

export async function expectLegacyError(response: Response, status: number, code: string, message?: RegExp): Promise<LegacyErrorBody['error']> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await response.json()) as LegacyErrorBody;
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  if (message) expect(body.error.message + JSON.stringify(body.error.details)).toMatch(message);
  return body.error;
}
