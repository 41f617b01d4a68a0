import { CertificateError } from './certificate-error';
import {
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
  type Tlv,
} from './der';
import { bytesEqual, toArrayBuffer } from './encoding';
import { OID } from './oids';
import {
  checkIterations,
  HASHES,
  MAX_PKCS12_KDF_ITERATIONS,
  parsePasswordCipher,
  passwordForms,
  pkcs12Kdf,
  type PasswordCipher,
  type PasswordForm,
} from './password-based-encryption';

export interface Pkcs12Certificate {
  der: Uint8Array;
  localKeyId: Uint8Array | null;
}

export interface Pkcs12Key {
  pkcs8: Uint8Array;
  localKeyId: Uint8Array | null;
}

export interface Pkcs12Contents {
  certificates: Pkcs12Certificate[];
  keys: Pkcs12Key[];
  /** Distinct encryption schemes in file order, e.g. "pbeWithSHAAnd40BitRC2-CBC / pbeWithSHAAnd3-KeyTripleDES-CBC". */
  encryption: string | null;
  /** e.g. "HMAC-SHA256 (2048 iterations)"; null for files without integrity protection. */
  integrity: string | null;
}

interface EncryptedItem {
  cipher: PasswordCipher;
  data: Uint8Array;
  what: string;
}

const MAX_NESTED_SAFE_CONTENTS = 4;

export async function openPkcs12(bytes: Uint8Array, password: string | undefined, signal?: AbortSignal): Promise<Pkcs12Contents> {
  const [versionTlv, authSafe, macData] = sequence(readSingle(bytes), 'PKCS#12 file');
  const version = smallInteger(versionTlv, 'PKCS#12 version');
  if (version !== 3) throw new CertificateError('unsupported', `PKCS#12 version ${version} is not supported (only version 3 exists)`);
  const [contentTypeTlv, wrappedContent] = sequence(authSafe, 'PKCS#12 content');
  const contentType = oid(contentTypeTlv, 'PKCS#12 content type');
  if (contentType === OID.pkcs7SignedData) {
    throw new CertificateError('unsupported', 'PKCS#12 files protected by a signature (public-key integrity mode) are not supported');
  }
  if (contentType !== OID.pkcs7Data || !wrappedContent || !isContext(wrappedContent, 0)) {
    throw new CertificateError('corrupt', 'The PKCS#12 content is damaged');
  }
  const authSafeBytes = octetString(children(wrappedContent)[0], 'PKCS#12 content');
  const forms = passwordForms(password);
  const noPassword = !password;

  let chosen: PasswordForm[] = forms;
  let integrity: string | null = null;
  let macVerified = false;
  if (macData) {
    const mac = parseMacData(macData);
    integrity = `HMAC-${mac.hash.name.replace('-', '')} (${mac.iterations} iteration${mac.iterations === 1 ? '' : 's'})`;
    const match = await findMacPassword(mac, forms, authSafeBytes, signal);
    if (!match) {
      if (await contentsDecryptAnyway(authSafeBytes, forms, signal)) {
        throw new CertificateError('corrupt', 'The PKCS#12 integrity check (MAC) fails although the password decrypts the contents: the file is damaged');
      }
      throw noPassword
        ? new CertificateError('password-required', 'This PKCS#12 (.pfx) file is protected by a password')
        : new CertificateError('wrong-password', 'Wrong password for this PKCS#12 (.pfx) file');
    }
    chosen = [match];
    macVerified = true;
  }

  const certificates: Pkcs12Certificate[] = [];
  const keys: Pkcs12Key[] = [];
  const descriptions: string[] = [];
  const decryptItem = async (item: EncryptedItem): Promise<Uint8Array> => {
    if (!descriptions.includes(item.cipher.description)) descriptions.push(item.cipher.description);
    for (const form of chosen) {
      const plain = await item.cipher.decrypt(form, item.data, signal);
      if (plain && looksLikeDerSequence(plain)) {
        // Without a MAC the first password form that decrypts cleanly is the right one from here on.
        chosen = [form];
        return plain;
      }
    }
    if (macVerified) throw new CertificateError('corrupt', `The ${item.what} does not decrypt although the password is right: the file is damaged`);
    throw noPassword
      ? new CertificateError('password-required', 'This PKCS#12 (.pfx) file is protected by a password')
      : new CertificateError('wrong-password', 'Wrong password for this PKCS#12 (.pfx) file (it has no integrity check, and the contents do not decrypt)');
  };

  const readSafeContents = async (safeContents: Uint8Array, depth: number): Promise<void> => {
    for (const bag of sequence(readSingle(safeContents), 'PKCS#12 safe contents')) {
      const [bagIdTlv, bagValueWrapper, attributes] = sequence(bag, 'PKCS#12 bag');
      const bagId = oid(bagIdTlv, 'PKCS#12 bag type');
      if (!bagValueWrapper || !isContext(bagValueWrapper, 0)) throw new CertificateError('corrupt', 'A PKCS#12 bag is damaged');
      const [bagValue] = children(bagValueWrapper);
      const localKeyId = readLocalKeyId(attributes);
      if (bagId === OID.certBag) {
        const [certType, certValueWrapper] = sequence(bagValue, 'PKCS#12 certificate bag');
        if (oid(certType, 'certificate type') !== OID.x509Certificate) continue;
        if (!certValueWrapper || !isContext(certValueWrapper, 0)) throw new CertificateError('corrupt', 'A PKCS#12 certificate bag is damaged');
        certificates.push({ der: octetString(children(certValueWrapper)[0], 'certificate bag'), localKeyId });
      } else if (bagId === OID.keyBag) {
        keys.push({ pkcs8: encoded(expectUniversal(bagValue, TAG.sequence, 'private key')), localKeyId });
      } else if (bagId === OID.shroudedKeyBag) {
        const [algorithm, data] = sequence(bagValue, 'encrypted private key');
        const pkcs8 = await decryptItem({ cipher: parsePasswordCipher(algorithm), data: octetString(data, 'encrypted private key'), what: 'private key' });
        keys.push({ pkcs8, localKeyId });
      } else if (bagId === OID.safeContentsBag) {
        if (depth >= MAX_NESTED_SAFE_CONTENTS) throw new CertificateError('corrupt', 'PKCS#12 safe contents are nested too deeply');
        await readSafeContents(encoded(bagValue), depth + 1);
      }
    }
  };

  for (const item of readAuthenticatedSafe(authSafeBytes)) {
    if (item.kind === 'plain') await readSafeContents(item.data, 0);
    else await readSafeContents(await decryptItem(item.item), 0);
  }
  if (certificates.length === 0) {
    throw new CertificateError('no-certificate', keys.length ? 'This PKCS#12 file holds a private key but no certificate' : 'This PKCS#12 file holds no certificate');
  }
  return { certificates, keys, encryption: descriptions.length ? descriptions.join(' / ') : null, integrity };
}

