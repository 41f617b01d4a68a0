import { CertificateError } from './certificate-error';
import { formatDotNetName, nameParts } from './distinguished-name';
import { toArrayBuffer, toHex } from './encoding';
import { OID, SIGNATURE_ALGORITHMS } from './oids';
import { describePublicKey } from './certificate-public-key';
import {
  parseAuthorityKeyId,
  parseBasicConstraints,
  parseExtendedKeyUsage,
  parseKeyUsage,
  parseSubjectAltNames,
  parseSubjectKeyId,
} from './certificate-extensions';
import { parseCertificate, type ParsedCertificate } from './parsed-certificate';
import { isSelfSigned } from './certificate-self-signature';

export interface DistinguishedNamePart {
  shortName: string;
  oid: string;
  value: string;
}

export interface CertificatePublicKey {
  algorithm: 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | string;
  sizeBits: number | null;
  curve: string | null;
}

export interface CertificateSummary {
  der: Uint8Array;
  subject: string;
  subjectParts: DistinguishedNamePart[];
  subjectCommonName: string | null;
  issuer: string;
  issuerParts: DistinguishedNamePart[];
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  thumbprintSha1: string;
  thumbprintSha256: string;
  publicKey: CertificatePublicKey;
  signatureAlgorithm: string;
  subjectAltNames: string[];
  keyUsage: string[];
  extendedKeyUsage: { oid: string; name: string }[];
  basicConstraints: { ca: boolean; pathLength: number | null } | null;
  selfSigned: boolean;
  /** Added: the DER SubjectPublicKeyInfo, for matching private keys. */
  subjectPublicKeyInfo: Uint8Array;
  /** Added: hex of the subject key identifier extension, when present. */
  subjectKeyIdentifier: string | null;
  /** Added: hex of the authority key identifier's keyIdentifier, when present. */
  authorityKeyIdentifier: string | null;
}

export async function summarizeCertificate(der: Uint8Array): Promise<CertificateSummary> {
  return summarizeParsedCertificate(parseCertificate(der));
}

export async function summarizeParsedCertificate(cert: ParsedCertificate): Promise<CertificateSummary> {
  const { der } = cert;
  const exts = cert.extensions;
  const publicKey = guard('public key', () => describePublicKey(cert.certificate.subjectPublicKeyInfo));
  const summary: CertificateSummary = {
    der,
    subject: formatDotNetName(cert.subject),
    subjectParts: nameParts(cert.subject),
    subjectCommonName: nameParts(cert.subject).find((p) => p.oid === OID.commonName)?.value ?? null,
    issuer: formatDotNetName(cert.issuer),
    issuerParts: nameParts(cert.issuer),
    serialNumber: formatSerial(cert.serial),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    thumbprintSha1: '',
    thumbprintSha256: '',
    publicKey,
    signatureAlgorithm: SIGNATURE_ALGORITHMS[cert.signatureAlgorithmOid] ?? cert.signatureAlgorithmOid,
    subjectAltNames: guard('subject alternative name extension', () => parseSubjectAltNames(exts.get(OID.subjectAltName))),
    keyUsage: guard('key usage extension', () => parseKeyUsage(exts.get(OID.keyUsage))),
    extendedKeyUsage: guard('extended key usage extension', () => parseExtendedKeyUsage(exts.get(OID.extKeyUsage))),
    basicConstraints: guard('basic constraints extension', () => parseBasicConstraints(exts.get(OID.basicConstraints))),
    selfSigned: false,
    subjectPublicKeyInfo: cert.spki,
    subjectKeyIdentifier: guard('subject key identifier extension', () => parseSubjectKeyId(exts.get(OID.subjectKeyIdentifier))),
    authorityKeyIdentifier: guard('authority key identifier extension', () => parseAuthorityKeyId(exts.get(OID.authorityKeyIdentifier))),
  };
  // The thumbprints and the self-signature check are independent WebCrypto jobs: run them together.
  const [sha1, sha256, selfSigned] = await Promise.all([
    crypto.subtle.digest('SHA-1', toArrayBuffer(der)),
    crypto.subtle.digest('SHA-256', toArrayBuffer(der)),
    isSelfSigned(cert, summary),
  ]);
  summary.thumbprintSha1 = toHex(new Uint8Array(sha1));
  summary.thumbprintSha256 = toHex(new Uint8Array(sha256));
  summary.selfSigned = selfSigned;
  return summary;
}

function guard<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CertificateError) throw new CertificateError('corrupt', `The certificate's ${what} is damaged: ${error.message}`);
    throw new CertificateError('corrupt', `The certificate's ${what} is damaged`);
  }
}

/** As OpenSSL prints it: the magnitude in uppercase hex, a leading "-" for (invalid but seen) negative serials. */
function formatSerial(bytes: Uint8Array): string {
  if ((bytes[0] & 0x80) === 0) {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    return toHex(bytes.subarray(start));
  }
  const magnitude = new Uint8Array(bytes.length);
  let carry = 1;
  for (let i = bytes.length - 1; i >= 0; i--) {
    const v = (~bytes[i] & 0xff) + carry;
    magnitude[i] = v & 0xff;
    carry = v >> 8;
  }
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  return `-${toHex(magnitude.subarray(start))}`;
}
