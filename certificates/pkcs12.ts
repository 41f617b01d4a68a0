import * as pkijs from 'pkijs';
import { children, encodedBytes, isConstructedOf, octets, parseBer, smallInteger, TAG, withPkijs, type Block } from './asn1';
import { CertificateError, corrupt } from './certificate-error';
import { bytesEqual, toArrayBuffer } from './encoding';
import { OID } from './oids';
import {
  checkIterations,
  MAX_PKCS12_KDF_ITERATIONS,
  parsePasswordCipher,
  passwordForms,
  type PasswordCipher,
  type PasswordForm,
} from './password-based-encryption';
import { HASHES, pkcs12Kdf } from './pkcs12-kdf';
import { chargePkcs12Work, Pkcs12BudgetExceeded, type Pkcs12Work } from './pkcs12-work-budget';

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

/**
 * PKCS#12 through pkijs (PFX, MacData, AuthenticatedSafe, EncryptedData, SafeContents, SafeBag, CertBag,
 * PKCS8ShroudedKeyBag, PrivateKeyInfo). pkijs's own `parseInternalValues({ password })` is not used: it
 * cannot decrypt the legacy RC2/3DES schemes (WebCrypto has neither), it knows one byte form of the
 * password (not OpenSSL's empty-versus-absent forms nor the pre-1.1.0 widened UTF-8), it runs the KDF in
 * one uninterrupted loop (no abort, no yielding), and it throws the same plain Error for a wrong password
 * as for a damaged file. The MAC is below, the KDF in pkcs12-kdf.ts, the decryption in password-based-encryption.ts.
 * `root` is the asn1js decoding of `bytes` when format detection already made it.
 */
