import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, generateKeyPair } from 'jose';
import { startTestEmulator, type TestEmulator } from '../../test-support/test-emulator.ts';
import { DEMO_SUBSCRIPTIONS, DEMO_USERS } from '../../seed/demo-ids.ts';
import { mintAccessToken } from '../../test-support/mint-token.ts';

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());

const sub = DEMO_SUBSCRIPTIONS.production.id;

async function forgedToken(): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT({ oid: 'x', tid: 'y' })
    .setProtectedHeader({ alg: 'RS256', kid: emulator.keys.privateJwk.kid })
    .setIssuer(emulator.issuer)
    .setAudience('https://management.azure.com/')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}

async function expectArm401(authorization: string | undefined, messagePart: RegExp) {
  const headers: Record<string, string> = authorization ? { Authorization: authorization } : {};
  const response = await fetch(`${emulator.url}arm/subscriptions?api-version=2022-12-01`, { headers });
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer authorization_uri="https:\/\/localhost:\d+\/[0-9a-f-]+"/);
  expect(response.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('InvalidAuthenticationToken');
  expect(body.error.message).toMatch(messagePart);
}

async function expectAsm401(authorization: string | undefined, messagePart: RegExp) {
  const headers: Record<string, string> = { 'x-ms-version': '2014-10-01', ...(authorization ? { Authorization: authorization } : {}) };
  const response = await fetch(`${emulator.url}asm/${sub}/certificates`, { headers });
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
  const text = await response.text();
  expect(text).toContain('<Error xmlns="http://schemas.microsoft.com/windowsazure"><Code>AuthenticationFailed</Code>');
  expect(text.replace(/&apos;/g, "'")).toMatch(messagePart);
}

describe('every API refuses a bad token with 401, WWW-Authenticate and its own error body', () => {
  it('missing', async () => {
    await expectArm401(undefined, /Authorization header is missing/);
    await expectAsm401(undefined, /Authorization header is missing/);
  });
  it('malformed', async () => {
    await expectArm401('Bearer not-a-jwt', /malformed/);
    await expectArm401('Basic abc', /Bearer/);
    await expectAsm401('Bearer a.b.c', /malformed/);
  });
  it('expired', async () => {
    await expectArm401(`Bearer ${await emulator.token('alice', 'arm', -7200)}`, /expired/);
    await expectAsm401(`Bearer ${await emulator.token('alice', 'asm', -7200)}`, /expired/);
  });
  it('not yet valid', async () => {
    await expectArm401(`Bearer ${await emulator.token('alice', 'arm', 600)}`, /not yet valid/);
  });
  it('wrongly signed', async () => {
    await expectArm401(`Bearer ${await forgedToken()}`, /signature is invalid/);
  });
  it('wrong audience: an ARM token at Service Management, and a Graph token at ARM', async () => {
    await expectAsm401(`Bearer ${await emulator.token('alice', 'arm')}`, /invalid audience 'https:\/\/management.azure.com\/'/);
    // ARM takes Service Management's audience too, as Azure's does (the Azure CLI asks for it): a third audience is refused.
    const graphToken = await mintAccessToken(emulator.keys, { issuer: emulator.issuer, audience: 'https://graph.microsoft.com/', user: DEMO_USERS[0] });
    await expectArm401(`Bearer ${graphToken}`, /invalid audience 'https:\/\/graph.microsoft.com\/'/);
  });
  it('never writes a token into its log', async () => {
    const token = await emulator.token('alice');
    await fetch(`${emulator.url}arm/subscriptions?api-version=2022-12-01`, { headers: { Authorization: `Bearer ${token}` } });
    const logs = (emulator as unknown as { logs: string[] }).logs;
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain(token.split('.')[1]);
  });
});
