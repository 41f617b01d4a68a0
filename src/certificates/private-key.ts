import { CertificateError } from './certificate-error';
import {
  bitStringBytes,
  children,
  content,
  encoded,
  isContext,
  isUniversal,
  octetString,
  oid,
  readSingle,
  sequence,
  TAG,
  unsignedIntegerBytes,
  type Tlv,
} from './der';
import { bytesEqual, toArrayBuffer } from './encoding';
import { CURVES, OID } from './oids';

/** A private key as found in a file: PKCS#8 (.pfx bags, "PRIVATE KEY"), PKCS#1 ("RSA PRIVATE KEY") or SEC1 ("EC PRIVATE KEY"). */
export type PrivateKeyData = { kind: 'pkcs8' | 'pkcs1' | 'sec1'; der: Uint8Array };

/** null when this kind of key cannot be compared here. */
export async function privateKeyMatches(key: PrivateKeyData, subjectPublicKeyInfo: Uint8Array): Promise<boolean | null> {
  const [spkiAlgorithm, spkiKey] = sequence(readSingle(subjectPublicKeyInfo), 'public key');
  const [spkiOidTlv, spkiParams] = sequence(spkiAlgorithm, 'public key algorithm');
  const publicOid = oid(spkiOidTlv, 'public key algorithm');
  const publicBytes = bitStringBytes(spkiKey, 'public key');
  let parsed: { algorithm: string; params: Tlv | undefined; key: Uint8Array; publicKey: Uint8Array | null };
  try {
    parsed = parsePrivateKey(key);
  } catch (error) {
    if (error instanceof CertificateError) throw new CertificateError('corrupt', `The private key is damaged: ${error.message}`);
    throw error;
  }
  const isRsa = (id: string) => id === OID.rsaEncryption || id === OID.rsassaPss;
  if (isRsa(parsed.algorithm) !== isRsa(publicOid) || (!isRsa(publicOid) && parsed.algorithm !== publicOid)) return false;

  if (isRsa(publicOid)) {
    const [, n, e] = sequence(readSingle(parsed.key), 'RSA private key');
    const [pn, pe] = sequence(readSingle(publicBytes), 'RSA public key');
    return bytesEqual(unsignedIntegerBytes(n, 'modulus'), unsignedIntegerBytes(pn, 'modulus')) &&
      bytesEqual(unsignedIntegerBytes(e, 'exponent'), unsignedIntegerBytes(pe, 'exponent'));
  }
  if (publicOid === OID.ecPublicKey) {
    const fields = sequence(readSingle(parsed.key), 'EC private key');
    const embedded = fields.find((f) => isContext(f, 1));
    if (embedded) return bytesEqual(bitStringBytes(children(embedded)[0], 'EC public key'), publicBytes);
    const curveOid = spkiParams && isUniversal(spkiParams, TAG.oid) ? oid(spkiParams, 'curve') : null;
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

function parsePrivateKey(key: PrivateKeyData): { algorithm: string; params: Tlv | undefined; key: Uint8Array; publicKey: Uint8Array | null } {
  const top = readSingle(key.der);
  if (key.kind === 'pkcs1') return { algorithm: OID.rsaEncryption, params: undefined, key: encoded(top), publicKey: null };
  if (key.kind === 'sec1') return { algorithm: OID.ecPublicKey, params: undefined, key: encoded(top), publicKey: null };
  const [, algorithm, privateKey, ...rest] = sequence(top, 'private key');
  const [algorithmOid, params] = sequence(algorithm, 'private key algorithm');
  const publicField = rest.find((f) => isContext(f, 1));
  return {
    algorithm: oid(algorithmOid, 'private key algorithm'),
    params,
    key: octetString(privateKey, 'private key'),
    publicKey: publicField ? content(publicField).subarray(1) : null,
  };
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
