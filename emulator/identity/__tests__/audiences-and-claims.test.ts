import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../../test-support/test-emulator.ts';
import { mintAccessToken } from '../../test-support/mint-token.ts';
import { DEMO_SERVICE_PRINCIPAL, DEMO_TENANT_ID, DEMO_USERS } from '../../seed/demo-ids.ts';

let emulator: TestEmulator;
let appDir: string;
const alice = DEMO_USERS[0];

beforeAll(async () => {
  appDir = mkdtempSync(join(tmpdir(), 'certportal-app-'));
  writeFileSync(join(appDir, 'index.html'), '<!DOCTYPE html><title>certportal</title>');
  emulator = await startTestEmulator({ appDir });
});
afterAll(async () => {
  await emulator.close();
  rmSync(appDir, { recursive: true, force: true });
});

const tokenFor = (audience: string) => mintAccessToken(emulator.keys, { issuer: emulator.issuer, audience, user: alice });
const call = async (prefix: string, path: string, audience: string) =>
  fetch(`${emulator.url}${prefix}${path}`, { headers: { Authorization: `Bearer ${await tokenFor(audience)}`, 'x-ms-version': '2014-10-01' } });

async function adfsToken(form: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.url}adfs/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe('audiences as ARM and Service Management have them', () => {
  it.each(['https://management.azure.com/', 'https://management.azure.com', 'https://management.core.windows.net/', 'https://management.core.windows.net'])(
    'ARM accepts a token for %s',
    async (audience) => {
      expect((await call('arm', '/subscriptions?api-version=2022-12-01', audience)).status).toBe(200);
    },
  );

  it('ARM refuses any other audience with 401 InvalidAuthenticationToken', async () => {
    const response = await call('arm', '/subscriptions?api-version=2022-12-01', 'https://graph.microsoft.com/');
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationToken');
  });

  it("Service Management accepts its own audience and refuses ARM's", async () => {
    const subscription = '0b1f6471-1bf0-4dda-aec3-cb9272f09590';
    expect((await call('asm', `/${subscription}/certificates`, 'https://management.core.windows.net/')).status).not.toBe(401);
    const refused = await call('asm', `/${subscription}/certificates`, 'https://management.azure.com/');
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/<Error/);
  });
});

describe('access tokens carry the claims Azure tools read, v1-shaped', () => {
  it('a user token from the AD FS-style authority (password grant, as az login -u)', async () => {
    const body = await adfsToken({
      grant_type: 'password',
      client_id: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
      username: alice.upn,
      password: alice.password,
      scope: 'https://management.core.windows.net//.default offline_access openid profile',
    });
    const claims = decodeJwt(String(body.access_token));
    expect(claims).toMatchObject({ ver: '1.0', aud: 'https://management.core.windows.net/', iss: `${emulator.url}adfs`, tid: DEMO_TENANT_ID, oid: alice.oid });
    expect(claims).toMatchObject({
      appid: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
      upn: alice.upn,
      unique_name: alice.upn,
      name: alice.name,
      scp: 'user_impersonation',
    });
    for (const time of ['iat', 'nbf', 'exp'] as const) expect(typeof claims[time]).toBe('number');
    expect(decodeJwt(String(body.id_token))).toMatchObject({ iss: `${emulator.url}adfs`, upn: alice.upn });
    const refreshed = await adfsToken({
      grant_type: 'refresh_token',
      client_id: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
      refresh_token: String(body.refresh_token),
      scope: 'https://management.azure.com//.default',
    });
    expect(decodeJwt(String(refreshed.access_token)).aud).toBe('https://management.azure.com/');
  });

  it('an application token (client credentials) from both authorities', async () => {
    const form = {
      grant_type: 'client_credentials',
      client_id: DEMO_SERVICE_PRINCIPAL.clientId,
      client_secret: DEMO_SERVICE_PRINCIPAL.clientSecret,
      scope: 'https://management.azure.com/.default',
    };
    const fromAdfs = decodeJwt(String((await adfsToken(form)).access_token));
    expect(fromAdfs).toMatchObject({
      ver: '1.0',
      appid: DEMO_SERVICE_PRINCIPAL.clientId,
      tid: DEMO_TENANT_ID,
      oid: DEMO_SERVICE_PRINCIPAL.oid,
      idtyp: 'app',
      roles: [],
    });
    const response = await fetch(`${emulator.issuer}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    const fromEntra = decodeJwt(((await response.json()) as { access_token: string }).access_token);
    expect(fromEntra).toMatchObject({ ver: '1.0', appid: DEMO_SERVICE_PRINCIPAL.clientId, tid: DEMO_TENANT_ID, oid: DEMO_SERVICE_PRINCIPAL.oid });
    for (const time of ['iat', 'nbf', 'exp'] as const) expect(typeof fromEntra[time]).toBe('number');
  });

  it('a wrong secret is 401 invalid_client in the OAuth error body', async () => {
    const response = await fetch(`${emulator.url}adfs/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: DEMO_SERVICE_PRINCIPAL.clientId,
        client_secret: 'wrong',
        scope: 'https://management.azure.com/.default',
      }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });
});

describe('unknown API paths answer 404 in the owning service format, index.html only to navigations', () => {
  it('ARM metadata is anonymous', async () => {
    const response = await fetch(`${emulator.url}arm/metadata/endpoints?api-version=2015-01-01`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      authentication: { loginEndpoint: `${emulator.url}adfs`, audiences: ['https://management.core.windows.net/', 'https://management.azure.com/'] },
    });
  });

  it.each([
    ['GET', '/subscriptions?api-version=2022-12-01', 'InvalidResourceType'],
    ['GET', '/common/discovery/instance?api-version=1.0', 'not_found'],
    ['POST', `/${DEMO_TENANT_ID}/oauth2/token`, 'not_found'],
  ])('%s %s is a JSON 404', async (method, path, code) => {
    const response = await fetch(`${emulator.url}${path.slice(1)}`, { method, headers: { Accept: 'application/json' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await response.json()) as { error: string | { code: string } };
    expect(typeof body.error === 'string' ? body.error : body.error.code).toBe(code);
  });

  it('a browser navigation to a deep link gets index.html', async () => {
    const response = await fetch(`${emulator.url}subscriptions/x/management-certificates`, { headers: { Accept: 'text/html,*/*;q=0.8' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<title>certportal/);
  });
});
