/// <reference types="node" />
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateError, type CertificateErrorCode } from '../certificate-error';
import { certificateWarnings } from '../certificate-warnings';
import { children, contentBytes, parseBer } from '../asn1';
import { detectFormat } from '../detect-format';
import { dotNetPublicKey } from '../dotnet-public-key';
import { fromBase64, toBase64, toHex } from '../encoding';
import { openCertificateFile } from '../open-certificate-file';
import { openssl, read } from './openssl-corpus';

let dir = '';
const file = (name: string) => read(join(dir, name));
const text = (name: string) => readFileSync(join(dir, name), 'utf8');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cert-errors-'));
  const run = (...args: string[]) => openssl(args, dir);
  run('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'rsa.key');
  run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'ec.key');
  run('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024', '-out', 'weak.key');
  run('req', '-x509', '-new', '-key', 'rsa.key', '-subj', '/CN=rsa', '-days', '100', '-out', 'rsa.pem', '-addext', 'extendedKeyUsage=clientAuth');
  run('x509', '-in', 'rsa.pem', '-outform', 'DER', '-out', 'rsa.der');
  run('req', '-x509', '-new', '-key', 'ec.key', '-subj', '/CN=ec', '-days', '100', '-out', 'ec.pem', '-addext', 'extendedKeyUsage=serverAuth');
  run('req', '-x509', '-new', '-key', 'weak.key', '-subj', '/CN=weak', '-days', '100', '-sha1', '-out', 'weak.pem');
  run('req', '-new', '-key', 'ec.key', '-subj', '/CN=csr', '-out', 'ec.csr');
  run('pkcs12', '-export', '-in', 'rsa.pem', '-inkey', 'rsa.key', '-out', 'modern.pfx', '-passout', 'pass:right');
  run('pkcs12', '-export', '-legacy', '-in', 'rsa.pem', '-inkey', 'rsa.key', '-out', 'legacy.pfx', '-passout', 'pass:right');
  run('pkcs12', '-export', '-nocerts', '-inkey', 'ec.key', '-out', 'keyonly.pfx', '-passout', 'pass:right');
  run('pkcs12', '-export', '-in', 'ec.pem', '-inkey', 'ec.key', '-out', 'slow.pfx', '-passout', 'pass:right', '-iter', '1500000');
  run('pkcs12', '-export', '-legacy', '-in', 'ec.pem', '-inkey', 'ec.key', '-out', 'slow-legacy.pfx', '-passout', 'pass:right', '-iter', '300000');
  run('crl2pkcs7', '-nocrl', '-certfile', 'rsa.pem', '-outform', 'DER', '-out', 'bundle.p7b');
  run('x509', '-in', 'rsa.pem', '-pubkey', '-noout', '-out', 'rsa-pub.pem');
  run('rsa', '-pubin', '-in', 'rsa-pub.pem', '-RSAPublicKey_out', '-outform', 'DER', '-out', 'rsa-pkcs1-pub.der');
  run('x509', '-in', 'ec.pem', '-pubkey', '-noout', '-out', 'ec-pub.pem');
  run('pkey', '-pubin', '-in', 'ec-pub.pem', '-outform', 'DER', '-out', 'ec-pub.der');
  run('x509', '-in', 'ec.pem', '-outform', 'DER', '-out', 'ec.der');
}, 60_000);

async function failure(bytes: Uint8Array, password?: string): Promise<CertificateError> {
  try {
    await openCertificateFile(bytes, { password });
  } catch (error) {
    expect(error).toBeInstanceOf(CertificateError);
    return error as CertificateError;
  }
  throw new Error('expected openCertificateFile to fail');
}

async function expectCode(bytes: Uint8Array, code: CertificateErrorCode, message?: RegExp, password?: string) {
  const error = await failure(bytes, password);
  expect(error.code).toBe(code);
  if (message) expect(error.message).toMatch(message);
  expect(error.message.length).toBeGreaterThan(10);
}

function seededBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('typed errors', () => {
  it('tells a wrong password from an unreadable file', async () => {
    await expectCode(file('modern.pfx'), 'wrong-password', /^Wrong password for this PKCS#12 \(\.pfx\) file$/, 'wrong');
    await expectCode(file('legacy.pfx'), 'wrong-password', /Wrong password/, 'wrong');
    await expectCode(file('modern.pfx'), 'password-required', /password/);
    await expectCode(file('modern.pfx'), 'password-required', /password/, '');
  });

  it('reports truncated DER, PFX and PEM files', async () => {
    const der = file('rsa.der');
    await expectCode(der.subarray(0, der.length - 1), 'truncated', /truncated/);
    await expectCode(der.subarray(0, 200), 'truncated');
    const pfx = file('modern.pfx');
    await expectCode(pfx.subarray(0, pfx.length / 2), 'truncated', undefined, 'right');
    await expectCode(new TextEncoder().encode(text('rsa.pem').split('\n').slice(0, 8).join('\n')), 'truncated', /END/);
  });

  it('says what random bytes and other files look like', async () => {
    await expectCode(seededBytes(3000, 7), 'unrecognized-format', /random binary data/);
    await expectCode(new Uint8Array(0), 'unrecognized-format', /empty/);
    await expectCode(new TextEncoder().encode('Hello,\nthis is just a note about certificates.\n'), 'unrecognized-format', /looks like text/);
    await expectCode(file('rsa.key'), 'unrecognized-format', /private key PEM/);
    await expectCode(file('ec.csr'), 'unrecognized-format', /signing request/);
    await expectCode(file('bundle.p7b'), 'unsupported', /PKCS#7/);
    await expectCode(file('keyonly.pfx'), 'no-certificate', /no certificate/, 'right');
    await expectCode(new Uint8Array(1024 * 1024 + 1).fill(0x41), 'unsupported', /1 MiB/);
  });

  it('reports a PFX whose MAC is damaged as corrupt, not as a wrong password', async () => {
    const pfx = file('modern.pfx').slice();
    const [, , macData] = children(parseBer(pfx, 'PKCS#12 file'));
    const digest = contentBytes(children(children(macData)[0])[1]);
    // asn1js decodes in place: the digest is a view into `pfx`.
    digest[3] ^= 0x01;
    await expectCode(pfx, 'corrupt', /MAC/, 'right');
    await expectCode(pfx, 'wrong-password', undefined, 'wrong');
    expect(digest.length).toBe(32);
  });

  it('reports garbage between PEM blocks as corrupt', async () => {
    const pem = text('rsa.pem');
    await expectCode(new TextEncoder().encode(`${pem}this is not part of it\n${text('ec.pem')}`), 'corrupt', /between PEM blocks/);
    await expectCode(new TextEncoder().encode(pem.replace(/\n([A-Za-z0-9+/]{10})/, '\n!!!$1')), 'corrupt', /non-base64/);
    // What `openssl pkcs12 -nodes` writes between blocks is not garbage.
    const withAttributes = `Bag Attributes\n    localKeyID: 01 02 03\nsubject=CN = rsa\nissuer=CN = rsa\n${pem}Bag Attributes: <No Attributes>\n${text('ec.pem')}`;
    expect((await openCertificateFile(new TextEncoder().encode(withAttributes))).chain).toHaveLength(1);
  });

  it('refuses absurd iteration counts instead of running for minutes', async () => {
    const started = Date.now();
    await expectCode(file('slow.pfx'), 'unsupported', /1,500,000 iterations/, 'right');
    await expectCode(file('slow-legacy.pfx'), 'unsupported', /300,000 iterations; more than 200,000/, 'right');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('detects formats from bytes alone', () => {
    expect(detectFormat(file('rsa.der'))).toBe('der');
    expect(detectFormat(file('rsa.pem'))).toBe('pem');
    expect(detectFormat(new TextEncoder().encode(toBase64(file('rsa.der'))))).toBe('base64-der');
    expect(detectFormat(file('modern.pfx'))).toBe('pkcs12');
    expect(() => detectFormat(file('rsa.key'))).toThrow(CertificateError);
  });
});

describe('dotNetPublicKey', () => {
  it('returns the PKCS#1 RSAPublicKey for RSA, as openssl writes it', () => {
    expect(toHex(dotNetPublicKey(file('rsa.der')))).toBe(toHex(file('rsa-pkcs1-pub.der')));
  });

  it('returns the EC point for EC keys', () => {
    const spki = file('ec-pub.der');
    expect(toHex(dotNetPublicKey(file('ec.der')))).toBe(toHex(spki.subarray(spki.length - 65)));
  });

  it('throws a CertificateError on damaged input', () => {
    expect(() => dotNetPublicKey(file('rsa.der').subarray(0, 100))).toThrow(CertificateError);
    expect(() => dotNetPublicKey(new Uint8Array([1, 2, 3]))).toThrow(CertificateError);
  });
});

describe('certificateWarnings', () => {
  it('warns about dates relative to now', async () => {
    const opened = await openCertificateFile(file('rsa.der'));
    const codes = (now: Date) => certificateWarnings(opened, 'management', now).map((w) => w.code);
    expect(codes(new Date(opened.leaf.notAfter.getTime() + 1000))).toEqual(['expired']);
    expect(codes(new Date(opened.leaf.notBefore.getTime() - 1000))).toEqual(['not-yet-valid']);
    expect(codes(new Date(opened.leaf.notAfter.getTime() - 10 * 86_400_000))).toEqual(['expires-soon']);
    expect(codes(new Date(opened.leaf.notAfter.getTime() - 40 * 86_400_000))).toEqual([]);
    expect(certificateWarnings(opened, 'management', new Date(opened.leaf.notAfter.getTime() + 1))[0].severity).toBe('error');
  });

  it('warns about weak keys, SHA-1, EKU and private keys by purpose', async () => {
    const now = new Date();
    const weak = await openCertificateFile(file('weak.pem'));
    expect(certificateWarnings(weak, 'management', now).map((w) => w.code)).toEqual(['weak-rsa', 'sha1-signature']);
    const serverOnly = await openCertificateFile(file('ec.pem'));
    expect(certificateWarnings(serverOnly, 'management', now).map((w) => w.code)).toEqual(['no-client-auth-eku']);
    expect(certificateWarnings(serverOnly, 'apim', now).map((w) => w.code)).toEqual(['no-private-key']);
    const pfx = await openCertificateFile(file('modern.pfx'), { password: 'right' });
    expect(certificateWarnings(pfx, 'management', now).map((w) => w.code)).toEqual(['private-key-present']);
    expect(certificateWarnings(pfx, 'apim', now)).toEqual([]);
  });
});

describe('encoding helpers', () => {
  it('round-trips base64 and prints uppercase hex', () => {
    const bytes = seededBytes(1000, 3);
    for (let n = 0; n < 5; n++) expect(toHex(fromBase64(toBase64(bytes.subarray(n))))).toBe(toHex(bytes.subarray(n)));
    expect(toBase64(new Uint8Array([0xfb, 0xff]))).toBe(Buffer.from([0xfb, 0xff]).toString('base64'));
    expect(toHex(new Uint8Array([0, 0xab, 0x10]))).toBe('00AB10');
    expect(() => fromBase64('ab$d')).toThrow(CertificateError);
  });
});
