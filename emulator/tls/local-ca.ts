import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export interface TlsMaterial {
  caCertPem: string;
  serverCertPem: string;
  serverKeyPem: string;
  /** Where the CA certificate lives on disk, to print and to trust. */
  caPath: string;
}

const ecdsa = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

function toPem(der: ArrayBuffer, label: string): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END ${label}-----\n`;
}

async function createMaterial(): Promise<Omit<TlsMaterial, 'caPath'>> {
  const now = new Date(Date.now() - 60_000);
  const caKeys = await webcrypto.subtle.generateKey(ecdsa, true, ['sign', 'verify']);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: 'CN=certportal emulator local CA, O=certportal',
    notBefore: now,
    notAfter: new Date(now.getTime() + 10 * 365 * 86_400_000),
    signingAlgorithm: ecdsa,
    keys: caKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const serverKeys = await webcrypto.subtle.generateKey(ecdsa, true, ['sign', 'verify']);
  const server = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: 'CN=localhost',
    issuer: ca.subject,
    notBefore: now,
    // Browsers refuse server certificates valid for more than 398 days.
    notAfter: new Date(now.getTime() + 390 * 86_400_000),
    signingAlgorithm: ecdsa,
    publicKey: serverKeys.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: 'dns', value: 'localhost' },
        { type: 'ip', value: '127.0.0.1' },
        { type: 'ip', value: '::1' },
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(ca),
    ],
  });
  const serverKeyDer = await webcrypto.subtle.exportKey('pkcs8', serverKeys.privateKey);
  return {
    caCertPem: ca.toString('pem') + '\n',
    serverCertPem: server.toString('pem') + '\n',
    serverKeyPem: toPem(serverKeyDer, 'PRIVATE KEY'),
  };
}

function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] &= 0x7f;
  return Buffer.from(bytes).toString('hex');
}

/**
 * The emulator's local CA and its `localhost` certificate. Kept under `dir` so that a browser or
 * an OS that trusted the CA once keeps trusting it; created on first start.
 */
export async function loadOrCreateTls(dir: string): Promise<TlsMaterial> {
  const caPath = join(dir, 'ca.pem');
  const certPath = join(dir, 'localhost.pem');
  const keyPath = join(dir, 'localhost-key.pem');
  if (existsSync(caPath) && existsSync(certPath) && existsSync(keyPath)) {
    const serverCertPem = readFileSync(certPath, 'utf8');
    if (new x509.X509Certificate(serverCertPem).notAfter.getTime() > Date.now() + 86_400_000) {
      return { caCertPem: readFileSync(caPath, 'utf8'), serverCertPem, serverKeyPem: readFileSync(keyPath, 'utf8'), caPath };
    }
  }
  mkdirSync(dir, { recursive: true });
  const material = await createMaterial();
  writeFileSync(caPath, material.caCertPem);
  writeFileSync(certPath, material.serverCertPem);
  writeFileSync(keyPath, material.serverKeyPem, { mode: 0o600 });
  return { ...material, caPath };
}
