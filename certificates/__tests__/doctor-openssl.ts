/// <reference types="node" />
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temp dir where openssl makes the doctor's test files and answers about them. */
export class DoctorBench {
  readonly dir = mkdtempSync(join(tmpdir(), 'cert-doctor-'));

  run(...args: string[]): string {
    return execFileSync('openssl', args, { cwd: this.dir, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  }

  /** Exit status and everything openssl said, for commands whose failure is the answer. */
  attempt(...args: string[]): { ok: boolean; output: string } {
    const result = spawnSync('openssl', args, { cwd: this.dir, encoding: 'utf8' });
    return { ok: result.status === 0, output: result.stdout + result.stderr };
  }

  read(name: string): Uint8Array {
    return new Uint8Array(readFileSync(join(this.dir, name)));
  }

  write(name: string, data: Uint8Array | string): string {
    writeFileSync(join(this.dir, name), data);
    return name;
  }

  concat(name: string, ...parts: string[]): string {
    return this.write(name, parts.map((p) => readFileSync(join(this.dir, p), 'utf8')).join(''));
  }

  key(name: string, spec: 'rsa:1024' | 'rsa:2048' | 'ec:P-256'): string {
    const [kind, size] = spec.split(':');
    const option = kind === 'rsa' ? `rsa_keygen_bits:${size}` : `ec_paramgen_curve:${size}`;
    this.run('genpkey', '-algorithm', kind.toUpperCase(), '-pkeyopt', option, '-out', `${name}.key`);
    return `${name}.key`;
  }

  /** A certificate made by openssl: self-signed without `issuer`, else signed by that certificate's key. */
  certificate(
    name: string,
    options: { key: string; subject: string; days?: number; extensions?: string[]; digest?: string; issuer?: { cert: string; key: string } },
  ): string {
    const ext = this.write(`${name}.ext`, `[v3]\n${(options.extensions ?? []).join('\n')}\n`);
    const common = ['-days', String(options.days ?? 300), `-${options.digest ?? 'sha256'}`, '-extfile', ext, '-extensions', 'v3'];
    this.run('req', '-new', '-key', options.key, '-subj', options.subject, '-out', `${name}.csr`);
    const signer = options.issuer
      ? ['-CA', options.issuer.cert, '-CAkey', options.issuer.key, '-set_serial', String(Date.now() % 1e9)]
      : ['-signkey', options.key];
    this.run('x509', '-req', '-in', `${name}.csr`, ...signer, ...common, '-out', `${name}.pem`);
    return `${name}.pem`;
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export const CA_EXTENSIONS = [
  'basicConstraints = critical, CA:true',
  'keyUsage = critical, keyCertSign, cRLSign',
  'subjectKeyIdentifier = hash',
  'authorityKeyIdentifier = keyid',
];
export const LEAF_EXTENSIONS = [
  'basicConstraints = CA:false',
  'keyUsage = critical, digitalSignature, keyEncipherment',
  'extendedKeyUsage = clientAuth, serverAuth',
  'subjectKeyIdentifier = hash',
  'authorityKeyIdentifier = keyid',
  'subjectAltName = DNS:leaf.example.com',
];
