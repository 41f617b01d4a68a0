/// <reference types="node" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../doctor/diagnose';
import type { DoctorFindingCode, DoctorUse } from '../doctor/finding';
import { openCertificateFile } from '../open-certificate-file';
import { CA_EXTENSIONS, DoctorBench } from './doctor-openssl';

// Each lint on an openssl-made certificate that has the defect and one that has not; where openssl itself has an
// opinion (validity, purpose), its answer is the oracle.
const bench = new DoctorBench();
const codesOf = async (name: string, use: DoctorUse, now?: Date) => diagnose(await openCertificateFile(bench.read(name)), use, now).findings.map((f) => f.code);
const text = (name: string) => bench.run('x509', '-in', name, '-noout', '-text');
const make = (name: string, extensions: string[], options: { key?: string; days?: number; digest?: string } = {}) =>
  bench.certificate(name, { key: options.key ?? 'rsa.key', subject: `/CN=${name}`, extensions, days: options.days, digest: options.digest });

beforeAll(() => {
  bench.key('rsa', 'rsa:2048');
  bench.key('weak', 'rsa:1024');
  bench.key('ec', 'ec:P-256');
}, 60_000);
afterAll(() => bench.cleanup());

describe('lints, each with a defective and a sound certificate', () => {
  const cases: { code: DoctorFindingCode; use: DoctorUse; bad: () => string; good: () => string; openssl: (bad: string, good: string) => void }[] = [
    {
      code: 'weak-rsa',
      use: 'apim',
      bad: () => make('weak', [], { key: 'weak.key' }),
      good: () => make('strong', []),
      openssl: (bad, good) => {
        expect(text(bad)).toContain('Public-Key: (1024 bit)');
        expect(text(good)).toContain('Public-Key: (2048 bit)');
      },
    },
    {
      code: 'sha1-signature',
      use: 'apim',
      bad: () => make('sha1', [], { digest: 'sha1' }),
      good: () => make('sha256', []),
      openssl: (bad, good) => {
        expect(text(bad)).toContain('Signature Algorithm: sha1WithRSAEncryption');
        expect(text(good)).toContain('Signature Algorithm: sha256WithRSAEncryption');
      },
    },
    {
      code: 'tls-validity-too-long',
      use: 'tls-server',
      bad: () => make('long', ['subjectAltName = DNS:long.example.com'], { days: 825 }),
      good: () => make('short', ['subjectAltName = DNS:short.example.com'], { days: 397 }),
      openssl: (bad) => expect(bench.attempt('x509', '-in', bad, '-noout', '-checkend', String(398 * 86400)).ok).toBe(true),
    },
    {
      code: 'tls-no-san',
      use: 'tls-server',
      bad: () => make('nosan', []),
      good: () => make('san', ['subjectAltName = DNS:san.example.com']),
      openssl: (bad, good) => {
        expect(text(bad)).not.toContain('Subject Alternative Name');
        expect(text(good)).toContain('DNS:san.example.com');
      },
    },
    {
      code: 'eku-not-client-auth',
      use: 'management',
      bad: () => make('server-only', ['extendedKeyUsage = serverAuth']),
      good: () => make('client', ['extendedKeyUsage = clientAuth']),
      openssl: (bad, good) => {
        // openssl's own purpose check: "SSL client : No" for a server-only EKU.
        expect(bench.run('x509', '-in', bad, '-noout', '-purpose')).toMatch(/SSL client : No/);
        expect(bench.run('x509', '-in', good, '-noout', '-purpose')).toMatch(/SSL client : Yes/);
      },
    },
    {
      code: 'eku-not-client-auth',
      use: 'apim',
      bad: () => make('apim-server-only', ['extendedKeyUsage = serverAuth']),
      good: () => make('apim-no-eku', []),
      openssl: (bad, good) => {
        expect(bench.run('x509', '-in', bad, '-noout', '-purpose')).toMatch(/SSL client : No/);
        expect(bench.run('x509', '-in', good, '-noout', '-purpose')).toMatch(/SSL client : Yes/);
      },
    },
    {
      code: 'not-a-ca',
      use: 'ca',
      bad: () => make('leaf-as-ca', ['basicConstraints = CA:false', 'keyUsage = keyCertSign']),
      good: () => make('real-ca', CA_EXTENSIONS),
      openssl: (bad, good) => {
        expect(bench.run('x509', '-in', bad, '-noout', '-purpose')).toMatch(/SSL client CA : No/);
        expect(bench.run('x509', '-in', good, '-noout', '-purpose')).toMatch(/SSL client CA : Yes/);
      },
    },
    {
      code: 'ca-without-key-cert-sign',
      use: 'ca',
      bad: () => make('ca-no-sign', ['basicConstraints = critical, CA:true', 'keyUsage = critical, digitalSignature']),
      good: () => make('ca-sign', CA_EXTENSIONS),
      openssl: (bad, good) => {
        expect(bench.run('x509', '-in', bad, '-noout', '-purpose')).toMatch(/SSL client CA : No/);
        expect(bench.run('x509', '-in', good, '-noout', '-purpose')).toMatch(/SSL client CA : Yes/);
      },
    },
    {
      code: 'key-usage-wrong-for-key-type',
      use: 'apim',
      bad: () => make('ec-encipher', ['keyUsage = digitalSignature, keyEncipherment'], { key: 'ec.key' }),
      good: () => make('ec-sign', ['keyUsage = digitalSignature, keyAgreement'], { key: 'ec.key' }),
      openssl: (bad, good) => {
        expect(text(bad)).toMatch(/id-ecPublicKey[\s\S]*Key Encipherment/);
        expect(text(good)).not.toContain('Key Encipherment');
      },
    },
    {
      code: 'key-usage-wrong-for-key-type',
      use: 'apim',
      bad: () => make('rsa-agree', ['keyUsage = digitalSignature, keyAgreement']),
      good: () => make('rsa-encipher', ['keyUsage = digitalSignature, keyEncipherment']),
      openssl: (bad, good) => {
        expect(text(bad)).toMatch(/rsaEncryption[\s\S]*Key Agreement/);
        expect(text(good)).not.toContain('Key Agreement');
      },
    },
  ];

  it.each(cases.map((c) => [`${c.code} (${c.use})`, c] as const))('%s', async (_, c) => {
    const bad = c.bad();
    const good = c.good();
    c.openssl(bad, good);
    expect(await codesOf(bad, c.use)).toContain(c.code);
    expect(await codesOf(good, c.use)).not.toContain(c.code);
  });

  it('not yet valid and expired: the doctor and openssl verify -attime agree at the same instants', async () => {
    const cert = make('dated', [], { days: 30 });
    const notBefore = new Date(bench.run('x509', '-in', cert, '-noout', '-startdate').split('=')[1].trim());
    const at = (offsetDays: number) => new Date(notBefore.getTime() + offsetDays * 86_400_000);
    const verifyAt = (date: Date) => bench.attempt('verify', '-attime', String(Math.floor(date.getTime() / 1000)), '-CAfile', cert, cert).output;
    expect(verifyAt(at(-1))).toContain('certificate is not yet valid');
    expect(await codesOf(cert, 'apim', at(-1))).toContain('not-yet-valid');
    expect(verifyAt(at(31))).toContain('certificate has expired');
    expect(await codesOf(cert, 'apim', at(31))).toContain('expired');
    expect(verifyAt(at(10))).toContain(': OK');
    const midway = await codesOf(cert, 'apim', at(10));
    expect(midway).not.toContain('expired');
    expect(midway).not.toContain('not-yet-valid');
  });
});
