import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startEmulator, type RunningEmulator } from '../../server.ts';
import { DEMO_SUBSCRIPTIONS } from '../../seed/demo-ids.ts';

const run = promisify(execFile);
const location = mkdtempSync(join(tmpdir(), 'certportal-token-'));
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, location, appDir: null, log: () => undefined });
});
afterAll(async () => {
  await emulator?.close();
  rmSync(location, { recursive: true, force: true });
});

async function token(...extra: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [
    '--import',
    'tsx',
    'emulator/main.ts',
    'token',
    '--url',
    emulator.url,
    '--ca',
    join(location, 'tls', 'ca.pem'),
    ...extra,
  ]);
  return stdout.trim();
}

async function curl(url: string, bearer: string, extraHeaders: string[] = []): Promise<{ status: number; body: string }> {
  const { stdout } = await run('curl', [
    '-sS',
    '--cacert',
    join(location, 'tls', 'ca.pem'),
    '-H',
    `Authorization: Bearer ${bearer}`,
    ...extraHeaders.flatMap((h) => ['-H', h]),
    '-w',
    '\n%{http_code}',
    url,
  ]);
  const lines = stdout.split('\n');
  return { status: Number(lines.pop()), body: lines.join('\n') };
}

describe('`npm run emulator -- token`', () => {
  it('prints a service principal token that curl can use against ARM', async () => {
    const bearer = await token();
    expect(bearer).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/);
    const { status, body } = await curl(`${emulator.url}arm/subscriptions?api-version=2022-12-01`, bearer);
    expect(status).toBe(200);
    const ids = (JSON.parse(body) as { value: Array<{ subscriptionId: string }> }).value.map((s) => s.subscriptionId);
    expect(ids).toContain(DEMO_SUBSCRIPTIONS.production.id);
  });

  it('prints a demo user token with --user, scoped to that user', async () => {
    const bearer = await token('--user', 'bob');
    const claims = JSON.parse(Buffer.from(bearer.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ aud: 'https://management.azure.com/', upn: 'bob@certportal.example', name: 'Bob Reader' });
    const { status, body } = await curl(`${emulator.url}arm/subscriptions?api-version=2022-12-01`, bearer);
    expect(status).toBe(200);
    const ids = (JSON.parse(body) as { value: Array<{ subscriptionId: string }> }).value.map((s) => s.subscriptionId);
    expect(ids).toEqual([DEMO_SUBSCRIPTIONS.production.id]);
  });

  it('gives Service Management tokens for --resource https://management.core.windows.net/', async () => {
    const bearer = await token('--resource', 'https://management.core.windows.net/');
    const claims = JSON.parse(Buffer.from(bearer.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    expect(claims.aud).toBe('https://management.core.windows.net/');
    const { status } = await curl(`${emulator.url}asm/${DEMO_SUBSCRIPTIONS.production.id}/certificates`, bearer, ['x-ms-version: 2014-10-01']);
    expect(status).toBe(200);
  });

  it('refuses a wrong demo user', async () => {
    await expect(token('--user', 'mallory')).rejects.toThrow(/unknown demo user/);
  });

  it('signing keys persist: a token from before a restart still works after it', async () => {
    const bearer = await token();
    const port = emulator.port;
    await emulator.close();
    // Same port: the issuer holds it, as a tenant's issuer holds its host.
    emulator = await startEmulator({ port, location, appDir: null, log: () => undefined });
    const { status } = await curl(`${emulator.url}arm/subscriptions?api-version=2022-12-01`, bearer);
    expect(status).toBe(200);
  });
});
