import * as pkijs from 'pkijs';
import { contentBytes, parseBer } from './asn1';
import type { CertificatePublicKey, CertificateSummary } from './certificate-summary';
import { bytesEqual, toArrayBuffer } from './encoding';
import { OID } from './oids';
import type { ParsedCertificate } from './parsed-certificate';

/**
 * Whether the certificate signed itself: subject and issuer are the same name and its own key verifies the
 * signature; when WebCrypto cannot check that signature here, its authority key id is absent or its own.
 */
export async function isSelfSigned(
  cert: ParsedCertificate,
  summary: Pick<CertificateSummary, 'subject' | 'issuer' | 'publicKey' | 'authorityKeyIdentifier' | 'subjectKeyIdentifier'>,
): Promise<boolean> {
  const sameName =
    bytesEqual(cert.subject.der, cert.issuer.der) || summary.subject.toLowerCase().replace(/\s+/g, ' ') === summary.issuer.toLowerCase().replace(/\s+/g, ' ');
  if (!sameName) return false;
  const verified = await verifyOwnSignature(cert, summary.publicKey);
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

/**
 * null when WebCrypto cannot check this kind of signature here. Our own WebCrypto calls rather than
 * pkijs's `certificate.verify()`: that one needs pkijs's global crypto engine, and does not do Ed25519.
 */
async function verifyOwnSignature(cert: ParsedCertificate, publicKey: CertificatePublicKey): Promise<boolean | null> {
  const spki = toArrayBuffer(cert.spki);
  const data = toArrayBuffer(cert.certificate.tbsView);
  const signature = contentBytes(cert.certificate.signatureValue);
  try {
    if (cert.signatureAlgorithmOid === OID.ed25519) {
      const key = await crypto.subtle.importKey('spki', spki, { name: 'Ed25519' }, false, ['verify']);
      return await crypto.subtle.verify({ name: 'Ed25519' }, key, toArrayBuffer(signature), data);
    }
    const scheme = HASH_BY_SIGNATURE[cert.signatureAlgorithmOid];
    if (!scheme) return null;
    if (scheme.key === 'RSA') {
      if (publicKey.algorithm !== 'RSA') return false;
      const key = await crypto.subtle.importKey('spki', spki, { name: 'RSASSA-PKCS1-v1_5', hash: scheme.hash }, false, ['verify']);
      return await crypto.subtle.verify({ name: 'RSASSA-PKCS1-v1_5' }, key, toArrayBuffer(signature), data);
    }
    if (publicKey.algorithm !== 'EC') return false;
    const size = publicKey.curve === 'P-256' ? 32 : publicKey.curve === 'P-384' ? 48 : publicKey.curve === 'P-521' ? 66 : 0;
    if (size === 0) return null;
    const key = await crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: publicKey.curve ?? '' }, false, ['verify']);
    const raw = ecdsaSignatureToRaw(signature, size);
    if (!raw) return false;
    return await crypto.subtle.verify({ name: 'ECDSA', hash: scheme.hash }, key, raw, data);
  } catch {
    return null;
  }
}

/** DER ECDSA-Sig-Value to WebCrypto's r || s, with pkijs's converter. */
function ecdsaSignatureToRaw(signature: Uint8Array, size: number): ArrayBuffer | null {
  try {
    const raw = pkijs.createECDSASignatureFromCMS(parseBer(signature, 'ECDSA signature'), size);
    return raw.byteLength === size * 2 ? raw : null;
  } catch {
    return null;
  }
}
