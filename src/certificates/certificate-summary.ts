import { CertificateError } from './certificate-error';
import {
  bitStringBytes,
  children,
  content,
  encoded,
  expectUniversal,
  isContext,
  isUniversal,
  octetString,
  oid,
  readSingle,
  sequence,
  smallInteger,
  TAG,
  unsignedIntegerBytes,
  type Tlv,
} from './der';
import { formatDotNetName, nameParts, parseName, type ParsedName } from './distinguished-name';
import { bytesEqual, toArrayBuffer, toHex } from './encoding';
import { CURVES, EXTENDED_KEY_USAGES, KEY_USAGE_BITS, OID, SIGNATURE_ALGORITHMS } from './oids';

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

interface ParsedCertificate {
  tbs: Tlv;
  serial: Uint8Array;
  issuer: ParsedName;
  subject: ParsedName;
  notBefore: Date;
  notAfter: Date;
  spki: Tlv;
  signatureAlgorithmOid: string;
  signatureAlgorithmParams: Tlv | undefined;
  signature: Uint8Array;
  extensions: Map<string, Uint8Array>;
}

export async function summarizeCertificate(der: Uint8Array): Promise<CertificateSummary> {
  const cert = parseCertificate(der);
  const exts = cert.extensions;
  const publicKey = guard('public key', () => describePublicKey(cert.spki));
  const [sha1, sha256] = await Promise.all([
    crypto.subtle.digest('SHA-1', toArrayBuffer(der)),
    crypto.subtle.digest('SHA-256', toArrayBuffer(der)),
  ]);
  const ski = exts.get(OID.subjectKeyIdentifier);
  const aki = exts.get(OID.authorityKeyIdentifier);
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
    thumbprintSha1: toHex(new Uint8Array(sha1)),
    thumbprintSha256: toHex(new Uint8Array(sha256)),
    publicKey,
    signatureAlgorithm: SIGNATURE_ALGORITHMS[cert.signatureAlgorithmOid] ?? cert.signatureAlgorithmOid,
    subjectAltNames: guard('subject alternative name extension', () => parseSubjectAltNames(exts.get(OID.subjectAltName))),
    keyUsage: guard('key usage extension', () => parseKeyUsage(exts.get(OID.keyUsage))),
    extendedKeyUsage: guard('extended key usage extension', () => parseExtendedKeyUsage(exts.get(OID.extKeyUsage))),
    basicConstraints: guard('basic constraints extension', () => parseBasicConstraints(exts.get(OID.basicConstraints))),
    selfSigned: false,
    subjectPublicKeyInfo: encoded(cert.spki),
    subjectKeyIdentifier: ski ? guard('subject key identifier extension', () => toHex(octetString(readSingle(ski), 'key identifier'))) : null,
    authorityKeyIdentifier: aki ? guard('authority key identifier extension', () => parseAuthorityKeyId(aki)) : null,
  };
  summary.selfSigned = await isSelfSigned(cert, summary);
  return summary;
}

function guard<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CertificateError) throw new CertificateError('corrupt', `The certificate's ${what} is damaged: ${error.message}`);
    throw error;
  }
}

function parseCertificate(der: Uint8Array): ParsedCertificate {
  try {
    const [tbs, sigAlg, sigValue] = sequence(readSingle(der), 'certificate');
    const [sigAlgOid, sigAlgParams] = sequence(sigAlg, 'signature algorithm');
    const signature = bitStringBytes(sigValue, 'certificate signature');
    const fields = sequence(tbs, 'certificate body');
    let i = 0;
    if (fields[i] && isContext(fields[i], 0)) i++;
    const serial = content(expectUniversal(fields[i++], TAG.integer, 'serial number'));
    if (serial.length === 0) throw new CertificateError('corrupt', 'Invalid serial number');
    sequence(fields[i++], 'signature algorithm');
    const issuer = parseName(fields[i++], 'issuer name');
    const [notBefore, notAfter] = sequence(fields[i++], 'validity').map((t) => parseTime(t));
    if (!notBefore || !notAfter) throw new CertificateError('corrupt', 'Invalid validity');
    const subject = parseName(fields[i++], 'subject name');
    const spki = expectUniversal(fields[i++], TAG.sequence, 'public key');
    const extensions = new Map<string, Uint8Array>();
    for (; i < fields.length; i++) {
      if (!isContext(fields[i], 3)) continue;
      const [list] = children(fields[i]);
      for (const ext of sequence(list, 'extensions')) {
        const parts = sequence(ext, 'extension');
        const value = parts[parts.length - 1];
        extensions.set(oid(parts[0], 'extension'), octetString(expectUniversal(value, TAG.octetString, 'extension'), 'extension'));
      }
    }
    return {
      tbs,
      serial,
      issuer,
      subject,
      notBefore,
      notAfter,
      spki,
      signatureAlgorithmOid: oid(sigAlgOid, 'signature algorithm'),
      signatureAlgorithmParams: sigAlgParams,
      signature,
      extensions,
    };
  } catch (error) {
    if (error instanceof CertificateError) {
      const code = error.code === 'truncated' ? 'truncated' : 'corrupt';
      throw new CertificateError(code, `The certificate is damaged: ${error.message}`);
    }
    throw error;
  }
}

