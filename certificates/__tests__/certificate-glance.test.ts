/// <reference types="node" />
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CertificateError } from '../certificate-error';
import { glanceCertificate } from '../certificate-glance';
import { summarizeCertificate } from '../certificate-summary';
import { openssl, read } from './openssl-corpus';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const opensslDate = (text: string) => {
  const m = /^(\w{3})\s+(\d+) (\d\d):(\d\d):(\d\d) (\d{4}) GMT$/.exec(text.trim());
  if (!m) throw new Error(`unexpected openssl date ${text}`);
  return new Date(Date.UTC(Number(m[6]), MONTHS.indexOf(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])));
};

let dir = '';
const run = (...args: string[]) => openssl(args, dir);
const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
const toDer = (name: string) => run('x509', '-in', `${name}.pem`, '-outform', 'DER', '-out', `${name}.der`);

/** Certificates openssl made: each exercises one thing the glance reader must read as openssl and the toolkit do. */
const CASES: Array<{ name: string; what: string; make: () => void }> = [
  {
    name: 'plain',
    what: 'UTCTime both ends, v3, self-signed',
    make: () => run('req', '-x509', '-new', ...ec, '-keyout', 'plain.key', '-subj', '/C=NL/O=Contoso/CN=plain.example', '-days', '30', '-out', 'plain.pem'),
  },
  {
    name: 'multi',
    what: 'multi-valued RDN, UTF-8, quoting',
    make: () =>
      run(
        'req',
        '-x509',
        '-new',
        '-utf8',
        ...ec,
        '-keyout',
        'multi.key',
        '-subj',
        '/C=FR/O=Société Générale, SA/CN=Alice+UID=alice',
        '-days',
        '5',
        '-out',
        'multi.pem',
      ),
  },
  {
    name: 'generalized',
    what: 'GeneralizedTime notAfter (after 2049)',
    make: () => run('req', '-x509', '-new', ...ec, '-keyout', 'generalized.key', '-subj', '/CN=long-lived', '-days', '30000', '-out', 'generalized.pem'),
  },
  {
    name: 'leaf',
    what: 'issuer other than subject, 19xx UTCTime notBefore, GeneralizedTime notAfter (openssl ca)',
    make: () => {
      mkdirSync(join(dir, 'newcerts'));
      writeFileSync(join(dir, 'index.txt'), '');
      writeFileSync(join(dir, 'serial'), '1000\n');
      writeFileSync(
        join(dir, 'ca.cnf'),
        '[ca]\ndefault_ca=d\n[d]\ndir=.\ndatabase=./index.txt\nnew_certs_dir=./newcerts\nserial=./serial\ndefault_md=sha256\npolicy=p\nunique_subject=no\n[p]\ncommonName=supplied\norganizationName=optional\norganizationalUnitName=optional\n',
      );
      run('req', '-x509', '-new', ...ec, '-keyout', 'root.key', '-subj', '/O=Fabrikam/OU=PKI/CN=Fabrikam Root', '-days', '40', '-out', 'root.pem');
      run('req', '-new', ...ec, '-keyout', 'leaf.key', '-subj', '/O=Fabrikam/CN=leaf.fabrikam.example', '-out', 'leaf.csr');
      run(
        'ca',
        '-batch',
        '-config',
        'ca.cnf',
        '-cert',
        'root.pem',
        '-keyfile',
        'root.key',
        '-in',
        'leaf.csr',
        '-out',
        'leaf.pem',
        '-notext',
        '-startdate',
        '990101000000Z',
        '-enddate',
        '20600101000000Z',
      );
    },
  },
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'glance-'));
  for (const c of CASES) {
    c.make();
    toDer(c.name);
  }
}, 60_000);

describe('glanceCertificate against openssl and the full toolkit', () => {
  it.each(CASES.map((c) => [c.name, c.what]))('%s (%s)', async (name) => {
    const der = read(join(dir, `${name}.der`));
    const glance = await glanceCertificate(der);
    const full = await summarizeCertificate(der);
    const out = run('x509', '-in', `${name}.pem`, '-noout', '-dates', '-fingerprint', '-sha1');
    const field = (key: string) =>
      out
        .split('\n')
        .find((l) => l.startsWith(`${key}=`))!
        .slice(key.length + 1);
    expect(glance.notBefore).toEqual(opensslDate(field('notBefore')));
    expect(glance.notAfter).toEqual(opensslDate(field('notAfter')));
    expect(glance.thumbprintSha1).toBe(field('sha1 Fingerprint').replace(/:/g, ''));
    // The subject and issuer in .NET order, exactly as the full toolkit words them.
    expect(glance.subject).toBe(full.subject);
    expect(glance.issuer).toBe(full.issuer);
    expect(glance.notAfter).toEqual(full.notAfter);
  });

  it('words names and years as .NET does', async () => {
    const multi = await glanceCertificate(read(join(dir, 'multi.der')));
    expect(multi.subject).toBe('CN=Alice + UID=alice, O="Société Générale, SA", C=FR');
    const leaf = await glanceCertificate(read(join(dir, 'leaf.der')));
    expect(leaf.issuer).toBe('CN=Fabrikam Root, OU=PKI, O=Fabrikam');
    expect(leaf.notBefore.toISOString()).toBe('1999-01-01T00:00:00.000Z');
    expect(leaf.notAfter.toISOString()).toBe('2060-01-01T00:00:00.000Z');
  });
});

describe('glanceCertificate on damaged input', () => {
  it('refuses truncated, trailing and non-certificate bytes with a CertificateError', async () => {
    const der = read(join(dir, 'plain.der'));
    await expect(glanceCertificate(der.subarray(0, der.length - 1))).rejects.toThrow(CertificateError);
    await expect(glanceCertificate(Uint8Array.from([...der, 0]))).rejects.toThrow(/after the end/);
    await expect(glanceCertificate(Uint8Array.from([0x30, 0x80, 0, 0]))).rejects.toThrow(/indefinite/);
    await expect(glanceCertificate(new TextEncoder().encode('not a certificate'))).rejects.toThrow(CertificateError);
  });

  it('throws only CertificateErrors on 2,000 mutated certificates', async () => {
    const der = read(join(dir, 'leaf.der'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(der.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (edits) => {
        const bytes = Uint8Array.from(der);
        for (const [at, value] of edits) bytes[at] = value;
        await glanceCertificate(bytes).catch((error: unknown) => {
          if (!(error instanceof CertificateError)) throw error;
        });
      }),
      { numRuns: 2000, interruptAfterTimeLimit: 10_000 },
    );
  });
});
