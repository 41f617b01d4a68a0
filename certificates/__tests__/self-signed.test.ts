/// <reference types="node" />
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { certificateWarnings } from '../certificate-warnings';
import { openCertificateFile } from '../open-certificate-file';
import { createSelfSignedCertificate } from '../self-signed';
import { openssl, opensslReport } from './openssl-corpus';

const dir = mkdtempSync(join(tmpdir(), 'cert-self-signed-'));
const fingerprint = (args: string[], input?: string) =>
  openssl(['x509', ...args, '-noout', '-fingerprint', '-sha1'], dir, input)
    .split('=')[1]
    .trim()
    .replace(/:/g, '');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createSelfSignedCertificate', () => {
  it('makes a .pfx that openssl opens with its password, holding the same certificate as the .cer', async () => {
    const password = 'Pässw0rd! ✓';
    const now = new Date('2030-03-01T12:00:00Z');
    const { cer, pfx, summary } = await createSelfSignedCertificate({ commonName: 'Contoso management', validityDays: 365, keySize: 2048, password, now });
    writeFileSync(join(dir, 'mgmt.cer'), cer);
    writeFileSync(join(dir, 'mgmt.pfx'), pfx);

    const info = opensslReport(['pkcs12', '-info', '-nokeys', '-in', 'mgmt.pfx', '-passin', `pass:${password}`], dir);
    expect(info).toContain('MAC: sha256');
    expect(info).toContain('PBES2, PBKDF2, AES-256-CBC');
    const withKey = openssl(['pkcs12', '-in', 'mgmt.pfx', '-nodes', '-passin', `pass:${password}`], dir);
    expect(withKey).toContain('-----BEGIN PRIVATE KEY-----');
    expect(() => opensslReport(['pkcs12', '-info', '-nokeys', '-in', 'mgmt.pfx', '-passin', 'pass:wrong'], dir)).toThrow();

    const pfxCert = openssl(['pkcs12', '-in', 'mgmt.pfx', '-nokeys', '-clcerts', '-passin', `pass:${password}`], dir);
    const cerPrint = fingerprint(['-inform', 'DER', '-in', 'mgmt.cer']);
    expect(fingerprint([], pfxCert)).toBe(cerPrint);
    expect(summary.thumbprintSha1).toBe(cerPrint);

    const keyModulus = openssl(['rsa', '-noout', '-modulus'], dir, withKey);
    expect(openssl(['x509', '-inform', 'DER', '-in', 'mgmt.cer', '-noout', '-modulus'], dir)).toBe(keyModulus);

    const text = openssl(['x509', '-inform', 'DER', '-in', 'mgmt.cer', '-noout', '-text'], dir);
    expect(text).toContain('TLS Web Client Authentication');
    expect(text).toContain('Public-Key: (2048 bit)');
    expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(text).toContain('Subject: CN = Contoso management');
    openssl(['x509', '-inform', 'DER', '-in', 'mgmt.cer', '-out', 'mgmt.pem'], dir);
    expect(openssl(['verify', '-attime', String(now.getTime() / 1000 + 60), '-CAfile', 'mgmt.pem', 'mgmt.pem'], dir)).toContain('OK');

    expect(summary.notAfter.getTime() - now.getTime()).toBe(365 * 86_400_000);
    expect(summary.notBefore.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(summary.selfSigned).toBe(true);
    expect(summary.extendedKeyUsage).toEqual([{ oid: '1.3.6.1.5.5.7.3.2', name: 'Client Authentication' }]);

    const reopened = await openCertificateFile(pfx, { password });
    expect(reopened.leaf.thumbprintSha1).toBe(cerPrint);
    expect(reopened.privateKeyMatchesLeaf).toBe(true);
    expect(reopened.encryption).toBe('PBES2 (PBKDF2-HMAC-SHA-256, AES-256-CBC)');
    expect(certificateWarnings(await openCertificateFile(cer), 'management', now)).toEqual([]);
  });

  it('makes 4096-bit keys', async () => {
    const { cer } = await createSelfSignedCertificate({ commonName: 'big', validityDays: 30, keySize: 4096, password: 'x' });
    writeFileSync(join(dir, 'big.cer'), cer);
    expect(openssl(['x509', '-inform', 'DER', '-in', 'big.cer', '-noout', '-text'], dir)).toContain('Public-Key: (4096 bit)');
  }, 60_000);
});
