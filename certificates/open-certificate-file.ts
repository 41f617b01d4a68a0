import { CertificateError } from './certificate-error';
import * as pkijs from 'pkijs';
import { octets, parseBer, withPkijs, type Block } from './asn1';
import { summarizeParsedCertificate, type CertificateSummary } from './certificate-summary';
import { parseCertificate, type ParsedCertificate } from './parsed-certificate';
import { decodeText, inspectBytes, type CertificateFileFormat } from './detect-format';
import { bytesEqual } from './encoding';
import { parsePasswordCipher, passwordForms } from './password-based-encryption';
import { CERTIFICATE_LABELS, parsePem, PRIVATE_KEY_LABELS, type PemBlock } from './pem';
import { openPkcs12 } from './pkcs12';
import { parsedKeyMatches, parsePrivateKey, type PrivateKeyData } from './private-key';

export interface OpenedCertificateFile {
  format: CertificateFileFormat;
  leaf: CertificateSummary;
  chain: CertificateSummary[];
  hasPrivateKey: boolean;
  /** null when there is no key, or when the key is encrypted or of a kind that cannot be compared here. */
  privateKeyMatchesLeaf: boolean | null;
  encryption: string | null;
  /** Added: what the bytes hold once decoded; tells a base64 .pfx (Key Vault, .publishsettings) from a base64 .cer. */
  contentFormat: 'x509' | 'pkcs12';
  /** Added: the PKCS#12 integrity check, e.g. "HMAC-SHA256 (2048 iterations)"; null otherwise. */
  integrity: string | null;
  /** Added: every distinct certificate as the file holds them, in the file's order (the doctor judges that order). */
  inFileOrder: CertificateSummary[];
}

export interface OpenCertificateFileOptions {
  password?: string;
  /** Added: aborting rejects with the signal's reason (the only rejection that is not a CertificateError). */
  signal?: AbortSignal;
}

interface RawContents {
  certificates: { der: Uint8Array; localKeyId: Uint8Array | null; parsed?: ParsedCertificate }[];
  keys: { key: PrivateKeyData | null; localKeyId: Uint8Array | null }[];
  encryption: string | null;
  integrity: string | null;
  contentFormat: 'x509' | 'pkcs12';
}

