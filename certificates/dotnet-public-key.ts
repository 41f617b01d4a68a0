import { contentBytes } from './asn1';
import { parseCertificate } from './parsed-certificate';

/** What .NET's X509Certificate2.GetPublicKey() returns: the SPKI BIT STRING contents (for RSA, the DER RSAPublicKey). */
export function dotNetPublicKey(certificateDer: Uint8Array): Uint8Array {
  return contentBytes(parseCertificate(certificateDer).certificate.subjectPublicKeyInfo.subjectPublicKey).slice();
}
