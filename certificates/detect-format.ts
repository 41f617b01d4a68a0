import { CertificateError } from './certificate-error';
import { children, encodedLength, isConstructedOf, isContext, isUniversal, oidOf, parseBer, smallInteger, TAG, type Block } from './asn1';
import { fromBase64 } from './encoding';
import { OID } from './oids';
import { CERTIFICATE_LABELS, describePemLabel, looksLikePem, parsePem, PRIVATE_KEY_LABELS } from './pem';

export type CertificateFileFormat = 'der' | 'pem' | 'base64-der' | 'pkcs12';

/** Certificate files are a few KB; a CA bundle a few hundred. Bigger input is refused to bound the work. */
export const MAX_FILE_BYTES = 1024 * 1024;

export function detectFormat(bytes: Uint8Array): CertificateFileFormat {
  return inspectBytes(bytes).format;
}

export interface InspectedBytes {
  format: CertificateFileFormat;
  /** For DER, base64 DER and PKCS#12: the decoded outer element, so that it is decoded once. */
  binary?: ClassifiedDer;
}

export function inspectBytes(bytes: Uint8Array): InspectedBytes {
  if (bytes.length === 0) throw new CertificateError('unrecognized-format', 'The file is empty');
  if (bytes.length > MAX_FILE_BYTES) {
    throw new CertificateError('unsupported', 'Files larger than 1 MiB are not supported (certificate files are a few KB)');
  }
  if (bytes[0] === 0x30) {
    const binary = classifyDerBlock(bytes);
    return { format: binary.kind, binary };
  }
  const text = decodeText(bytes);
  if (text === null) throw new CertificateError('unrecognized-format', `Not a certificate file: ${describeBinary(bytes)}`);
  if (looksLikePem(text)) {
    classifyPemBlocks(parsePem(text).map((b) => b.label));
    return { format: 'pem' };
  }
  const compact = text.replace(/\s+/g, '');
  if (compact.length >= 64 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    const decoded = fromBase64(compact);
    if (decoded[0] !== 0x30) {
      throw new CertificateError('unrecognized-format', 'Not a certificate file: looks like base64 text that does not contain a certificate');
    }
    return { format: 'base64-der', binary: classifyDerBlock(decoded) };
  }
  throw new CertificateError('unrecognized-format', `Not a certificate file: ${describeText(text)}`);
}

export function classifyPemBlocks(labels: string[]): void {
  if (labels.some((l) => CERTIFICATE_LABELS.has(l))) return;
  if (labels.length === 0) throw new CertificateError('unrecognized-format', 'Not a certificate file: looks like text without PEM blocks');
  if (labels.includes('PKCS7')) {
    throw new CertificateError('unsupported', 'PKCS#7 (.p7b) bundles are not supported: export the certificate as .cer or .pfx');
  }
  const what = labels.find((l) => PRIVATE_KEY_LABELS.has(l)) ?? labels[0];
  throw new CertificateError('unrecognized-format', `Not a certificate file: looks like ${describePemLabel(what)} with no certificate in it`);
}

/** Tells certificates from PKCS#12 and from the other DER things admins mistake for them. */
export function classifyDer(bytes: Uint8Array): 'der' | 'pkcs12' {
  return classifyDerBlock(bytes).kind;
}

export interface ClassifiedDer {
  kind: 'der' | 'pkcs12';
  /** The asn1js decoding of the outer element, for the parser that comes next. */
  root: Block;
  /** The outer element's bytes, without trailing padding. */
  der: Uint8Array;
}

export function classifyDerBlock(bytes: Uint8Array): ClassifiedDer {
  let top: Block;
  try {
    top = parseBer(bytes, 'DER data', { allowTrailing: true });
  } catch (error) {
    if (error instanceof CertificateError && error.code === 'truncated') {
      if (plausibleDerStart(bytes)) throw error;
      throw new CertificateError('unrecognized-format', 'Not a certificate file: looks like random binary data');
    }
    // The outer SEQUENCE is intact but something inside it is not: a damaged file rather than another format.
    if (error instanceof CertificateError && isSequenceHeader(bytes)) throw new CertificateError('corrupt', `The file is damaged: ${error.message}`);
    throw new CertificateError('unrecognized-format', 'Not a certificate file: looks like random binary data');
  }
  if (!isConstructedOf(top, TAG.sequence)) {
    throw new CertificateError('unrecognized-format', 'Not a certificate file: looks like random binary data');
  }
  const end = encodedLength(top);
  if (end < bytes.length && !bytes.subarray(end).every((b) => b === 0 || b === 0x0a || b === 0x0d || b === 0x20)) {
    throw new CertificateError('corrupt', 'Unexpected bytes after the end of the DER data');
  }
  return { kind: classifyTop(top), root: top, der: bytes.subarray(0, end) };
}

