import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../test-support/test-emulator.ts';
import { DEMO_SERVICE_PRINCIPAL, DEMO_SUBSCRIPTIONS, DEMO_TENANT_ID } from '../seed/demo-ids.ts';
import { OpensslWorkshop } from '../arm/__tests__/openssl-fixtures.ts';

const run = promisify(execFile);
const AZ = ['/usr/bin/az', '/usr/local/bin/az'].find((path) => existsSync(path));
const subscription = DEMO_SUBSCRIPTIONS.production.id;

let emulator: TestEmulator;
let configDir: string;
let openssl: OpensslWorkshop;

/** The real Azure CLI, unmodified: its own config dir, the emulator's CA through REQUESTS_CA_BUNDLE. Bounded: 60 s a command. */
async function az(...args: string[]): Promise<string> {
  const { stdout } = await run(AZ!, [...args, '--only-show-errors'], {
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      HOME: configDir,
      AZURE_CONFIG_DIR: configDir,
      REQUESTS_CA_BUNDLE: emulator.caPath,
      AZURE_CORE_COLLECT_TELEMETRY: 'false',
      AZURE_CORE_NO_COLOR: 'true',
    },
  });
  return stdout.trim();
}

beforeAll(async () => {
  if (!AZ) return;
  // Empty, as a new user starts it (no --demo); a short provisioning delay keeps `az apim create` quick.
  emulator = await startTestEmulator({ provisioningDelayMs: 300 });
  configDir = mkdtempSync(join(tmpdir(), 'certportal-az-'));
  openssl = new OpensslWorkshop();
});
afterAll(async () => {
  await emulator?.close();
  if (configDir) rmSync(configDir, { recursive: true, force: true });
  openssl?.dispose();
});

// Skipped only when the CLI is missing; .ci/run installs Debian's azure-cli so CI always runs it.
describe.skipIf(!AZ)('the Azure CLI (Debian azure-cli 2.45) against an empty emulator', () => {
  it(
    'registers the cloud from ARM metadata, signs in as the service principal and as alice, and manages groups, services and certificates',
    { timeout: 240_000 },
    async () => {
      const arm = `${emulator.url}arm`;
      await az('cloud', 'register', '-n', 'certportal', '--endpoint-resource-manager', arm);
      await az('cloud', 'set', '-n', 'certportal');
      const cloud = JSON.parse(await az('cloud', 'show', '-o', 'json')) as { endpoints: Record<string, string> };
      expect(cloud.endpoints.activeDirectory).toBe(`${emulator.url}adfs`);
      expect(cloud.endpoints.activeDirectoryResourceId).toBe('https://management.core.windows.net/');

      const asPrincipal = await az(
        'login',
        '--service-principal',
        '-u',
        DEMO_SERVICE_PRINCIPAL.clientId,
        '-p',
        DEMO_SERVICE_PRINCIPAL.clientSecret,
        '--tenant',
        DEMO_TENANT_ID,
        '-o',
        'json',
      );
      expect((JSON.parse(asPrincipal) as Array<{ id: string }>).map((s) => s.id)).toContain(subscription);

      await az('login', '-u', 'alice@certportal.example', '-p', 'alice-demo-password', '-o', 'none');
      const accounts = JSON.parse(await az('account', 'list', '-o', 'json')) as Array<{ id: string; user: { name: string } }>;
      expect(accounts.filter((a) => a.user.name === 'alice@certportal.example').map((a) => a.id)).toContain(subscription);
      await az('account', 'set', '-s', subscription);

      await az('group', 'create', '-n', 'rg-cli', '-l', 'westeurope', '-o', 'none');
      expect(await az('group', 'list', '--query', '[].name', '-o', 'tsv')).toBe('rg-cli');

      const created = JSON.parse(
        await az(
          'apim',
          'create',
          '-n',
          'cli-apim',
          '-g',
          'rg-cli',
          '--publisher-email',
          'admin@contoso.example',
          '--publisher-name',
          'Contoso',
          '--sku-name',
          'Developer',
          '-o',
          'json',
        ),
      ) as { provisioningState: string };
      expect(created.provisioningState).toBe('Succeeded');
      expect(await az('apim', 'show', '-n', 'cli-apim', '-g', 'rg-cli', '--query', 'sku.name', '-o', 'tsv')).toBe('Developer');
      expect(await az('apim', 'list', '--query', '[].name', '-o', 'tsv')).toBe('cli-apim');

      const key = openssl.key('cli', 'rsa');
      const crt = openssl.certificate('cli', key, '/CN=cli.contoso.example', 30);
      writeFileSync(openssl.path('body.json'), JSON.stringify({ properties: { data: openssl.pfx('cli', key, crt, 'pw').toString('base64'), password: 'pw' } }));
      const url = `${arm}/subscriptions/${subscription}/resourceGroups/rg-cli/providers/Microsoft.ApiManagement/service/cli-apim/certificates/cli-cert?api-version=2024-05-01`;
      const expected = openssl.facts(crt).thumbprint;
      expect(
        await az('rest', '--method', 'put', '--url', url, '--body', `@${openssl.path('body.json')}`, '--query', 'properties.thumbprint', '-o', 'tsv'),
      ).toBe(expected);
      expect(await az('rest', '--method', 'get', '--url', url, '--query', 'properties.thumbprint', '-o', 'tsv')).toBe(expected);

      const token = await az('account', 'get-access-token', '--query', 'accessToken', '-o', 'tsv');
      const { stdout } = await run(
        'curl',
        ['-sS', '--cacert', emulator.caPath, '-H', `Authorization: Bearer ${token}`, `${arm}/subscriptions?api-version=2022-12-01`],
        { timeout: 30_000 },
      );
      expect((JSON.parse(stdout) as { value: Array<{ subscriptionId: string }> }).value.map((s) => s.subscriptionId)).toContain(subscription);
    },
  );
});
