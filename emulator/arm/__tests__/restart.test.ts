import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../server.ts';
import { mintAccessToken } from '../../test-support/mint-token.ts';
import { ARM_AUDIENCE } from '../../identity/directory.ts';
import type { SigningKeys } from '../../identity/signing-keys.ts';
import { APIM_DEMO, DEMO_USERS } from '../../seed/demo-ids.ts';
import { OpensslWorkshop } from './openssl-fixtures.ts';
import { startChildEmulator, type ChildEmulator } from '../../test-support/child-emulator.ts';
import { waitUntilNoEmulator } from '../../test-support/leftover-emulators.ts';

const { subscriptionId, resourceGroup, service } = APIM_DEMO.production;
const certificates = `/arm/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service/${service}/certificates`;
const api = 'api-version=2024-05-01';

const dir = mkdtempSync(join(tmpdir(), 'certportal-restart-'));
const openssl = new OpensslWorkshop();
const children: ChildEmulator[] = [];

afterAll(async () => {
  for (const child of children) await child.kill();
  rmSync(dir, { recursive: true, force: true });
  openssl.dispose();
});

interface Reply {
  status: number;
  etag: string | undefined;
  body: string;
}

/** node:https, because the emulator on `dir` has its own CA, which the test process does not trust by default. */
function call(ca: Buffer, url: string, token: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpsRequest(
      url,
      { method, ca, headers: { Authorization: `Bearer ${token}`, ...(payload ? { 'Content-Type': 'application/json' } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * `node dist-emulator/main.js serve --location DIR`: the server itself is the child, so SIGKILL reaches it
 * (through the tsx CLI it reached only the wrapper, and the server lived on).
 */
async function serveInChildProcess(): Promise<{ child: ChildEmulator; url: string }> {
  const child = await startChildEmulator({ location: dir });
  children.push(child);
  return { child, url: child.url };
}

/** SIGKILL to the server, then proof that no emulator on `dir` is left: the crash was real. */
async function killed(child: ChildEmulator): Promise<void> {
  await child.kill();
  expect(await waitUntilNoEmulator((args) => args.includes(dir), 5_000)).toEqual([]);
}

describe('state survives a restart and a crash', () => {
  it('create, SIGKILL, start again on the same --location: everything is there', async () => {
    const emulator = await startEmulator({ port: 0, location: dir, appDir: null, seedDemo: true, log: () => undefined });
    const ca = readFileSync(emulator.caPath);
    const keys: SigningKeys = emulator.keys;
    const tokenFor = (url: string) =>
      mintAccessToken(keys, {
        issuer: emulator.issuer.replace(emulator.url.replace(/\/$/, ''), url.replace(/\/$/, '')),
        audience: ARM_AUDIENCE,
        user: DEMO_USERS[0],
      });
    const at = (url: string, path: string) => `${url.replace(/\/$/, '')}${path}`;

    let token = await tokenFor(emulator.url);
    const key = openssl.key('restart', 'ec');
    openssl.certificate('restart', key, '/CN=restart.contoso.com', 90);
    const pfx = openssl.pfx('restart', key, 'restart.crt', 'pw').toString('base64');
    const created = await call(ca, at(emulator.url, `${certificates}/survivor?${api}`), token, 'PUT', { properties: { data: pfx, password: 'pw' } });
    expect(created.status).toBe(201);
    const deleted = await call(ca, at(emulator.url, `${certificates}/payments-client?${api}`), token, 'DELETE', undefined, { 'If-Match': '*' });
    expect(deleted.status).toBe(200);
    await emulator.close();

    // A separate process on the same location; crash it right after a write was answered.
    let { child, url } = await serveInChildProcess();
    token = await tokenFor(url);
    const survivor = await call(ca, at(url, `${certificates}/survivor?${api}`), token);
    expect(survivor.status).toBe(200);
    expect(survivor.etag).toBe(created.etag);
    const replaced = await call(
      ca,
      at(url, `${certificates}/survivor?${api}`),
      token,
      'PUT',
      { properties: { data: pfx, password: 'pw' } },
      { 'If-Match': survivor.etag! },
    );
    expect(replaced.status).toBe(200);
    const kv = await call(ca, at(url, `${certificates}/kv-after-crash?${api}`), token, 'PUT', {
      properties: { keyVault: { secretIdentifier: `https://${APIM_DEMO.vault}.vault.azure.net/secrets/gateway-cert` } },
    });
    expect(kv.status).toBe(201);
    await killed(child);

    ({ child, url } = await serveInChildProcess());
    token = await tokenFor(url);
    const afterCrash = await call(ca, at(url, `${certificates}/survivor?${api}`), token);
    expect(afterCrash.status).toBe(200);
    expect(afterCrash.etag).toBe(replaced.etag);
    expect(JSON.parse(afterCrash.body)).toMatchObject({ name: 'survivor', properties: { subject: 'CN=restart.contoso.com' } });
    const kvAfter = await call(ca, at(url, `${certificates}/kv-after-crash?${api}`), token);
    expect(JSON.parse(kvAfter.body)).toMatchObject({ properties: { keyVault: { lastStatus: { code: 'Success' } } } });
    expect((await call(ca, at(url, `${certificates}/payments-client?${api}`), token)).status).toBe(404);
    const list = JSON.parse((await call(ca, at(url, `${certificates}?${api}`), token)).body) as { count: number };
    expect(list.count).toBe(10);
    await killed(child);
  });
});
