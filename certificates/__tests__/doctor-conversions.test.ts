/// <reference types="node" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateAsDer, certificateAsPem, createCsr, repackagePfx } from '../convert/conversions';
import { KEY_TYPES } from '../convert/key-pair';
import { diagnose } from '../doctor/diagnose';
import { openCertificateFile } from '../open-certificate-file';
import { createSelfSignedCertificate } from '../self-signed';
import { DoctorBench, LEAF_EXTENSIONS } from './doctor-openssl';

const bench = new DoctorBench();
const info = (name: string, password: string, ...extra: string[]) =>
  bench.attempt('pkcs12', '-info', '-nokeys', '-in', name, '-passin', `pass:${password}`, ...extra);

beforeAll(() => {
  bench.key('leaf', 'rsa:2048');
  bench.certificate('leaf', { key: 'leaf.key', subject: '/CN=convert.example.com', extensions: LEAF_EXTENSIONS });
  bench.run('pkcs12', '-export', '-inkey', 'leaf.key', '-in', 'leaf.pem', '-passout', 'pass:modern', '-out', 'modern.pfx');
  bench.run('pkcs12', '-export', '-legacy', '-inkey', 'leaf.key', '-in', 'leaf.pem', '-passout', 'pass:old', '-out', 'legacy.pfx');
  bench.run(
    'pkcs12',
    '-export',
    '-inkey',
    'leaf.key',
    '-in',
    'leaf.pem',
    '-passout',
    'pass:win',
    '-keypbe',
    'PBE-SHA1-3DES',
    '-certpbe',
    'PBE-SHA1-3DES',
    '-macalg',
    'SHA1',
    '-out',
    'windows.pfx',
  );
}, 60_000);
afterAll(() => bench.cleanup());

describe('encryption: the doctor reads what openssl pkcs12 -info reports', () => {
  it.each([
    ['modern.pfx', 'modern', ['PBES2, PBKDF2, AES-256-CBC', 'PRF hmacWithSHA256', 'MAC: sha256'], 'PBES2 (PBKDF2-HMAC-SHA-256, AES-256-CBC)', 'aes-encryption'],
    ['legacy.pfx', 'old', ['pbeWithSHA1And40BitRC2-CBC', 'pbeWithSHA1And3-KeyTripleDES-CBC', 'MAC: sha1'], 'pbeWithSHAAnd40BitRC2-CBC', 'legacy-encryption'],
    ['windows.pfx', 'win', ['pbeWithSHA1And3-KeyTripleDES-CBC', 'MAC: sha1'], 'pbeWithSHAAnd3-KeyTripleDES-CBC', 'legacy-encryption'],
  ])('%s', async (name, password, opensslSays, doctorSays, code) => {
    const legacy = name === 'legacy.pfx';
    const report = info(name, password, '-nomacver', ...(legacy ? ['-legacy'] : []));
    for (const words of opensslSays) expect(report.output).toContain(words);
    const doctor = diagnose(await openCertificateFile(bench.read(name), { password }), 'apim');
    expect(doctor.encryption).toContain(doctorSays);
    expect(doctor.findings.map((f) => f.code)).toContain(code);
    // RC2-40 is what OpenSSL 3 refuses without -legacy: the doctor warns exactly for that file.
    expect(info(name, password).ok).toBe(!legacy);
    const warning = doctor.findings.find((f) => f.code === 'legacy-encryption');
    expect(warning?.severity === 'warning').toBe(legacy);
    expect(doctor.findings.some((f) => f.code === 'sha1-mac')).toBe(opensslSays.includes('MAC: sha1'));
  });
});