function parseTime(tlv: Tlv): Date {
  const text = new TextDecoder('latin1').decode(content(tlv));
  let match: RegExpExecArray | null;
  let year: number;
  if (isUniversal(tlv, TAG.utcTime)) {
    match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/.exec(text);
    if (!match) throw new CertificateError('corrupt', `Invalid time "${text}"`);
    const yy = Number(match[1]);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
  } else if (isUniversal(tlv, TAG.generalizedTime)) {
    match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,]\d+)?(Z|[+-]\d{4})$/.exec(text);
    if (!match) throw new CertificateError('corrupt', `Invalid time "${text}"`);
    year = Number(match[1]);
  } else {
    throw new CertificateError('corrupt', 'Invalid time');
  }
  const [, , mo, d, h, mi, s, zone] = match;
  let ms = Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? '0'));
  if (zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    ms -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60_000;
  }
  if (Number.isNaN(ms)) throw new CertificateError('corrupt', `Invalid time "${text}"`);
  return new Date(ms);
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

function bitLength(magnitude: Uint8Array): number {
  let start = 0;
  while (start < magnitude.length && magnitude[start] === 0) start++;
  if (start === magnitude.length) return 0;
  return (magnitude.length - start - 1) * 8 + (32 - Math.clz32(magnitude[start]));
}

export function describePublicKey(spki: Tlv): CertificatePublicKey {
  const [algorithm, keyBits] = sequence(spki, 'public key');
  const [algorithmOid, params] = sequence(algorithm, 'public key algorithm');
  const keyOid = oid(algorithmOid, 'public key algorithm');
  const key = bitStringBytes(keyBits, 'public key');
  switch (keyOid) {
    case OID.rsaEncryption:
    case OID.rsassaPss: {
      const [modulus] = sequence(readSingle(key), 'RSA public key');
      return { algorithm: keyOid === OID.rsaEncryption ? 'RSA' : 'RSA-PSS', sizeBits: bitLength(unsignedIntegerBytes(modulus, 'RSA modulus')), curve: null };
    }
    case OID.ecPublicKey: {
      const curveOid = params && isUniversal(params, TAG.oid) ? oid(params, 'EC curve') : null;
      const curve = curveOid ? CURVES[curveOid] : undefined;
      return { algorithm: 'EC', sizeBits: curve?.bits ?? null, curve: curve?.name ?? curveOid ?? 'explicit parameters' };
    }
    // Key lengths as encoded (32 and 57 bytes), not OpenSSL's "security bits".
    case OID.ed25519:
      return { algorithm: 'Ed25519', sizeBits: 256, curve: null };
    case OID.ed448:
      return { algorithm: 'Ed448', sizeBits: 456, curve: null };
    case OID.dsa: {
      const [p] = params ? sequence(params, 'DSA parameters') : [];
      return { algorithm: 'DSA', sizeBits: p ? bitLength(unsignedIntegerBytes(p, 'DSA parameters')) : null, curve: null };
    }
    default:
      return { algorithm: keyOid, sizeBits: null, curve: null };
  }
}

function parseSubjectAltNames(value: Uint8Array | undefined): string[] {
  if (!value) return [];
  return sequence(readSingle(value), 'subject alternative names').map((name) => {
    const text = () => new TextDecoder('utf-8').decode(content(name));
    if (name.tagClass !== 2) return `unknown:${toHex(encoded(name))}`;
    switch (name.tagNumber) {
      case 0: {
        const [typeOid, wrapped] = children(name);
        const type = oid(typeOid, 'other name');
        const inner = wrapped && isContext(wrapped, 0) ? children(wrapped)[0] : undefined;
        if (type === '1.3.6.1.4.1.311.20.2.3' && inner) return `othername:UPN:${new TextDecoder().decode(content(inner))}`;
        return `othername:${type}`;
      }
      case 1:
        return `email:${text()}`;
      case 2:
        return `DNS:${text()}`;
      case 4:
        return `DirName:${formatDotNetName(parseName(children(name)[0], 'directory name'))}`;
      case 6:
        return `URI:${text()}`;
      case 7:
        return `IP:${formatIp(content(name))}`;
      case 8:
        return `Registered ID:${oid({ ...name, tagClass: 0, tagNumber: TAG.oid }, 'registered ID')}`;
      default:
        return `unknown:${toHex(encoded(name))}`;
    }
  });
}

function formatIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  if (bytes.length === 16) {
    const groups: string[] = [];
    for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16).toUpperCase());
    return groups.join(':');
  }
  return `#${toHex(bytes)}`;
}

function parseKeyUsage(value: Uint8Array | undefined): string[] {
  if (!value) return [];
  const bits = bitStringBytes(readSingle(value), 'key usage');
  return KEY_USAGE_BITS.filter((_, i) => i < bits.length * 8 && (bits[i >> 3] & (0x80 >> (i & 7))) !== 0);
}

