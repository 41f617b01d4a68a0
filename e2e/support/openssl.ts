import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'certportal-e2e-'));

function openssl(...args: string[]): string {
  return execFileSync('openssl', args, { encoding: 'utf8' });
}

export interface MadeCertificate {
  cerPath: string;
  keyPath: string;
  pemPath: string;
  sha1: string;
  notAfter: Date;
}

/** A self-signed RSA certificate made by openssl, as an admin would bring it (.cer = DER). */
export function makeCertificate(name: string, options: { days?: number; clientAuth?: boolean } = {}): MadeCertificate {
  const keyPath = join(dir, `${name}.key`);
  const pemPath = join(dir, `${name}.pem`);
  const cerPath = join(dir, `${name}.cer`);
  const ext = options.clientAuth === false ? [] : ['-addext', 'extendedKeyUsage=clientAuth'];
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    keyPath,
    '-out',
    pemPath,
    '-days',
    String(options.days ?? 365),
    '-subj',
    `/CN=${name}/O=certportal e2e`,
    ...ext,
  );
  openssl('x509', '-in', pemPath, '-outform', 'DER', '-out', cerPath);
  return { cerPath, keyPath, pemPath, ...facts(pemPath) };
}

export function facts(pemPath: string): { sha1: string; notAfter: Date } {
  const sha1 = openssl('x509', '-in', pemPath, '-noout', '-fingerprint', '-sha1').trim().split('=')[1].replace(/:/g, '');
  const notAfter = new Date(openssl('x509', '-in', pemPath, '-noout', '-enddate').trim().split('=')[1]);
  return { sha1, notAfter };
}

/** A .pfx of a certificate and its key; `legacy` uses RC2/3DES as `openssl -legacy` (and Windows) do. */
export function makePfx(cert: MadeCertificate, password: string, legacy = false): string {
  const path = join(dir, `${cert.cerPath.replace(/.*\//, '').replace('.cer', '')}${legacy ? '-legacy' : ''}.pfx`);
  openssl('pkcs12', '-export', ...(legacy ? ['-legacy'] : []), '-in', cert.pemPath, '-inkey', cert.keyPath, '-out', path, '-passout', `pass:${password}`);
  return path;
}

export function tempPath(name: string): string {
  return join(dir, name);
}

export function read(path: string): Buffer {
  return readFileSync(path);
}
