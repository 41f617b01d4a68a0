import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../encoding';
import { toPem } from './conversions';
import type { PrivateKeyFormat } from './key-types';
import { pbes2Encrypt, writePfx } from './pfx-writer';

/** EncryptedPrivateKeyInfo (RFC 5958) under PBES2 with PBKDF2-HMAC-SHA-256 and AES-256-CBC, as `openssl pkcs8 -topk8` writes it. */
export async function encryptedPrivateKeyPem(pkcs8: Uint8Array, password: string): Promise<string> {
  if (!password) throw new RangeError('A private key is saved only under a password');
  const { algorithm, ciphertext } = await pbes2Encrypt(pkcs8, password);
  // PKCS8ShroudedKeyBag's schema is EncryptedPrivateKeyInfo itself: SEQUENCE { AlgorithmIdentifier, OCTET STRING }.
  const info = new pkijs.PKCS8ShroudedKeyBag({
    encryptionAlgorithm: algorithm,
    encryptedData: new asn1js.OctetString({ valueHex: toArrayBuffer(ciphertext) }),
  });
  return toPem('ENCRYPTED PRIVATE KEY', new Uint8Array(info.toSchema().toBER()));
}

/** The new key in the chosen form, with the file name and type to save it under. */
export async function savePrivateKey(
  pkcs8: Uint8Array,
  password: string,
  format: PrivateKeyFormat,
  baseName: string,
): Promise<{ bytes: Uint8Array; fileName: string; type: string }> {
  if (format === 'pkcs8') {
    return { bytes: new TextEncoder().encode(await encryptedPrivateKeyPem(pkcs8, password)), fileName: `${baseName}.key`, type: 'application/x-pem-file' };
  }
  if (!password) throw new RangeError('A private key is saved only under a password');
  const encryption = format === 'pfx-aes' ? 'aes' : '3des';
  return { bytes: await writePfx({ certificates: [], pkcs8, password, encryption }), fileName: `${baseName}-key.pfx`, type: 'application/x-pkcs12' };
}
