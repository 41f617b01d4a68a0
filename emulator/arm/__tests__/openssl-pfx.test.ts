import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../../test-support/test-emulator.ts';
import { APIM_DEMO } from '../../seed/demo-ids.ts';
import { OpensslWorkshop, type OpensslFacts } from './openssl-fixtures.ts';

const { subscriptionId, resourceGroup, service } = APIM_DEMO.production;
const certificates = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service/${service}/certificates`;

let emulator: TestEmulator;
let openssl: OpensslWorkshop;
let rsaKey: string;
let ecKey: string;

beforeAll(async () => {
  emulator = await startTestEmulator({ seedDemo: true });
  openssl = new OpensslWorkshop();
  rsaKey = openssl.key('rsa', 'rsa');
  ecKey = openssl.key('ec', 'ec');
});
afterAll(async () => {
  await emulator.close();
  openssl.dispose();
});

interface Variant {
  id: string;
  key: () => string;
  subject: string;
  password: string;
  options: string[];
}

const variants: Variant[] = [
  { id: 'rsa-aes', key: () => rsaKey, subject: '/C=US/O=Contoso Ltd/CN=rsa-aes.contoso.com', password: 'Secret-123', options: [] },
  { id: 'rsa-legacy', key: () => rsaKey, subject: '/C=US/O=Contoso Ltd/OU=Legacy/CN=rsa-legacy.contoso.com', password: 'Secret-123', options: ['-legacy'] },
  { id: 'rsa-no-password', key: () => rsaKey, subject: '/O=Contoso Ltd/CN=no-password.contoso.com', password: '', options: [] },
  { id: 'rsa-non-ascii-password', key: () => rsaKey, subject: '/CN=unicode-password.contoso.com', password: 'pässwörd-日本-€', options: [] },
  {
    id: 'rsa-windows-3des',
    key: () => rsaKey,
    subject: '/CN=windows-export.contoso.com',
    password: 'Secret-123',
    options: ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'SHA1'],
  },
  { id: 'ec-aes', key: () => ecKey, subject: '/C=DE/O=Contoso GmbH/CN=ec-aes.contoso.de', password: 'Secret-123', options: [] },
  { id: 'ec-legacy', key: () => ecKey, subject: '/CN=ec-legacy.contoso.de', password: 'Secret-123', options: ['-legacy'] },
];

async function upload(id: string, pfx: Buffer, password: string): Promise<Response> {
  return emulator.arm(`${certificates}/${id}?api-version=2024-05-01`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ properties: { data: pfx.toString('base64'), password } }),
  });
}

describe('PFX files made by openssl pkcs12 -export: the emulator sees what openssl sees', () => {
  it.each(variants)('$id', async (variant) => {
    const certificate = openssl.certificate(variant.id, variant.key(), variant.subject, 400);
    const pfx = openssl.pfx(variant.id, variant.key(), certificate, variant.password, variant.options);
    const expected: OpensslFacts = openssl.facts(certificate);

    const response = await upload(variant.id, pfx, variant.password);
    const body = (await response.json()) as { properties: OpensslFacts };
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(body.properties).toEqual(expected);

    const again = await emulator.arm(`${certificates}/${variant.id}?api-version=2024-05-01`);
    expect(((await again.json()) as { properties: OpensslFacts }).properties).toEqual(expected);
  });

  it('a wrong password is refused, for modern and legacy files alike', async () => {
    for (const options of [[], ['-legacy']]) {
      const certificate = openssl.certificate('wrong', rsaKey, '/CN=wrong.contoso.com', 30);
      const pfx = openssl.pfx('wrong', rsaKey, certificate, 'right-password', options);
      const response = await upload('wrong-password', pfx, 'not-the-password');
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { code: string; message: string; target: string } };
      expect(error).toMatchObject({ code: 'ValidationError', target: 'properties.password' });
      expect(error.message).toMatch(/password is incorrect/);
    }
  });
});
