import { CertificateError } from './certificate-error';
import { fromBase64 } from './encoding';

export interface PemBlock {
  label: string;
  der: Uint8Array;
  /** RFC 1421 headers such as "Proc-Type: 4,ENCRYPTED" (legacy encrypted keys). */
  headers: string[];
}

const BEGIN = /^-----BEGIN ([A-Z0-9 #._-]+)-----$/;
const END = /^-----END ([A-Z0-9 #._-]+)-----$/;
const BASE64_LINE = /^[A-Za-z0-9+/=]+$/;
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*:/;
// What OpenSSL itself writes between blocks (`pkcs12 -nodes`, `x509 -text`); anything else there is damage.
const OPENSSL_METADATA = [/^Bag Attributes\b/, /^Key Attributes\b/, /^\s+\S/, /^(subject|issuer)=/, /^<No Attributes>$/, /^Certificate:$/];

export function looksLikePem(text: string): boolean {
  return text.includes('-----BEGIN ');
}

export function parsePem(text: string): PemBlock[] {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: PemBlock[] = [];
  let label: string | null = null;
  let body: string[] = [];
  let headers: string[] = [];
  let inHeaders = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].replace(/\s+$/, '');
    const where = `line ${index + 1}`;
    if (label === null) {
      const begin = BEGIN.exec(line.trimStart());
      if (begin) {
        label = begin[1];
        body = [];
        headers = [];
        inHeaders = true;
        continue;
      }
      if (line.includes('-----END ') || line.includes('-----BEGIN ')) {
        throw new CertificateError('corrupt', `PEM marker out of place at ${where}`);
      }
      if (blocks.length > 0 && line.trim() !== '' && !OPENSSL_METADATA.some((re) => re.test(line))) {
        throw new CertificateError('corrupt', `Unexpected text between PEM blocks at ${where}`);
      }
      continue;
    }
    const end = END.exec(line.trim());
    if (end) {
      if (end[1] !== label) {
        throw new CertificateError('corrupt', `PEM block "${label}" is closed by "END ${end[1]}" at ${where}`);
      }
      if (body.length === 0) throw new CertificateError('corrupt', `PEM block "${label}" is empty`);
      blocks.push({ label, der: fromBase64(body.join('')), headers });
      label = null;
      continue;
    }
    const trimmed = line.trim();
    if (inHeaders && HEADER_LINE.test(trimmed) && !BASE64_LINE.test(trimmed)) {
      headers.push(trimmed);
      continue;
    }
    if (trimmed === '') {
      inHeaders = false;
      continue;
    }
    inHeaders = false;
    if (!BASE64_LINE.test(trimmed)) {
      throw new CertificateError('corrupt', `PEM block "${label}" contains non-base64 text at ${where}`);
    }
    body.push(trimmed);
  }
  if (label !== null) {
    throw new CertificateError('truncated', `PEM block "${label}" has no END line: the file looks truncated`);
  }
  return blocks;
}

export const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
export const PRIVATE_KEY_LABELS = new Set([
  'PRIVATE KEY',
  'RSA PRIVATE KEY',
  'EC PRIVATE KEY',
  'DSA PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
  'OPENSSH PRIVATE KEY',
]);

export function describePemLabel(label: string): string {
  if (PRIVATE_KEY_LABELS.has(label)) return 'a private key PEM';
  if (label === 'CERTIFICATE REQUEST' || label === 'NEW CERTIFICATE REQUEST') return 'a certificate signing request (CSR) PEM';
  if (label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY') return 'a public key PEM';
  if (label === 'X509 CRL') return 'a certificate revocation list (CRL) PEM';
  if (label === 'PKCS7') return 'a PKCS#7 (.p7b) PEM';
  return `a PEM file with "${label}" blocks`;
}
