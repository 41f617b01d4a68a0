/// <reference types="node" />
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CorpusFile {
  name: string;
  path: string;
  password?: string;
  /** PEM of the certificate the file's leaf must equal, for asking openssl. */
  leafPem: string;
  chainLength: number;
  hasKey: boolean;
}

export function openssl(args: string[], cwd: string, input?: string): string {
  return execFileSync('openssl', args, { cwd, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

/** stdout and stderr together (`pkcs12 -info` writes its report to stderr); throws when openssl fails. */
export function opensslReport(args: string[], cwd: string): string {
  const result = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`);
  return result.stdout + result.stderr;
}

export function read(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

const CA_CONFIG = `[ ca ]
default_ca = ca_default
[ ca_default ]
dir = .
database = ./index.txt
new_certs_dir = ./newcerts
serial = ./serial
default_md = sha256
policy = policy_any
email_in_dn = no
unique_subject = no
copy_extensions = copy
[ policy_any ]
commonName = supplied
organizationName = optional
[ v3_ca ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ v3_leaf ]
basicConstraints = CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth, serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = DNS:leaf.example.com
`;

/** Builds the differential corpus with openssl in a fresh temp dir (~5-10 s, mostly RSA key generation). */
export function buildCorpus(): { dir: string; files: CorpusFile[] } {
  const dir = mkdtempSync(join(tmpdir(), 'cert-corpus-'));
  const run = (...args: string[]) => openssl(args, dir);
  const files: CorpusFile[] = [];
  const add = (file: Omit<CorpusFile, 'path'>) => files.push({ ...file, path: join(dir, file.name) });

  run('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'rsa2048.key');
  run('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:4096', '-out', 'rsa4096.key');
  run('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024', '-out', 'rsa1024.key');
  run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'p256.key');
  run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384', '-out', 'p384.key');
  run('genpkey', '-algorithm', 'ED25519', '-out', 'ed25519.key');

  const selfSigned = (name: string, key: string, subject: string, ...extra: string[]) => {
    run('req', '-x509', '-new', '-utf8', '-key', key, '-subj', subject, '-days', '400', '-out', `${name}.pem`, ...extra);
    run('x509', '-in', `${name}.pem`, '-outform', 'DER', '-out', `${name}.der`);
  };
  const formats = (name: string, which: ('pem' | 'der' | 'b64' | 'crlf')[]) => {
    for (const f of which) {
      if (f === 'pem' || f === 'der') add({ name: `${name}.${f}`, leafPem: `${name}.pem`, chainLength: 0, hasKey: false });
      if (f === 'b64') {
        writeFileSync(join(dir, `${name}.b64`), Buffer.from(readFileSync(join(dir, `${name}.der`))).toString('base64') + '\n');
        add({ name: `${name}.b64`, leafPem: `${name}.pem`, chainLength: 0, hasKey: false });
      }
      if (f === 'crlf') {
        writeFileSync(join(dir, `${name}-crlf.pem`), '\uFEFF' + readFileSync(join(dir, `${name}.pem`), 'utf8').replace(/\n/g, '\r\n'));
        add({ name: `${name}-crlf.pem`, leafPem: `${name}.pem`, chainLength: 0, hasKey: false });
      }
    }
  };

  selfSigned('rsa2048', 'rsa2048.key', '/C=US/O=Contoso, Ltd./OU=IT/CN=mgmt.contoso.com', '-addext', 'extendedKeyUsage=clientAuth');
  formats('rsa2048', ['pem', 'der', 'b64', 'crlf']);
  selfSigned('rsa4096', 'rsa4096.key', '/CN=Four Thousand Ninety Six');
  formats('rsa4096', ['der', 'pem']);
  selfSigned('rsa1024-sha1', 'rsa1024.key', '/CN=weak and old', '-sha1', '-set_serial', '1');
  formats('rsa1024-sha1', ['der']);
  selfSigned('p256', 'p256.key', '/CN=ec p256/O=Fabrikam', '-set_serial', '0x8FEDCBA987654321');
  formats('p256', ['pem', 'der']);
  selfSigned('p384', 'p384.key', '/CN=ec p384', '-sha384');
  formats('p384', ['der', 'b64']);
  selfSigned('ed25519', 'ed25519.key', '/CN=edwards');
  formats('ed25519', ['pem', 'der']);
  selfSigned(
    'long-subject',
    'p256.key',
    `/DC=com/DC=contoso/C=GB/ST=Greater London/L=London/O=A Very Long Organization Name Incorporated Limited/OU=Platform Engineering/OU=Cloud/CN=${'x'.repeat(60)}/emailAddress=admin@contoso.com`,
  );
  formats('long-subject', ['pem']);
  selfSigned('unicode', 'p256.key', '/C=FR/O=Société Générale/L=東京/CN=Zoë Müller \\+ “quoted”, semi; \\"q\\"');
  formats('unicode', ['der', 'pem']);
  selfSigned('multivalue', 'p256.key', '/O=Multi/CN=Alice+UID=alice', '-multivalue-rdn');
  formats('multivalue', ['pem']);
  const sans = [
    ...Array.from({ length: 60 }, (_, i) => `DNS:host${i}.example.com`),
    'IP:10.1.2.3',
    'IP:2001:db8::1',
    'email:admin@example.com',
    'URI:https://example.com/path',
  ].join(',');
  selfSigned('many-sans', 'rsa2048.key', '/CN=many sans', '-addext', `subjectAltName=${sans}`);
  formats('many-sans', ['pem', 'der']);

  // A CA, an intermediate and a leaf, plus dated certificates made with `openssl ca`.
  writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG);
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  mkdirSync(join(dir, 'newcerts'));
  run(
    'req',
    '-x509',
    '-new',
    '-key',
    'p384.key',
    '-subj',
    '/O=Test Root Org/CN=Test Root CA',
    '-days',
    '3650',
    '-out',
    'root.pem',
    '-config',
    'ca.cnf',
    '-extensions',
    'v3_ca',
  );
  run('req', '-new', '-key', 'p256.key', '-subj', '/O=Test Root Org/CN=Test Intermediate CA', '-out', 'inter.csr');
  run(
    'ca',
    '-config',
    'ca.cnf',
    '-batch',
    '-notext',
    '-cert',
    'root.pem',
    '-keyfile',
    'p384.key',
    '-extensions',
    'v3_ca',
    '-days',
    '1000',
    '-in',
    'inter.csr',
    '-out',
    'inter.pem',
  );
  run('req', '-new', '-key', 'rsa2048.key', '-subj', '/O=Leaf Org/CN=leaf.example.com', '-out', 'leaf.csr');
  run(
    'ca',
    '-config',
    'ca.cnf',
    '-batch',
    '-notext',
    '-cert',
    'inter.pem',
    '-keyfile',
    'p256.key',
    '-extensions',
    'v3_leaf',
    '-days',
    '200',
    '-in',
    'leaf.csr',
    '-out',
    'leaf.pem',
  );
  const dated = (name: string, start: string, end: string) => {
    run(
      'ca',
      '-config',
      'ca.cnf',
      '-batch',
      '-notext',
      '-cert',
      'root.pem',
      '-keyfile',
      'p384.key',
      '-extensions',
      'v3_leaf',
      '-startdate',
      start,
      '-enddate',
      end,
      '-in',
      'leaf.csr',
      '-out',
      `${name}.pem`,
    );
    run('x509', '-in', `${name}.pem`, '-outform', 'DER', '-out', `${name}.der`);
  };
  dated('expired', '20200101000000Z', '20210615120000Z');
  dated('future', '20450101000000Z', '20550101000000Z');
  formats('root', ['pem']);
  formats('inter', ['pem']);
  formats('leaf', ['pem']);
  formats('expired', ['der']);
  formats('future', ['pem']);
  writeFileSync(join(dir, 'bundle.pem'), ['root.pem', 'leaf.pem', 'inter.pem'].map((f) => readFileSync(join(dir, f), 'utf8')).join('\n'));
  add({ name: 'bundle.pem', leafPem: 'leaf.pem', chainLength: 2, hasKey: false });
  writeFileSync(join(dir, 'leaf-with-key.pem'), readFileSync(join(dir, 'leaf.pem'), 'utf8') + readFileSync(join(dir, 'rsa2048.key'), 'utf8'));
  add({ name: 'leaf-with-key.pem', leafPem: 'leaf.pem', chainLength: 0, hasKey: true });

  const pfx = (name: string, cert: string, key: string, password: string, ...extra: string[]) => {
    run('pkcs12', '-export', '-in', cert, '-inkey', key, '-out', name, '-passout', `pass:${password}`, ...extra);
  };
  pfx('modern.pfx', 'rsa2048.pem', 'rsa2048.key', 'Secret123');
  add({ name: 'modern.pfx', password: 'Secret123', leafPem: 'rsa2048.pem', chainLength: 0, hasKey: true });
  pfx('legacy.pfx', 'rsa2048.pem', 'rsa2048.key', 'Secret123', '-legacy');
  add({ name: 'legacy.pfx', password: 'Secret123', leafPem: 'rsa2048.pem', chainLength: 0, hasKey: true });
  pfx('windows-3des.pfx', 'rsa2048.pem', 'rsa2048.key', 'Secret123', '-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'SHA1');
  add({ name: 'windows-3des.pfx', password: 'Secret123', leafPem: 'rsa2048.pem', chainLength: 0, hasKey: true });
  pfx('rc2-128.pfx', 'rsa2048.pem', 'rsa2048.key', 'Secret123', '-legacy', '-keypbe', 'PBE-SHA1-RC2-128', '-certpbe', 'PBE-SHA1-RC2-128');
  add({ name: 'rc2-128.pfx', password: 'Secret123', leafPem: 'rsa2048.pem', chainLength: 0, hasKey: true });
  pfx('nopass.pfx', 'p256.pem', 'p256.key', '');
  add({ name: 'nopass.pfx', leafPem: 'p256.pem', chainLength: 0, hasKey: true });
  pfx('nopass-legacy.pfx', 'p256.pem', 'p256.key', '', '-legacy');
  add({ name: 'nopass-legacy.pfx', leafPem: 'p256.pem', chainLength: 0, hasKey: true });
  pfx('unicode-password.pfx', 'unicode.pem', 'p256.key', 'pässwörd€✓');
  add({ name: 'unicode-password.pfx', password: 'pässwörd€✓', leafPem: 'unicode.pem', chainLength: 0, hasKey: true });
  pfx('unicode-password-legacy.pfx', 'unicode.pem', 'p256.key', 'pässwörd€✓', '-legacy');
  add({ name: 'unicode-password-legacy.pfx', password: 'pässwörd€✓', leafPem: 'unicode.pem', chainLength: 0, hasKey: true });
  pfx('ec384.pfx', 'p384.pem', 'p384.key', 'ec-pass');
  add({ name: 'ec384.pfx', password: 'ec-pass', leafPem: 'p384.pem', chainLength: 0, hasKey: true });
  pfx('ed25519.pfx', 'ed25519.pem', 'ed25519.key', 'ed-pass');
  add({ name: 'ed25519.pfx', password: 'ed-pass', leafPem: 'ed25519.pem', chainLength: 0, hasKey: true });
  pfx('chain.pfx', 'leaf.pem', 'rsa2048.key', 'chain', '-certfile', 'bundle.pem');
  add({ name: 'chain.pfx', password: 'chain', leafPem: 'leaf.pem', chainLength: 2, hasKey: true });
  pfx('chain-legacy.pfx', 'leaf.pem', 'rsa2048.key', 'chain', '-legacy', '-certfile', 'bundle.pem');
  add({ name: 'chain-legacy.pfx', password: 'chain', leafPem: 'leaf.pem', chainLength: 2, hasKey: true });
  pfx('nomac.pfx', 'rsa4096.pem', 'rsa4096.key', 'NoMac', '-nomac');
  add({ name: 'nomac.pfx', password: 'NoMac', leafPem: 'rsa4096.pem', chainLength: 0, hasKey: true });
  pfx('certs-clear.pfx', 'p384.pem', 'p384.key', 'clear', '-certpbe', 'NONE');
  add({ name: 'certs-clear.pfx', password: 'clear', leafPem: 'p384.pem', chainLength: 0, hasKey: true });
  pfx('expired.pfx', 'expired.pem', 'rsa2048.key', 'old', '-legacy');
  add({ name: 'expired.pfx', password: 'old', leafPem: 'expired.pem', chainLength: 0, hasKey: true });
  run('pkcs12', '-export', '-nokeys', '-in', 'bundle.pem', '-out', 'certs-only.pfx', '-passout', 'pass:nokey');
  add({ name: 'certs-only.pfx', password: 'nokey', leafPem: 'leaf.pem', chainLength: 2, hasKey: false });
  // Key Vault hands PFX secrets out as base64 text.
  writeFileSync(join(dir, 'modern.pfx.b64'), Buffer.from(readFileSync(join(dir, 'modern.pfx'))).toString('base64'));
  add({ name: 'modern.pfx.b64', password: 'Secret123', leafPem: 'rsa2048.pem', chainLength: 0, hasKey: true });
  return { dir, files };
}
