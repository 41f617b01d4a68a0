import * as pkijs from 'pkijs';
import { children, contentBytes, isContext, oidOf, parseBer, unsignedBytes, withPkijs } from './asn1';
import { CertificateError } from './certificate-error';
import { bytesEqual, toArrayBuffer } from './encoding';
import { CURVES, OID } from './oids';

/** A private key as found in a file: PKCS#8 (.pfx bags, "PRIVATE KEY"), PKCS#1 ("RSA PRIVATE KEY") or SEC1 ("EC PRIVATE KEY"). */
export type PrivateKeyData = { kind: 'pkcs8' | 'pkcs1' | 'sec1'; der: Uint8Array };

/** A private key decoded once, to be compared with each certificate of a file. */
export interface ParsedPrivateKey {
  data: PrivateKeyData;
  algorithm: string;
  /** RSA keys: pkijs's RSAPrivateKey (modulus and public exponent). */
  rsa: pkijs.RSAPrivateKey | null;
  /** The public key carried next to the private key (PKCS#8 v2 [1], SEC1 [1]), when there is one. */
  publicKey: Uint8Array | null;
}

/** null when this kind of key cannot be compared here. */
export async function privateKeyMatches(key: PrivateKeyData, subjectPublicKeyInfo: Uint8Array): Promise<boolean | null> {
  return parsedKeyMatches(parsePrivateKey(key), subjectPublicKeyInfo);
}

export async function parsedKeyMatches(parsed: ParsedPrivateKey, subjectPublicKeyInfo: Uint8Array): Promise<boolean | null> {
  const spki = withPkijs('public key', () => new pkijs.PublicKeyInfo({ schema: parseBer(subjectPublicKeyInfo, 'public key', { openEnded: false }) }));
  const publicOid = spki.algorithm.algorithmId;
  const publicBytes = contentBytes(spki.subjectPublicKey);
  const key = parsed.data;
  const isRsa = (id: string) => id === OID.rsaEncryption || id === OID.rsassaPss;
  if (isRsa(parsed.algorithm) !== isRsa(publicOid) || (!isRsa(publicOid) && parsed.algorithm !== publicOid)) return false;

  if (isRsa(publicOid)) {
    const publicKey = spki.parsedKey;
    if (!(publicKey instanceof pkijs.RSAPublicKey)) throw new CertificateError('corrupt', "The certificate's RSA public key is damaged");
    if (!parsed.rsa) return null;
    return (
      bytesEqual(unsignedBytes(parsed.rsa.modulus, 'modulus'), unsignedBytes(publicKey.modulus, 'modulus')) &&
      bytesEqual(unsignedBytes(parsed.rsa.publicExponent, 'exponent'), unsignedBytes(publicKey.publicExponent, 'exponent'))
    );
  }
  if (publicOid === OID.ecPublicKey) {
    if (parsed.publicKey) return bytesEqual(parsed.publicKey, publicBytes);
    const curveOid = oidOf(spki.algorithm.algorithmParams);
    const curve = curveOid ? CURVES[curveOid]?.name : undefined;
    if (!curve || !key.der.length || key.kind !== 'pkcs8') return null;
    const jwk = await exportPublicJwk(key.der, { name: 'ECDSA', namedCurve: curve }, ['sign']);
    if (!jwk?.x || !jwk.y || publicBytes[0] !== 0x04) return null;
    return bytesEqual(publicBytes.subarray(1), new Uint8Array([...fromBase64Url(jwk.x), ...fromBase64Url(jwk.y)]));
  }
  if (publicOid === OID.ed25519 || publicOid === OID.ed448) {
    if (parsed.publicKey) return bytesEqual(parsed.publicKey, publicBytes);
    if (publicOid === OID.ed448) return null;
    const jwk = await exportPublicJwk(key.der, { name: 'Ed25519' }, ['sign']);
    return jwk?.x ? bytesEqual(fromBase64Url(jwk.x), publicBytes) : null;
  }
  return null;
}

/** Decodes a private key with pkijs; a damaged one is a 'corrupt' CertificateError. */
export function parsePrivateKey(key: PrivateKeyData): ParsedPrivateKey {
  try {
    return readPrivateKey(key);
  } catch (error) {
    if (error instanceof CertificateError) throw new CertificateError('corrupt', `The private key is damaged: ${error.message}`);
    throw new CertificateError('corrupt', 'The private key is damaged');
  }
}

function readPrivateKey(data: PrivateKeyData): ParsedPrivateKey {
  const top = parseBer(data.der, 'private key', { openEnded: false });
  if (data.kind === 'pkcs1') {
    const rsa = withPkijs('RSA private key', () => new pkijs.RSAPrivateKey({ schema: top }));
    return { data, algorithm: OID.rsaEncryption, rsa, publicKey: null };
  }
  if (data.kind === 'sec1') {
    const ec = withPkijs('EC private key', () => new pkijs.ECPrivateKey({ schema: top }));
    return { data, algorithm: OID.ecPublicKey, rsa: null, publicKey: ecPoint(ec) };
  }
  // pkijs.PrivateKeyInfo decodes RSA and named-curve EC keys inside as well; it throws on a damaged one.
  const info = withPkijs('private key', () => new pkijs.PrivateKeyInfo({ schema: top }));
  const inner = info.parsedKey;
  // PKCS#8 v2 (OneAsymmetricKey, RFC 5958) may add the public key as [1]; pkijs's schema predates it.
  const publicField = children(top).find((f) => isContext(f, 1));
  const publicKey = publicField ? contentBytes(publicField).subarray(1) : inner instanceof pkijs.ECPrivateKey ? ecPoint(inner) : null;
  return { data, algorithm: info.privateKeyAlgorithm.algorithmId, rsa: inner instanceof pkijs.RSAPrivateKey ? inner : null, publicKey };
}

/** The public point SEC1 keys usually carry as [1] BIT STRING, as pkijs decoded it. */
function ecPoint(key: pkijs.ECPrivateKey): Uint8Array | null {
  return key.publicKey ? new Uint8Array(key.publicKey.toSchema().toBER()) : null;
}

// pkijs knows the NIST and Brainpool curves only; an EC key on another curve in CURVES would make it throw.
for (const [id, curve] of Object.entries(CURVES)) {
  if (!pkijs.ECNamedCurves.find(id)) pkijs.ECNamedCurves.register(curve.name, id, Math.ceil(curve.bits / 8));
}

async function exportPublicJwk(pkcs8: Uint8Array, algorithm: EcKeyImportParams | Algorithm, usages: KeyUsage[]): Promise<JsonWebKey | null> {
  try {
    const imported = await crypto.subtle.importKey('pkcs8', toArrayBuffer(pkcs8), algorithm, true, usages);
    return await crypto.subtle.exportKey('jwk', imported);
  } catch {
    return null;
  }
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