interface MacData {
  hash: (typeof HASHES)[string];
  digest: Uint8Array;
  salt: Uint8Array;
  iterations: number;
}

function parseMacData(tlv: Tlv): MacData {
  const fields = sequence(tlv, 'PKCS#12 integrity data (MAC)');
  const [digestAlgorithm, digestTlv] = sequence(fields[0], 'PKCS#12 MAC');
  const hashOid = oid(sequence(digestAlgorithm, 'PKCS#12 MAC algorithm')[0], 'PKCS#12 MAC algorithm');
  if (hashOid === OID.pbmac1) throw new CertificateError('unsupported', 'PKCS#12 files with a PBMAC1 integrity check are not supported yet');
  const hash = HASHES[hashOid];
  if (!hash) throw new CertificateError('unsupported', `Unsupported PKCS#12 MAC hash ${hashOid}`);
  const digest = octetString(digestTlv, 'PKCS#12 MAC');
  if (digest.length !== hash.outputBytes) throw new CertificateError('corrupt', 'The PKCS#12 integrity data (MAC) is damaged');
  const salt = octetString(fields[1], 'PKCS#12 MAC salt');
  const iterations = fields[2] ? smallInteger(fields[2], 'PKCS#12 MAC iteration count') : 1;
  checkIterations(iterations, 'PKCS#12 MAC', MAX_PKCS12_KDF_ITERATIONS);
  return { hash, digest, salt, iterations };
}

