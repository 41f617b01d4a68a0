import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../test-support/test-emulator.ts';
import { API_VERSION, certificatesPath, keyVaultBody } from '../test-support/child-emulator.ts';
import { APIM_DEMO, DEMO_SUBSCRIPTIONS } from '../seed/demo-ids.ts';
import { inAnHour, namedToken } from '../apim-direct/__tests__/direct-fixtures.ts';

/**
 * Issue 13, findings 5 and 6: a certificate id with NUL, CR, LF or ESC was stored (201); an ASM body of
 * 100,000 nested elements overflowed the XML parser's recursion (500). Each is now a 400 in the service's format.
 */

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ seedDemo: true });
});
afterAll(() => emulator.close());

const CONTROLS = { NUL: '\u0000', CR: '\r', LF: '\n', ESC: '\u001b' };
const count = () => (emulator.db.prepare('SELECT count(*) AS n FROM apim_certificates').get() as { n: number }).n;

describe('control characters in certificate ids', () => {
  it('ARM: 400 ValidationError naming certificateId, nothing stored', async () => {
    const before = count();
    for (const [name, control] of Object.entries(CONTROLS)) {
      const id = encodeURIComponent(`evil${control}id`);
      const res = await emulator.arm(`${certificatesPath().replace(/^\/arm/, '')}/${id}?${API_VERSION}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: keyVaultBody(),
      });
      expect(res.status, name).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string; details?: Array<{ target: string }> } };
      expect(body.error.code, name).toBe('ValidationError');
      expect(JSON.stringify(body), name).toMatch(/control character U\+00(00|0D|0A|1B)/);
    }
    expect(count()).toBe(before);
  });

  it('the legacy direct API: 400 in its own error shape, nothing stored', async () => {
    const { subscriptionId, resourceGroup, service } = APIM_DEMO.production;
    const secrets = await emulator.arm(
      `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service/${service}/tenant/access/listSecrets?api-version=2024-05-01`,
      { method: 'POST' },
    );
    const { primaryKey } = (await secrets.json()) as { primaryKey: string };
    const before = count();
    for (const [name, control] of Object.entries(CONTROLS)) {
      const res = await fetch(`${emulator.url}apim-direct/${service}/certificates/${encodeURIComponent(`evil${control}id`)}?api-version=2014-02-14-preview`, {
        method: 'PUT',
        headers: { Authorization: namedToken(primaryKey, 'integration', inAnHour()), 'Content-Type': 'text/plain' },
        body: JSON.stringify({ data: 'AAAA', password: 'pw' }),
      });
      expect(res.status, name).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code, name).toBe('ValidationError');
    }
    expect(count()).toBe(before);
  });
});

describe('deeply nested XML to Service Management', () => {
  it('100,000 nested elements: 400 InvalidXmlRequest in Service Management XML, and the server goes on', async () => {
    const depth = 100_000;
    const body = `<SubscriptionCertificate xmlns="http://schemas.microsoft.com/windowsazure">${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</SubscriptionCertificate>`;
    const res = await emulator.asm(`/${DEMO_SUBSCRIPTIONS.development.id}/certificates`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/xml' },
      body,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/xml/);
    const text = await res.text();
    expect(text).toContain('<Code>InvalidXmlRequest</Code>');
    expect(text).toContain('more than 32 levels deep');
    expect((await fetch(`${emulator.url}healthz`)).status).toBe(200);
  });
});
