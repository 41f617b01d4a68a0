import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from '../../test-support/test-emulator.ts';
import { DEMO_SUBSCRIPTIONS } from '../../seed/demo-ids.ts';
import { addBody, expectAsmError, type AddBodyParts } from './asm-test-helpers.ts';

const subscription = DEMO_SUBSCRIPTIONS.production.id;
let emulator: TestEmulator;
let dir: string;
let parts: AddBodyParts;
let spkiBase64: string;
let pfxBase64: string;

const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });

/** Everything computed by openssl, independently of the emulator's certificate code. */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asm-openssl-'));
  const started = startTestEmulator();
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'key.pem',
    '-out',
    'cert.pem',
    '-days',
    '365',
    '-subj',
    '/CN=openssl management certificate/O=Contoso',
  );
  openssl('x509', '-in', 'cert.pem', '-outform', 'DER', '-out', 'cert.cer');
  const fingerprint = openssl('x509', '-in', 'cert.pem', '-noout', '-fingerprint', '-sha1').toString();
  openssl('x509', '-in', 'cert.pem', '-noout', '-pubkey', '-out', 'spki.pem');
  openssl('rsa', '-pubin', '-in', 'spki.pem', '-RSAPublicKey_out', '-outform', 'DER', '-out', 'rsa-public-key.der');
  openssl('pkey', '-pubin', '-in', 'spki.pem', '-outform', 'DER', '-out', 'spki.der');
  openssl('pkcs12', '-export', '-in', 'cert.pem', '-inkey', 'key.pem', '-passout', 'pass:demo', '-out', 'cert.pfx');
  parts = {
    thumbprint: /=([0-9A-F:]+)/.exec(fingerprint)![1].replace(/:/g, ''),
    publicKey: readFileSync(join(dir, 'rsa-public-key.der')).toString('base64'),
    data: readFileSync(join(dir, 'cert.cer')).toString('base64'),
  };
  spkiBase64 = readFileSync(join(dir, 'spki.der')).toString('base64');
  pfxBase64 = readFileSync(join(dir, 'cert.pfx')).toString('base64');
  emulator = await started;
});
afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

const add = (body: AddBodyParts) =>
  emulator.asm(`/${subscription}/certificates`, { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body: addBody(body) });

describe('a certificate made by openssl', () => {
  it('is refused when the thumbprint is not its SHA-1, with the reason', async () => {
    const sha256Prefix = /=([0-9A-F:]+)/
      .exec(openssl('x509', '-in', 'cert.pem', '-noout', '-fingerprint', '-sha256').toString())![1]
      .replace(/:/g, '')
      .slice(0, 40);
    await expectAsmError(
      add({ ...parts, thumbprint: sha256Prefix }),
      400,
      'BadRequest',
      new RegExp(`does not match the certificate: its SHA-1 thumbprint is ${parts.thumbprint}`),
    );
  });

  it('is refused when the public key is the whole SubjectPublicKeyInfo rather than the RSAPublicKey, with the reason', async () => {
    await expectAsmError(
      add({ ...parts, publicKey: spkiBase64 }),
      400,
      'BadRequest',
      /does not match the certificate's public key.*whole SubjectPublicKeyInfo.*RSAPublicKey/,
    );
  });

  it('is refused as a .pfx, saying to upload the .cer', async () => {
    await expectAsmError(add({ ...parts, data: pfxBase64 }), 400, 'BadRequest', /PKCS#12 \(\.pfx\).*upload the public certificate \(\.cer\)/);
  });

  it('is accepted with the thumbprint and RSAPublicKey openssl computed, and read back unchanged', async () => {
    const response = await add(parts);
    expect(response.status).toBe(200);
    const text = await (await emulator.asm(`/${subscription}/certificates/${parts.thumbprint}`)).text();
    expect(text).toContain(`<SubscriptionCertificatePublicKey>${parts.publicKey}</SubscriptionCertificatePublicKey>`);
    expect(text).toContain(`<SubscriptionCertificateThumbprint>${parts.thumbprint}</SubscriptionCertificateThumbprint>`);
    expect(text).toContain(`<SubscriptionCertificateData>${parts.data}</SubscriptionCertificateData>`);
  });
});
