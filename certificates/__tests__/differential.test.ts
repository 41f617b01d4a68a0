/// <reference types="node" />
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectFormat } from '../detect-format';
import { openCertificateFile } from '../open-certificate-file';
import { toHex } from '../encoding';
import { buildCorpus, openssl, read } from './openssl-corpus';

const { dir, files } = buildCorpus();

const OPENSSL_NAME_OIDS: Record<string, string> = {
  CN: '2.5.4.3',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  C: '2.5.4.6',
  emailAddress: '1.2.840.113549.1.9.1',
  DC: '0.9.2342.19200300.100.1.25',
  UID: '0.9.2342.19200300.100.1.1',
  serialNumber: '2.5.4.5',
};

/** RFC 2253 as `openssl -nameopt RFC2253,-esc_msb` prints it, into RDNs of "oid=value". */
function parseRfc2253(text: string): string[][] {
  const rdns: string[][] = [[]];
  let current = '';
  const finishAttribute = () => {
    const eq = current.indexOf('=');
    const type = current.slice(0, eq);
    const raw = current.slice(eq + 1);
    const bytes: number[] = [];
    const encoder = new TextEncoder();
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] === '\\' && /^[0-9A-Fa-f]{2}$/.test(raw.slice(i + 1, i + 3))) {
        bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
        i += 2;
      } else if (raw[i] === '\\') {
        bytes.push(...encoder.encode(raw[++i]));
      } else {
        bytes.push(...encoder.encode(String.fromCodePoint(raw.codePointAt(i) ?? 0)));
        if ((raw.codePointAt(i) ?? 0) > 0xffff) i++;
      }
    }
    rdns[rdns.length - 1].push(`${OPENSSL_NAME_OIDS[type] ?? type}=${new TextDecoder().decode(new Uint8Array(bytes))}`);
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      current += c + text[++i];
    } else if (c === ',') {
      finishAttribute();
      rdns.push([]);
    } else if (c === '+') {
      finishAttribute();
    } else current += c;
  }
  finishAttribute();
  return rdns;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function parseOpensslDate(text: string): Date {
  const m = /^(\w{3})\s+(\d+) (\d\d):(\d\d):(\d\d) (\d{4}) GMT$/.exec(text.trim());
  if (!m) throw new Error(`unexpected openssl date ${text}`);
  return new Date(Date.UTC(Number(m[6]), MONTHS.indexOf(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])));
}

function opensslFacts(pemName: string) {
  const out = openssl(
    ['x509', '-in', pemName, '-noout', '-nameopt', 'RFC2253,-esc_msb', '-subject', '-issuer', '-serial', '-dates', '-fingerprint', '-sha1'],
    dir,
  );
  const field = (name: string) => {
    const line = out.split('\n').find((l) => l.startsWith(`${name}=`));
    if (line === undefined) throw new Error(`openssl printed no ${name}`);
    return line.slice(name.length + 1);
  };
  const sha256 = openssl(['x509', '-in', pemName, '-noout', '-fingerprint', '-sha256'], dir).split('=')[1].trim();
  const text = openssl(['x509', '-in', pemName, '-noout', '-text'], dir);
  const der = new Uint8Array(Buffer.from(openssl(['x509', '-in', pemName, '-outform', 'DER'], dir).length ? readDer(pemName) : []));
  const sanText = openssl(['x509', '-in', pemName, '-noout', '-ext', 'subjectAltName'], dir);
  return {
    subject: parseRfc2253(field('subject')),
    issuer: parseRfc2253(field('issuer')),
    serial: field('serial'),
    notBefore: parseOpensslDate(field('notBefore')),
    notAfter: parseOpensslDate(field('notAfter')),
    sha1: field('sha1 Fingerprint').replace(/:/g, ''),
    sha256: sha256.replace(/:/g, ''),
    keyAlgorithm: /Public Key Algorithm: (\S+)/.exec(text)?.[1],
    keyBits: /Public-Key: \((\d+) bit\)/.exec(text)?.[1],
    curve: /NIST CURVE: (\S+)/.exec(text)?.[1] ?? null,
    signatureAlgorithm: /Signature Algorithm: (\S+)/.exec(text)?.[1],
    subjectAltNames: sanText
      .split('\n')
      .slice(1)
      .join('')
      .split(',')
      .map((s) => s.trim().replace(/^IP Address:/, 'IP:'))
      .filter(Boolean),
    der,
  };
}

function readDer(pemName: string): Uint8Array {
  openssl(['x509', '-in', pemName, '-outform', 'DER', '-out', `${pemName}.check.der`], dir);
  return read(join(dir, `${pemName}.check.der`));
}

