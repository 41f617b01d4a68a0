import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { KeyType } from './key-types';

export { KEY_TYPES, type KeyType } from './key-types';

export interface KeyPair {
  type: KeyType;
  keys: CryptoKeyPair;
  spki: Uint8Array;
  pkcs8: Uint8Array;
  /** The AlgorithmIdentifier its signatures carry: sha256WithRSAEncryption, ecdsa-with-SHA256 or ecdsa-with-SHA384. */
  signatureAlgorithm: () => pkijs.AlgorithmIdentifier;
  /** Signs to-be-signed bytes, in the form X.509 and PKCS#10 carry (DER ECDSA-Sig-Value for EC). */
  sign: (tbs: ArrayBuffer) => Promise<ArrayBuffer>;
}

const EC: Record<string, { curve: string; hash: string; oid: string }> = {
  'EC-P256': { curve: 'P-256', hash: 'SHA-256', oid: '1.2.840.10045.4.3.2' },
  'EC-P384': { curve: 'P-384', hash: 'SHA-384', oid: '1.2.840.10045.4.3.3' },
};

/** A new key pair of one of the kinds certificates for Azure use, made by WebCrypto (exportable, to go into a PFX). */
export async function generateKeyPair(type: KeyType): Promise<KeyPair> {
  const ec = EC[type];
  let keys: CryptoKeyPair;
  let signatureAlgorithm: KeyPair['signatureAlgorithm'];
  let sign: KeyPair['sign'];
  if (ec) {
    keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: ec.curve }, true, ['sign', 'verify']);
    // ECDSA signature algorithms carry no parameters (RFC 5758).
    signatureAlgorithm = () => new pkijs.AlgorithmIdentifier({ algorithmId: ec.oid });
    // WebCrypto gives r || s; X.509 and PKCS#10 want the DER SEQUENCE { r, s }.
    sign = async (tbs) => pkijs.createCMSECDSASignature(await crypto.subtle.sign({ name: 'ECDSA', hash: ec.hash }, keys.privateKey, tbs));
  } else {
    const modulusLength = Number(type.slice(4));
    keys = await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, [
      'sign',
      'verify',
    ]);
    signatureAlgorithm = () => new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.113549.1.1.11', algorithmParams: new asn1js.Null() });
    sign = (tbs) => crypto.subtle.sign('RSASSA-PKCS1-v1_5', keys.privateKey, tbs);
  }
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { type, keys, spki, pkcs8, signatureAlgorithm, sign };
}