function classifyTop(top: Block): 'der' | 'pkcs12' {
  const parts = children(top);
  const [a, b, c] = parts;
  if (isUniversal(a, TAG.integer) && isConstructedOf(b, TAG.sequence)) {
    const version = smallInteger(a, 'version');
    const inner = children(b);
    const type = oidOf(inner[0]);
    if (version === 3 && (type === OID.pkcs7Data || type === OID.pkcs7SignedData)) return 'pkcs12';
    if ((version === 0 || version === 1) && isUniversal(c, TAG.octetString)) {
      throw new CertificateError('unrecognized-format', 'Not a certificate file: looks like a private key (PKCS#8 DER) with no certificate');
    }
    if (version <= 1 && parts.length >= 6 && parts.every((p) => isUniversal(p, TAG.integer))) {
      throw new CertificateError('unrecognized-format', 'Not a certificate file: looks like an RSA private key (DER) with no certificate');
    }
    if (version === 1 && isContext(c, 0)) {
      throw new CertificateError('unrecognized-format', 'Not a certificate file: looks like an EC private key (DER) with no certificate');
    }
  }
  if (oidOf(a) === OID.pkcs7SignedData) {
    throw new CertificateError('unsupported', 'PKCS#7 (.p7b) bundles are not supported: export the certificate as .cer or .pfx');
  }
  if (isConstructedOf(a, TAG.sequence) && isUniversal(b, TAG.sequence)) {
    if (isUniversal(c, TAG.bitString) && parts.length === 3) {
      const tbs = children(a);
      if (tbs.length >= 6) return 'der';
      if (tbs.length === 4 && isUniversal(tbs[0], TAG.integer)) {
        throw new CertificateError('unrecognized-format', 'Not a certificate file: looks like a certificate signing request (CSR)');
      }
      if (tbs.length >= 3) throw new CertificateError('unrecognized-format', 'Not a certificate file: looks like a certificate revocation list (CRL)');
    }
    if (parts.length === 2 && isUniversal(b, TAG.octetString)) {
      throw new CertificateError('unrecognized-format', 'Not a certificate file: looks like an encrypted private key (PKCS#8 DER)');
    }
  }
  if (parts.length === 2 && isUniversal(a, TAG.sequence) && isUniversal(b, TAG.bitString)) {
    throw new CertificateError('unrecognized-format', 'Not a certificate file: looks like a public key (DER) without a certificate');
  }
  throw new CertificateError('unrecognized-format', 'Not a certificate file: DER data that is neither a certificate nor a PKCS#12 file');
}

/** A SEQUENCE header with a usable length (short form, indefinite, or 1 to 4 length bytes). */
function isSequenceHeader(bytes: Uint8Array): boolean {
  const lengthByte = bytes[1];
  return bytes[0] === 0x30 && lengthByte !== undefined && lengthByte <= 0x84;
}

/** A header that a certificate or a PFX would start with: SEQUENCE { SEQUENCE | INTEGER ... }. */
function plausibleDerStart(bytes: Uint8Array): boolean {
  const lengthByte = bytes[1];
  if (lengthByte === undefined) return false;
  const skip = lengthByte < 0x80 ? 2 : lengthByte === 0x80 ? 2 : 2 + (lengthByte & 0x7f);
  if ((lengthByte & 0x7f) > 4 && lengthByte > 0x80) return false;
  const next = bytes[skip];
  return next === undefined || next === 0x30 || next === 0x02;
}

export function decodeText(bytes: Uint8Array): string | null {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  if (body[0] === 0xff && body[1] === 0xfe) return decodeUtf16(body.subarray(2), true);
  if (body[0] === 0xfe && body[1] === 0xff) return decodeUtf16(body.subarray(2), false);
  let control = 0;
  for (const b of body) {
    if (b === 0) return null;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  }
  if (control > body.length / 100 + 1) return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
  const replaced = (text.match(/\uFFFD/g) ?? []).length;
  return replaced > text.length / 20 + 1 ? null : text;
}

// PowerShell 5 `Out-File` writes UTF-16: the base64 of a .cer saved that way is common.
function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  return new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be').decode(bytes);
}

function describeText(text: string): string {
  const head = text.trimStart().slice(0, 200);
  if (/^<\?xml|^</.test(head)) {
    return /PublishData|ManagementCertificate/i.test(text)
      ? 'looks like a .publishsettings XML file (its ManagementCertificate attribute holds a base64 PKCS#12)'
      : 'looks like an XML/HTML text file';
  }
  if (/^[[{]/.test(head)) return 'looks like a JSON text file';
  if (/^ssh-(rsa|ed25519|dss) |^ecdsa-sha2-/.test(head)) return 'looks like an SSH public key';
  const compact = text.replace(/[\s:]+/g, '');
  if (compact.length >= 64 && /^[0-9A-Fa-f]+$/.test(compact)) return 'looks like hexadecimal text';
  return 'looks like text';
}

function describeBinary(bytes: Uint8Array): string {
  const starts = (...magic: number[]) => magic.every((m, i) => bytes[i] === m);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'looks like a ZIP archive (extract the certificate first)';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'looks like a PDF document';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'looks like a PNG image';
  if (starts(0xff, 0xd8, 0xff)) return 'looks like a JPEG image';
  if (starts(0x1f, 0x8b)) return 'looks like a gzip archive';
  return 'looks like random binary data';
}