const KEY_ALGORITHMS: Record<string, string> = { rsaEncryption: 'RSA', 'id-ecPublicKey': 'EC', ED25519: 'Ed25519' };

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('differential against openssl', () => {
  it('builds a corpus of at least 30 files', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it.each(files.map((f) => [f.name, f] as const))('%s matches openssl', async (_name, file) => {
    const bytes = read(file.path);
    const opened = await openCertificateFile(bytes, { password: file.password });
    const expected = opensslFacts(file.leafPem);
    const { leaf } = opened;

    expect(opened.format).toBe(detectFormat(bytes));
    expect(toHex(leaf.der)).toBe(toHex(expected.der));
    const ours = (parts: { oid: string; value: string }[]) => parts.map((p) => `${p.oid}=${p.value}`);
    expect(ours(leaf.subjectParts).sort()).toEqual(expected.subject.flat().sort());
    expect(ours(leaf.issuerParts).sort()).toEqual(expected.issuer.flat().sort());
    if (expected.subject.every((rdn) => rdn.length === 1)) expect(ours(leaf.subjectParts)).toEqual(expected.subject.flat());
    if (expected.issuer.every((rdn) => rdn.length === 1)) expect(ours(leaf.issuerParts)).toEqual(expected.issuer.flat());
    expect(leaf.serialNumber).toBe(expected.serial);
    expect(leaf.notBefore.toISOString()).toBe(expected.notBefore.toISOString());
    expect(leaf.notAfter.toISOString()).toBe(expected.notAfter.toISOString());
    expect(leaf.thumbprintSha1).toBe(expected.sha1);
    expect(leaf.thumbprintSha256).toBe(expected.sha256);
    expect(leaf.publicKey.algorithm).toBe(KEY_ALGORITHMS[expected.keyAlgorithm ?? '']);
    expect(leaf.publicKey.sizeBits).toBe(expected.keyBits ? Number(expected.keyBits) : 256);
    expect(leaf.publicKey.curve).toBe(expected.curve);
    expect(leaf.signatureAlgorithm).toBe(expected.signatureAlgorithm);
    expect(leaf.subjectAltNames).toEqual(expected.subjectAltNames);

    expect(opened.chain).toHaveLength(file.chainLength);
    expect(opened.hasPrivateKey).toBe(file.hasKey);
    expect(opened.privateKeyMatchesLeaf).toBe(file.hasKey ? true : null);
  });

  it('orders a chain from the leaf up and tells self-signed roots apart', async () => {
    const opened = await openCertificateFile(read(join(dir, 'chain.pfx')), { password: 'chain' });
    expect(opened.leaf.subjectCommonName).toBe('leaf.example.com');
    expect(opened.chain.map((c) => c.subjectCommonName)).toEqual(['Test Intermediate CA', 'Test Root CA']);
    expect(opened.chain.map((c) => c.selfSigned)).toEqual([false, true]);
    expect(opened.leaf.selfSigned).toBe(false);
    expect(opened.leaf.extendedKeyUsage.map((e) => e.name)).toEqual(['Client Authentication', 'Server Authentication']);
    expect(opened.leaf.keyUsage).toEqual(['digitalSignature', 'keyEncipherment']);
    expect(opened.leaf.basicConstraints).toEqual({ ca: false, pathLength: null });
    expect(opened.chain[0].basicConstraints).toEqual({ ca: true, pathLength: null });
  });

  it.each([
    ['modern.pfx', 'Secret123', 'PBES2 (PBKDF2-HMAC-SHA-256, AES-256-CBC)', 'HMAC-SHA256 (2048 iterations)'],
    ['legacy.pfx', 'Secret123', 'pbeWithSHAAnd40BitRC2-CBC / pbeWithSHAAnd3-KeyTripleDES-CBC', 'HMAC-SHA1 (2048 iterations)'],
    ['windows-3des.pfx', 'Secret123', 'pbeWithSHAAnd3-KeyTripleDES-CBC', 'HMAC-SHA1 (2048 iterations)'],
    ['rc2-128.pfx', 'Secret123', 'pbeWithSHAAnd128BitRC2-CBC', 'HMAC-SHA1 (2048 iterations)'],
    ['nomac.pfx', 'NoMac', 'PBES2 (PBKDF2-HMAC-SHA-256, AES-256-CBC)', null],
  ])('%s reports its encryption', async (name, password, encryption, integrity) => {
    const opened = await openCertificateFile(read(join(dir, name)), { password });
    expect(opened.encryption).toBe(encryption);
    expect(opened.integrity).toBe(integrity);
    expect(opened.contentFormat).toBe('pkcs12');
  });

  it('formats subjects the way .NET does', async () => {
    const rsa = await openCertificateFile(read(join(dir, 'rsa2048.der')));
    expect(rsa.leaf.subject).toBe('CN=mgmt.contoso.com, OU=IT, O="Contoso, Ltd.", C=US');
    const unicode = await openCertificateFile(read(join(dir, 'unicode.der')));
    expect(unicode.leaf.subject).toBe('CN="Zoë Müller + “quoted”, semi; ""q""", L=東京, O=Société Générale, C=FR');
    const multi = await openCertificateFile(read(join(dir, 'multivalue.pem')));
    expect(multi.leaf.subject).toBe('CN=Alice + UID=alice, O=Multi');
    const long = await openCertificateFile(read(join(dir, 'long-subject.pem')));
    expect(long.leaf.subject).toMatch(/^E=admin@contoso.com, CN=x{60}, OU=Cloud, OU=Platform Engineering, .*, S=Greater London, C=GB, DC=contoso, DC=com$/);
  });
});