export async function openCertificateFile(bytes: Uint8Array, options: OpenCertificateFileOptions = {}): Promise<OpenedCertificateFile> {
  try {
    return await open(bytes, options);
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (error instanceof CertificateError) throw error;
    if (error instanceof RangeError) throw new CertificateError('corrupt', 'The file is damaged: its structure is too deeply nested or too large');
    throw new CertificateError('corrupt', `The file could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function open(bytes: Uint8Array, options: OpenCertificateFileOptions): Promise<OpenedCertificateFile> {
  const { format, binary } = inspectBytes(bytes);
  let raw: RawContents;
  if (format === 'pem' || !binary) raw = await readPem(decodeText(bytes) ?? '', options.password);
  else if (binary.kind === 'pkcs12') raw = { ...(await readPkcs12(binary.der, options, binary.root)), contentFormat: 'pkcs12' };
  else {
    const parsed = parseCertificate(binary.der, binary.root);
    raw = { certificates: [{ der: parsed.der, localKeyId: null, parsed }], keys: [], encryption: null, integrity: null, contentFormat: 'x509' };
  }
  if (raw.certificates.length === 0) throw new CertificateError('no-certificate', 'The file holds no certificate');
  // OpenSSL writes the leaf twice when it is also in -certfile; one copy is enough.
  raw.certificates = raw.certificates.filter((c, i) => raw.certificates.findIndex((o) => bytesEqual(o.der, c.der)) === i);
  const summaries = await Promise.all(raw.certificates.map((c) => summarizeParsedCertificate(c.parsed ?? parseCertificate(c.der))));

  let leafIndex = -1;
  let matches: boolean | null = null;
  for (const key of raw.keys) {
    if (!key.key) continue;
    const parsedKey = parsePrivateKey(key.key);
    for (let i = 0; i < summaries.length && leafIndex < 0; i++) {
      const result = await parsedKeyMatches(parsedKey, summaries[i].subjectPublicKeyInfo);
      if (result === true) {
        leafIndex = i;
        matches = true;
      } else if (result === false) matches = false;
    }
    if (leafIndex >= 0) break;
  }
  if (leafIndex < 0 && raw.keys.length > 0 && matches === null) {
    // Key kinds we cannot compare: fall back on the PKCS#12 pairing attribute, without claiming a match.
    const id = raw.keys[0].localKeyId;
    if (id) leafIndex = raw.certificates.findIndex((c) => c.localKeyId !== null && bytesEqual(c.localKeyId, id));
  }
  if (leafIndex < 0) leafIndex = endOfChain(summaries);
  const leaf = summaries[leafIndex];
  return {
    format,
    leaf,
    chain: orderChain(
      leaf,
      summaries.filter((_, i) => i !== leafIndex),
    ),
    hasPrivateKey: raw.keys.length > 0,
    privateKeyMatchesLeaf: raw.keys.length === 0 ? null : matches,
    encryption: raw.encryption,
    contentFormat: raw.contentFormat,
    integrity: raw.integrity,
    inFileOrder: summaries,
  };
}

async function readPkcs12(der: Uint8Array, options: OpenCertificateFileOptions, root: Block): Promise<Omit<RawContents, 'contentFormat'>> {
  const contents = await openPkcs12(der, options.password, options.signal, root);
  return {
    certificates: contents.certificates,
    keys: contents.keys.map((k) => ({ key: { kind: 'pkcs8', der: k.pkcs8 }, localKeyId: k.localKeyId })),
    encryption: contents.encryption,
    integrity: contents.integrity,
  };
}

async function readPem(text: string, password: string | undefined): Promise<RawContents> {
  const blocks = parsePem(text);
  const certificates = blocks
    .filter((b) => CERTIFICATE_LABELS.has(b.label))
    // "TRUSTED CERTIFICATE" is a certificate followed by OpenSSL trust settings.
    .map((b) => {
      const parsed = parseCertificate(b.der, undefined, true);
      return { der: parsed.der, localKeyId: null, parsed };
    });
  const keys: RawContents['keys'] = [];
  let encryption: string | null = null;
  for (const block of blocks.filter((b) => PRIVATE_KEY_LABELS.has(b.label))) {
    const key = await readPemKey(block, password, (d) => (encryption = d));
    keys.push({ key, localKeyId: null });
  }
  return { certificates, keys, encryption, integrity: null, contentFormat: 'x509' };
}

async function readPemKey(block: PemBlock, password: string | undefined, describe: (d: string) => void): Promise<PrivateKeyData | null> {
  if (block.headers.some((h) => /^Proc-Type:.*ENCRYPTED/i.test(h))) {
    describe('legacy PEM encryption');
    return null;
  }
  if (block.label === 'PRIVATE KEY') return { kind: 'pkcs8', der: block.der };
  if (block.label === 'RSA PRIVATE KEY') return { kind: 'pkcs1', der: block.der };
  if (block.label === 'EC PRIVATE KEY') return { kind: 'sec1', der: block.der };
  if (block.label !== 'ENCRYPTED PRIVATE KEY') return null;
  // EncryptedPrivateKeyInfo has the shape of PKCS#12's PKCS8ShroudedKeyBag, which pkijs decodes.
  const schema = parseBer(block.der, 'encrypted private key', { allowTrailing: true, openEnded: false });
  const encrypted = withPkijs('encrypted private key', () => new pkijs.PKCS8ShroudedKeyBag({ schema }));
  const cipher = parsePasswordCipher(encrypted.encryptionAlgorithm);
  describe(cipher.description);
  if (!password) return null;
  const data = octets(encrypted.encryptedData, 'encrypted private key');
  for (const form of passwordForms(password)) {
    const plain = await cipher.decrypt(form, data);
    if (plain && plain[0] === 0x30) return { kind: 'pkcs8', der: plain };
  }
  throw new CertificateError('wrong-password', 'Wrong password for the encrypted private key in this PEM file');
}

function sameName(a: CertificateSummary['issuerParts'], b: CertificateSummary['subjectParts']): boolean {
  return a.length === b.length && a.every((p, i) => p.oid === b[i].oid && p.value === b[i].value);
}

/** The certificate that issues none of the others, preferring one that is not a CA. */
function endOfChain(certs: CertificateSummary[]): number {
  const issuesAnother = (c: CertificateSummary) => certs.some((o) => o !== c && !o.selfSigned && sameName(o.issuerParts, c.subjectParts));
  const ends = certs.map((c, i) => ({ c, i })).filter(({ c }) => !issuesAnother(c));
  const nonCa = ends.find(({ c }) => c.basicConstraints?.ca !== true);
  return (nonCa ?? ends[0])?.i ?? 0;
}

function orderChain(leaf: CertificateSummary, others: CertificateSummary[]): CertificateSummary[] {
  const remaining = [...others];
  const ordered: CertificateSummary[] = [];
  let current = leaf;
  while (!current.selfSigned) {
    const next = remaining.findIndex((c) => sameName(current.issuerParts, c.subjectParts));
    if (next < 0) break;
    current = remaining.splice(next, 1)[0];
    ordered.push(current);
  }
  return [...ordered, ...remaining];
}