describe('conversions that openssl opens', () => {
  it('.cer (DER) and PEM of the leaf are the same certificate to openssl', async () => {
    const opened = await openCertificateFile(bench.read('modern.pfx'), { password: 'modern' });
    bench.write('out.cer', certificateAsDer(opened.leaf));
    bench.write('out.pem', certificateAsPem(opened.leaf));
    const print = (...args: string[]) => bench.run('x509', ...args, '-noout', '-fingerprint', '-sha256');
    expect(print('-inform', 'DER', '-in', 'out.cer')).toBe(print('-in', 'leaf.pem'));
    expect(print('-in', 'out.pem')).toBe(print('-in', 'leaf.pem'));
  });

  it.each([
    ['aes', 'PBES2, PBKDF2, AES-256-CBC', 'MAC: sha256'],
    ['3des', 'pbeWithSHA1And3-KeyTripleDES-CBC', 'MAC: sha1'],
  ] as const)(
    're-packaging the RC2 file with %s under a new password: openssl opens it without -legacy, key and certificate intact',
    async (encryption, cipher, mac) => {
      const repackaged = await repackagePfx(bench.read('legacy.pfx'), 'old', 'new pässword', encryption);
      const name = bench.write(`repack-${encryption}.pfx`, repackaged);
      const report = info(name, 'new pässword');
      expect(report.ok).toBe(true);
      expect(report.output).toContain(cipher);
      expect(report.output).toContain(mac);
      expect(report.output).not.toContain('RC2');
      const pem = bench.run('pkcs12', '-in', name, '-nodes', '-passin', 'pass:new pässword');
      bench.write(`repack-${encryption}.pem`, pem);
      const publicOf = (...args: string[]) => bench.run(...args).replace(/\s/g, '');
      expect(publicOf('pkey', '-in', `repack-${encryption}.pem`, '-pubout')).toBe(publicOf('pkey', '-in', 'leaf.key', '-pubout'));
      expect(publicOf('x509', '-in', `repack-${encryption}.pem`, '-noout', '-fingerprint')).toBe(publicOf('x509', '-in', 'leaf.pem', '-noout', '-fingerprint'));
      expect(info(name, 'old').ok).toBe(false);
    },
  );

  it.each(KEY_TYPES.filter((k) => k.type !== 'RSA-4096' && k.type !== 'RSA-3072').map((k) => [k.label, k.type] as const))(
    'a CSR with a new %s key that openssl req -verify accepts, with the subject and SAN asked for',
    async (_, keyType) => {
      const { csrPem, privateKeyPem } = await createCsr({ commonName: 'csr.example.com', dnsNames: ['csr.example.com', 'www.csr.example.com'], keyType });
      bench.write(`${keyType}.csr`, csrPem);
      bench.write(`${keyType}-csr.key`, privateKeyPem);
      const verified = bench.attempt('req', '-in', `${keyType}.csr`, '-verify', '-noout', '-subject', '-nameopt', 'RFC2253');
      expect(verified.output).toMatch(/verify OK/i);
      expect(verified.output).toContain('subject=CN=csr.example.com');
      expect(bench.run('req', '-in', `${keyType}.csr`, '-noout', '-text')).toContain('DNS:www.csr.example.com');
      const publicOf = (...args: string[]) => bench.run(...args).replace(/\s/g, '');
      expect(publicOf('req', '-in', `${keyType}.csr`, '-noout', '-pubkey')).toBe(publicOf('pkey', '-in', `${keyType}-csr.key`, '-pubout'));
    },
  );

  it.each([
    ['RSA-3072', 'aes', 'Public-Key: (3072 bit)'],
    ['EC-P256', '3des', 'NIST CURVE: P-256'],
    ['EC-P384', 'aes', 'NIST CURVE: P-384'],
  ] as const)('self-signed %s in a %s PFX: openssl opens it without -legacy and checks its signature', async (keyType, pfxEncryption, keyText) => {
    const made = await createSelfSignedCertificate({ commonName: `self ${keyType}`, validityDays: 30, keyType, pfxEncryption, password: 'pw' });
    const name = bench.write(`self-${keyType}.pfx`, made.pfx);
    expect(info(name, 'pw').ok).toBe(true);
    bench.write(`self-${keyType}.cer`, made.cer);
    expect(bench.run('x509', '-inform', 'DER', '-in', `self-${keyType}.cer`, '-noout', '-text')).toContain(keyText);
    bench.run('x509', '-inform', 'DER', '-in', `self-${keyType}.cer`, '-out', `self-${keyType}.pem`);
    expect(bench.attempt('verify', '-CAfile', `self-${keyType}.pem`, `self-${keyType}.pem`).output).toContain(': OK');
    const doctor = diagnose(await openCertificateFile(made.pfx, { password: 'pw' }), 'management');
    expect(doctor.keyMatch?.code).toBe('key-matches');
    expect(doctor.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