async function findMacPassword(mac: MacData, forms: PasswordForm[], data: Uint8Array, signal?: AbortSignal): Promise<PasswordForm | null> {
  for (const form of forms) {
    const keyBytes = await pkcs12Kdf(mac.hash, form.bmp, mac.salt, 3, mac.iterations, mac.hash.outputBytes, signal);
    const key = await crypto.subtle.importKey('raw', toArrayBuffer(keyBytes), { name: 'HMAC', hash: mac.hash.name }, false, ['sign']);
    const computed = new Uint8Array(await crypto.subtle.sign('HMAC', key, toArrayBuffer(data)));
    if (bytesEqual(computed, mac.digest)) return form;
  }
  return null;
}

/** When the MAC fails, a password that still decrypts the contents means the MAC itself is damaged. */
async function contentsDecryptAnyway(authSafeBytes: Uint8Array, forms: PasswordForm[], signal?: AbortSignal): Promise<boolean> {
  try {
    const encrypted = readAuthenticatedSafe(authSafeBytes).find((i) => i.kind === 'encrypted');
    if (!encrypted || encrypted.kind !== 'encrypted') return false;
    for (const form of forms) {
      const plain = await encrypted.item.cipher.decrypt(form, encrypted.item.data, signal);
      if (plain && looksLikeDerSequence(plain)) return true;
    }
    return false;
  } catch (error) {
    if (signal?.aborted) throw error;
    return false;
  }
}

type AuthenticatedSafeItem = { kind: 'plain'; data: Uint8Array } | { kind: 'encrypted'; item: EncryptedItem };

function readAuthenticatedSafe(bytes: Uint8Array): AuthenticatedSafeItem[] {
  return sequence(readSingle(bytes), 'PKCS#12 authenticated safe').map((contentInfo): AuthenticatedSafeItem => {
    const [typeTlv, wrapper] = sequence(contentInfo, 'PKCS#12 content');
    const type = oid(typeTlv, 'PKCS#12 content type');
    if (!wrapper || !isContext(wrapper, 0)) throw new CertificateError('corrupt', 'A PKCS#12 content block is damaged');
    const [inner] = children(wrapper);
    if (type === OID.pkcs7Data) return { kind: 'plain', data: octetString(inner, 'PKCS#12 content') };
    if (type === OID.pkcs7EncryptedData) {
      const [, encryptedContentInfo] = sequence(inner, 'PKCS#12 encrypted content');
      const [, algorithm, data] = sequence(encryptedContentInfo, 'PKCS#12 encrypted content');
      if (!data || !isContext(data, 0)) throw new CertificateError('corrupt', 'A PKCS#12 encrypted block has no data');
      // [0] IMPLICIT OCTET STRING: primitive, or constructed chunks in BER.
      const ciphertext = data.constructed ? octetString(data, 'encrypted content') : content(data);
      return { kind: 'encrypted', item: { cipher: parsePasswordCipher(algorithm), data: ciphertext, what: 'certificate container' } };
    }
    if (type === OID.pkcs7EnvelopedData) {
      throw new CertificateError('unsupported', 'PKCS#12 files with public-key (enveloped) encryption are not supported');
    }
    throw new CertificateError('unsupported', `Unsupported PKCS#12 content type ${type}`);
  });
}

function readLocalKeyId(attributes: Tlv | undefined): Uint8Array | null {
  if (!attributes || !isUniversal(attributes, TAG.set)) return null;
  for (const attribute of children(attributes)) {
    const [typeTlv, values] = sequence(attribute, 'PKCS#12 bag attribute');
    if (oid(typeTlv, 'PKCS#12 bag attribute') !== OID.localKeyId) continue;
    const [value] = children(expectUniversal(values, TAG.set, 'PKCS#12 bag attribute'));
    return value ? octetString(value, 'local key id') : null;
  }
  return null;
}

/** Right-key test for decrypted data: a DER SEQUENCE that exactly fills it. */
function looksLikeDerSequence(bytes: Uint8Array): boolean {
  try {
    return isUniversal(readSingle(bytes), TAG.sequence);
  } catch {
    return false;
  }
}
