/// <reference types="node" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainAsPem } from '../convert/conversions';
import { diagnose } from '../doctor/diagnose';
import type { DoctorUse } from '../doctor/finding';
import { openCertificateFile } from '../open-certificate-file';
import { CA_EXTENSIONS, DoctorBench, LEAF_EXTENSIONS } from './doctor-openssl';

// Each claim of the doctor is checked against what openssl says of the same openssl-made file.
const bench = new DoctorBench();
const doctor = async (name: string, use: DoctorUse = 'apim', password?: string) =>
  diagnose(await openCertificateFile(bench.read(name), password === undefined ? {} : { password }), use);
const codes = (report: Awaited<ReturnType<typeof doctor>>) => report.findings.map((f) => f.code);

beforeAll(() => {
  bench.key('root', 'rsa:2048');
  bench.key('inter', 'ec:P-256');
  bench.key('leaf', 'rsa:2048');
  bench.key('other', 'ec:P-256');
  bench.certificate('root', { key: 'root.key', subject: '/CN=Doctor Root', days: 3650, extensions: CA_EXTENSIONS });
  bench.certificate('inter', {
    key: 'inter.key',
    subject: '/CN=Doctor Intermediate',
    days: 1000,
    extensions: CA_EXTENSIONS,
    issuer: { cert: 'root.pem', key: 'root.key' },
  });
  bench.certificate('leaf', { key: 'leaf.key', subject: '/CN=leaf.example.com', extensions: LEAF_EXTENSIONS, issuer: { cert: 'inter.pem', key: 'inter.key' } });
  bench.certificate('eleaf', { key: 'other.key', subject: '/CN=ec.example.com', extensions: LEAF_EXTENSIONS, issuer: { cert: 'inter.pem', key: 'inter.key' } });
}, 60_000);
afterAll(() => bench.cleanup());

describe('the doctor builds the chain as openssl verify -untrusted does', () => {
  it('a complete bundle in order: leaf, intermediate, root, and openssl verifies the same chain', async () => {
    bench.concat('full.pem', 'leaf.pem', 'inter.pem', 'root.pem');
    const report = await doctor('full.pem', 'tls-server');
    expect(report.chain.map((l) => [l.certificate.subject, l.role])).toEqual([
      ['CN=leaf.example.com', 'leaf'],
      ['CN=Doctor Intermediate', 'intermediate'],
      ['CN=Doctor Root', 'root'],
    ]);
    expect(codes(report)).toContain('root-included');
    expect(codes(report)).not.toContain('missing-intermediate');
    expect(codes(report)).not.toContain('wrong-order');
    const verified = bench.attempt('verify', '-show_chain', '-CAfile', 'root.pem', '-untrusted', 'inter.pem', 'leaf.pem');
    expect(verified.ok).toBe(true);
    const depths = [...verified.output.matchAll(/depth=\d+: CN = (.+?)(?: \(untrusted\))?$/gm)].map((m) => `CN=${m[1]}`);
    expect(depths).toEqual(report.chain.map((l) => l.certificate.subject));
  });

  it('a leaf without its intermediate: the doctor names the missing issuer, openssl cannot find it', async () => {
    const report = await doctor('leaf.pem');
    const missing = report.findings.find((f) => f.code === 'missing-intermediate');
    expect(missing?.message).toContain('"CN=Doctor Intermediate"');
    const verified = bench.attempt('verify', '-CAfile', 'root.pem', 'leaf.pem');
    expect(verified.ok).toBe(false);
    expect(verified.output).toContain('unable to get local issuer certificate');
    expect(bench.run('x509', '-in', 'leaf.pem', '-noout', '-issuer', '-nameopt', 'RFC2253')).toContain('issuer=CN=Doctor Intermediate');
  });

  it('a bundle out of order: flagged, and the PEM chain the doctor writes is leaf first and verifies', async () => {
    bench.concat('shuffled.pem', 'root.pem', 'leaf.pem', 'inter.pem');
    const report = await doctor('shuffled.pem');
    expect(codes(report)).toContain('wrong-order');
    expect(report.chain[0].certificate.subject).toBe('CN=leaf.example.com');
    bench.write('fixed.pem', chainAsPem(report.chain.map((l) => l.certificate)));
    bench.write('fixed-leaf.pem', chainAsPem([report.chain[0].certificate]));
    const verified = bench.attempt('verify', '-CAfile', 'root.pem', '-untrusted', 'fixed.pem', 'fixed-leaf.pem');
    expect(verified.output).toContain('fixed-leaf.pem: OK');
    expect(codes(await doctor('fixed.pem'))).not.toContain('wrong-order');
  });

  it('a PFX with leaf and intermediate: root not included (info), key matches, and openssl verifies with the root added', async () => {
    bench.run('pkcs12', '-export', '-inkey', 'leaf.key', '-in', 'leaf.pem', '-certfile', 'inter.pem', '-passout', 'pass:pw', '-out', 'chain.pfx');
    const report = await doctor('chain.pfx', 'apim', 'pw');
    expect(report.chain.map((l) => l.role)).toEqual(['leaf', 'intermediate']);
    const root = report.findings.find((f) => f.code === 'root-not-included');
    expect(root).toMatchObject({ severity: 'info' });
    expect(root?.message).toContain('"CN=Doctor Root"');
    expect(report.keyMatch).toMatchObject({ code: 'key-matches', message: 'The private key belongs to the certificate (RSA)' });
    bench.run('pkcs12', '-in', 'chain.pfx', '-nokeys', '-cacerts', '-passin', 'pass:pw', '-out', 'pfx-cas.pem');
    expect(bench.attempt('verify', '-CAfile', 'root.pem', '-untrusted', 'pfx-cas.pem', 'leaf.pem').ok).toBe(true);
  });
});

describe('the key-match line agrees with openssl comparing public keys', () => {
  const publicOf = (args: string[]) => bench.run(...args).replace(/\s/g, '');

  it.each([
    ['RSA', 'leaf.pem', 'leaf.key'],
    ['EC', 'eleaf.pem', 'other.key'],
  ])('%s: the certificate with its own key matches; with another key it does not', async (algorithm, cert, key) => {
    const wrongKey = key === 'leaf.key' ? 'other.key' : 'leaf.key';
    bench.concat(`${algorithm}-good.pem`, cert, key);
    bench.concat(`${algorithm}-bad.pem`, cert, wrongKey);
    const certificateKey = publicOf(['x509', '-in', cert, '-noout', '-pubkey']);
    expect(publicOf(['pkey', '-in', key, '-pubout'])).toBe(certificateKey);
    expect(publicOf(['pkey', '-in', wrongKey, '-pubout'])).not.toBe(certificateKey);
    expect((await doctor(`${algorithm}-good.pem`)).keyMatch).toMatchObject({
      code: 'key-matches',
      message: `The private key belongs to the certificate (${algorithm})`,
    });
    const bad = await doctor(`${algorithm}-bad.pem`);
    expect(bad.keyMatch).toMatchObject({ code: 'key-mismatch', severity: 'error' });
  });
});