export async function openPkcs12(bytes: Uint8Array, password: string | undefined, signal?: AbortSignal, root?: Block): Promise<Pkcs12Contents> {
  const top = root ?? parseBer(bytes, 'PKCS#12 file');
  const pfx = withPkijs('PKCS#12 file', () => new pkijs.PFX({ schema: top }));
  if (pfx.version !== 3) throw new CertificateError('unsupported', `PKCS#12 version ${pfx.version} is not supported (only version 3 exists)`);
  const contentType = pfx.authSafe.contentType;
  if (contentType === OID.pkcs7SignedData) {
    throw new CertificateError('unsupported', 'PKCS#12 files protected by a signature (public-key integrity mode) are not supported');
  }
  if (contentType !== OID.pkcs7Data) throw corrupt('The PKCS#12 content is damaged');
  const authSafeBytes = octets(pfx.authSafe.content as Block, 'PKCS#12 content');
  const forms = passwordForms(password);
  const noPassword = !password;
  // Charged before every derivation, so an expensive file stops at the first one past the budget.
  const work: Pkcs12Work = { bags: 0, iterations: 0 };

  let chosen: PasswordForm[] = forms;
  let integrity: string | null = null;
  let macVerified = false;
  if (pfx.macData) {
    const mac = readMacData(pfx.macData, children(top)[2]);
    integrity = `HMAC-${mac.hash.name.replace('-', '')} (${mac.iterations} iteration${mac.iterations === 1 ? '' : 's'})`;
    const match = await findMacPassword(mac, forms, authSafeBytes, work, signal);
    if (!match) {
      if (await contentsDecryptAnyway(authSafeBytes, forms, work, signal)) {
        throw corrupt('The PKCS#12 integrity check (MAC) fails although the password decrypts the contents: the file is damaged');
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
  /** The plaintext and its asn1js decoding (the right-key test decodes it anyway). */
  const decryptItem = async (item: EncryptedItem): Promise<{ plain: Uint8Array; block: Block }> => {
    if (!descriptions.includes(item.cipher.description)) descriptions.push(item.cipher.description);
    for (const form of chosen) {
      chargePkcs12Work(work, { iterations: item.cipher.iterations });
      const plain = await item.cipher.decrypt(form, item.data, signal);
      const block = plain && derSequence(plain);
      if (plain && block) {
        // Without a MAC the first password form that decrypts cleanly is the right one from here on.
        chosen = [form];
        return { plain, block };
      }
    }
    if (macVerified) throw corrupt(`The ${item.what} does not decrypt although the password is right: the file is damaged`);
    throw noPassword
      ? new CertificateError('password-required', 'This PKCS#12 (.pfx) file is protected by a password')
      : new CertificateError('wrong-password', 'Wrong password for this PKCS#12 (.pfx) file (it has no integrity check, and the contents do not decrypt)');
  };

  // pkijs.SafeContents decodes the bags (nested SafeContents bags included); the asn1js block alongside,
  // bag for bag, gives the exact bytes of unencrypted PKCS#8 keys.
  const readSafeContents = async (contents: pkijs.SafeContents, block: Block, depth: number): Promise<void> => {
    const blocks = children(block);
    chargePkcs12Work(work, { bags: contents.safeBags.length });
    for (const [index, bag] of contents.safeBags.entries()) {
      const localKeyId = readLocalKeyId(bag.bagAttributes);
      const value: unknown = bag.bagValue;
      if (value instanceof pkijs.CertBag) {
        if (value.certId !== OID.x509Certificate) continue;
        certificates.push({ der: octets(value.certValue as Block, 'certificate bag'), localKeyId });
      } else if (value instanceof pkijs.PrivateKeyInfo) {
        keys.push({ pkcs8: encodedBytes(children(children(blocks[index])[1])[0]), localKeyId });
      } else if (value instanceof pkijs.PKCS8ShroudedKeyBag) {
        const data = octets(value.encryptedData, 'encrypted private key');
        const { plain } = await decryptItem({ cipher: parsePasswordCipher(value.encryptionAlgorithm), data, what: 'private key' });
        keys.push({ pkcs8: plain, localKeyId });
      } else if (value instanceof pkijs.SafeContents) {
        if (depth >= MAX_NESTED_SAFE_CONTENTS) throw corrupt('PKCS#12 safe contents are nested too deeply');
        await readSafeContents(value, children(children(blocks[index])[1])[0], depth + 1);
      }
    }
  };
  const readSafeContentsBlock = (block: Block) =>
    readSafeContents(
      withPkijs('PKCS#12 safe contents', () => new pkijs.SafeContents({ schema: block })),
      block,
      0,
    );

  for (const item of readAuthenticatedSafe(authSafeBytes)) {
    if (item.kind === 'plain') await readSafeContentsBlock(parseBer(item.data, 'PKCS#12 safe contents', { openEnded: false }));
    else await readSafeContentsBlock((await decryptItem(item.item)).block);
  }
  if (certificates.length === 0) {
    throw new CertificateError(
      'no-certificate',
      keys.length ? 'This PKCS#12 file holds a private key but no certificate' : 'This PKCS#12 file holds no certificate',
    );
  }
  return { certificates, keys, encryption: descriptions.length ? descriptions.join(' / ') : null, integrity };
}

export interface MacData {
  hash: (typeof HASHES)[string];
  digest: Uint8Array;
  salt: Uint8Array;
  iterations: number;
}

export function readMacData(macData: pkijs.MacData, block: Block | undefined): MacData {
  const hashOid = macData.mac.digestAlgorithm.algorithmId;
  if (hashOid === OID.pbmac1) throw new CertificateError('unsupported', 'PKCS#12 files with a PBMAC1 integrity check are not supported yet');
  const hash = HASHES[hashOid];
  if (!hash) throw new CertificateError('unsupported', `Unsupported PKCS#12 MAC hash ${hashOid}`);
  const digest = octets(macData.mac.digest, 'PKCS#12 MAC');
  if (digest.length !== hash.outputBytes) throw corrupt('The PKCS#12 integrity data (MAC) is damaged');
  const salt = octets(macData.macSalt, 'PKCS#12 MAC salt');
  // asn1js gives a number only for INTEGERs of up to 3 bytes (pkijs's `iterations` reads 0 beyond): count from the INTEGER.
  const iterationsBlock = block ? children(block)[2] : undefined;
  const iterations = iterationsBlock ? smallInteger(iterationsBlock, 'PKCS#12 MAC iteration count') : 1;
  checkIterations(iterations, 'PKCS#12 MAC', MAX_PKCS12_KDF_ITERATIONS);
  return { hash, digest, salt, iterations };
}

async function findMacPassword(mac: MacData, forms: PasswordForm[], data: Uint8Array, work: Pkcs12Work, signal?: AbortSignal): Promise<PasswordForm | null> {
  for (const form of forms) {
    chargePkcs12Work(work, { iterations: mac.iterations });
    const keyBytes = await pkcs12Kdf(mac.hash, form.bmp, mac.salt, 3, mac.iterations, mac.hash.outputBytes, signal);
    const key = await crypto.subtle.importKey('raw', toArrayBuffer(keyBytes), { name: 'HMAC', hash: mac.hash.name }, false, ['sign']);
    const computed = new Uint8Array(await crypto.subtle.sign('HMAC', key, toArrayBuffer(data)));
    if (bytesEqual(computed, mac.digest)) return form;
  }
  return null;
}

/** When the MAC fails, a password that still decrypts the contents means the MAC itself is damaged. */
async function contentsDecryptAnyway(authSafeBytes: Uint8Array, forms: PasswordForm[], work: Pkcs12Work, signal?: AbortSignal): Promise<boolean> {
  try {
    const encrypted = readAuthenticatedSafe(authSafeBytes).find((i) => i.kind === 'encrypted');
    if (!encrypted || encrypted.kind !== 'encrypted') return false;
    for (const form of forms) {
      chargePkcs12Work(work, { iterations: encrypted.item.cipher.iterations });
      const plain = await encrypted.item.cipher.decrypt(form, encrypted.item.data, signal);
      if (plain && derSequence(plain)) return true;
    }
    return false;
  } catch (error) {
    if (signal?.aborted || error instanceof Pkcs12BudgetExceeded) throw error;
    return false;
  }
}

export type AuthenticatedSafeItem = { kind: 'plain'; data: Uint8Array } | { kind: 'encrypted'; item: EncryptedItem };

export function readAuthenticatedSafe(bytes: Uint8Array): AuthenticatedSafeItem[] {
  const block = parseBer(bytes, 'PKCS#12 authenticated safe', { openEnded: false });
  const authenticatedSafe = withPkijs('PKCS#12 authenticated safe', () => new pkijs.AuthenticatedSafe({ schema: block }));
  return authenticatedSafe.safeContents.map((contentInfo): AuthenticatedSafeItem => {
    const type = contentInfo.contentType;
    if (type === OID.pkcs7Data) return { kind: 'plain', data: octets(contentInfo.content as Block, 'PKCS#12 content') };
    if (type === OID.pkcs7EncryptedData) {
      const encrypted = withPkijs('PKCS#12 encrypted content', () => new pkijs.EncryptedData({ schema: contentInfo.content }));
      const info = encrypted.encryptedContentInfo;
      if (!info.encryptedContent) throw corrupt('A PKCS#12 encrypted block has no data');
      // [0] IMPLICIT OCTET STRING, primitive or (BER) constructed chunks: pkijs joins them.
      const ciphertext = new Uint8Array(withPkijs('PKCS#12 encrypted content', () => info.getEncryptedContent()));
      return { kind: 'encrypted', item: { cipher: parsePasswordCipher(info.contentEncryptionAlgorithm), data: ciphertext, what: 'certificate container' } };
    }
    if (type === OID.pkcs7EnvelopedData) {
      throw new CertificateError('unsupported', 'PKCS#12 files with public-key (enveloped) encryption are not supported');
    }
    throw new CertificateError('unsupported', `Unsupported PKCS#12 content type ${type}`);
  });
}

function readLocalKeyId(attributes: pkijs.Attribute[] | undefined): Uint8Array | null {
  const attribute = attributes?.find((a) => a.type === OID.localKeyId);
  const value: unknown = attribute?.values[0];
  return value ? octets(value as Block, 'local key id') : null;
}

/** Right-key test for decrypted data: a DER SEQUENCE that exactly fills it (null otherwise). */
function derSequence(bytes: Uint8Array): Block | null {
  try {
    const block = parseBer(bytes, 'decrypted data', { openEnded: false });
    return isConstructedOf(block, TAG.sequence) ? block : null;
  } catch {
    return null;
  }
}