function parseExtendedKeyUsage(value: Uint8Array | undefined): { oid: string; name: string }[] {
  if (!value) return [];
  return sequence(readSingle(value), 'extended key usage').map((t) => {
    const usage = oid(t, 'extended key usage');
    return { oid: usage, name: EXTENDED_KEY_USAGES[usage] ?? usage };
  });
}

function parseBasicConstraints(value: Uint8Array | undefined): { ca: boolean; pathLength: number | null } | null {
  if (!value) return null;
  const parts = sequence(readSingle(value), 'basic constraints');
  let ca = false;
  let pathLength: number | null = null;
  for (const part of parts) {
    if (isUniversal(part, TAG.boolean)) ca = content(part)[0] !== 0;
    else if (isUniversal(part, TAG.integer)) pathLength = smallInteger(part, 'path length');
  }
  return { ca, pathLength };
}

function parseAuthorityKeyId(value: Uint8Array): string | null {
  const keyId = sequence(readSingle(value), 'authority key identifier').find((t) => isContext(t, 0));
  return keyId ? toHex(content(keyId)) : null;
}

async function isSelfSigned(cert: ParsedCertificate, summary: CertificateSummary): Promise<boolean> {
  const sameName =
    bytesEqual(cert.subject.der, cert.issuer.der) ||
    summary.subject.toLowerCase().replace(/\s+/g, ' ') === summary.issuer.toLowerCase().replace(/\s+/g, ' ');
  if (!sameName) return false;
  const verified = await verifyOwnSignature(cert);
  if (verified !== null) return verified;
  return summary.authorityKeyIdentifier === null || summary.authorityKeyIdentifier === summary.subjectKeyIdentifier;
}

const HASH_BY_SIGNATURE: Record<string, { key: 'RSA' | 'EC'; hash: string }> = {
  '1.2.840.113549.1.1.5': { key: 'RSA', hash: 'SHA-1' },
  '1.2.840.113549.1.1.11': { key: 'RSA', hash: 'SHA-256' },
  '1.2.840.113549.1.1.12': { key: 'RSA', hash: 'SHA-384' },
  '1.2.840.113549.1.1.13': { key: 'RSA', hash: 'SHA-512' },
  '1.2.840.10045.4.1': { key: 'EC', hash: 'SHA-1' },
  '1.2.840.10045.4.3.2': { key: 'EC', hash: 'SHA-256' },
  '1.2.840.10045.4.3.3': { key: 'EC', hash: 'SHA-384' },
  '1.2.840.10045.4.3.4': { key: 'EC', hash: 'SHA-512' },
};

/** null when WebCrypto cannot check this kind of signature here. */
async function verifyOwnSignature(cert: ParsedCertificate): Promise<boolean | null> {
  const spki = toArrayBuffer(encoded(cert.spki));
  const data = toArrayBuffer(encoded(cert.tbs));
  try {
    if (cert.signatureAlgorithmOid === OID.ed25519) {
      const key = await crypto.subtle.importKey('spki', spki, { name: 'Ed25519' }, false, ['verify']);
      return await crypto.subtle.verify({ name: 'Ed25519' }, key, toArrayBuffer(cert.signature), data);
    }
    const scheme = HASH_BY_SIGNATURE[cert.signatureAlgorithmOid];
    if (!scheme) return null;
    const publicKey = guard('public key', () => describePublicKey(cert.spki));
    if (scheme.key === 'RSA') {
      if (publicKey.algorithm !== 'RSA') return false;
      const key = await crypto.subtle.importKey('spki', spki, { name: 'RSASSA-PKCS1-v1_5', hash: scheme.hash }, false, ['verify']);
      return await crypto.subtle.verify({ name: 'RSASSA-PKCS1-v1_5' }, key, toArrayBuffer(cert.signature), data);
    }
    if (publicKey.algorithm !== 'EC') return false;
    const size = publicKey.curve === 'P-256' ? 32 : publicKey.curve === 'P-384' ? 48 : publicKey.curve === 'P-521' ? 66 : 0;
    if (size === 0) return null;
    const key = await crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: publicKey.curve ?? '' }, false, ['verify']);
    const raw = ecdsaSignatureToRaw(cert.signature, size);
    if (!raw) return false;
    return await crypto.subtle.verify({ name: 'ECDSA', hash: scheme.hash }, key, toArrayBuffer(raw), data);
  } catch {
    return null;
  }
}

function ecdsaSignatureToRaw(signature: Uint8Array, size: number): Uint8Array | null {
  try {
    const [r, s] = sequence(readSingle(signature), 'ECDSA signature').map((t) => unsignedIntegerBytes(t, 'ECDSA signature'));
    if (!r || !s || r.length > size || s.length > size) return null;
    const raw = new Uint8Array(size * 2);
    raw.set(r, size - r.length);
    raw.set(s, size * 2 - s.length);
    return raw;
  } catch {
    return null;
  }
}
