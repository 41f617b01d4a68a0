import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { children, octets, smallInteger, withPkijs, type Block } from './asn1';
import { CertificateError, corrupt } from './certificate-error';
import { concatBytes, toArrayBuffer } from './encoding';
import { legacyDecrypt, type LegacyCipher } from './legacy-ciphers';
import { OID } from './oids';
import { HASHES, pkcs12Kdf, type HashSpec } from './pkcs12-kdf';

/**
 * Iteration counts above these are refused ('unsupported') so that opening a file stays bounded in time:
 * about a second of native PBKDF2, and a few seconds for the PKCS#12 KDF (JavaScript SHA, run up to five
 * times per file: MAC, key and IV for two containers). Real files use 1 to 600,000 for PBKDF2 and
 * 1,024 to 10,000 for the PKCS#12 KDF; larger counts are almost always a damaged field.
 */
export const MAX_PBKDF2_ITERATIONS = 1_000_000;
export const MAX_PKCS12_KDF_ITERATIONS = 200_000;

/** A password in the two byte forms PKCS#12 needs. */
export interface PasswordForm {
  /** For the PKCS#12 KDF (MAC and legacy ciphers): BMPString, UTF-16BE with two zero bytes, or empty for "no password". */
  bmp: Uint8Array;
  /** For PBES2/PBKDF2: the password bytes as OpenSSL passes them (UTF-8). */
  utf8: Uint8Array;
}

const HMAC_PRFS: Record<string, HashSpec['name']> = {
  [OID.hmacWithSha1]: 'SHA-1',
  [OID.hmacWithSha256]: 'SHA-256',
  '1.2.840.113549.2.10': 'SHA-384',
  '1.2.840.113549.2.11': 'SHA-512',
};

export function passwordForms(password: string | undefined): PasswordForm[] {
  const utf8 = new TextEncoder().encode(password ?? '');
  // OpenSSL tries the empty BMPString first, then "no password at all" (an empty byte string).
  if (!password)
    return [
      { bmp: new Uint8Array(2), utf8 },
      { bmp: new Uint8Array(0), utf8 },
    ];
  const bmp = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    bmp[i * 2] = password.charCodeAt(i) >> 8;
    bmp[i * 2 + 1] = password.charCodeAt(i) & 0xff;
  }
  const forms = [{ bmp, utf8 }];
  // Files written by OpenSSL before 1.1.0 widened each UTF-8 byte instead; OpenSSL still accepts them.
  if (utf8.length !== password.length) {
    const widened = new Uint8Array(utf8.length * 2 + 2);
    utf8.forEach((b, i) => (widened[i * 2 + 1] = b));
    forms.push({ bmp: widened, utf8 });
  }
  return forms;
}

export function checkIterations(iterations: number, what: string, max: number): void {
  if (iterations < 1) throw new CertificateError('corrupt', `Invalid iteration count in ${what}`);
  if (iterations > max) {
    throw new CertificateError(
      'unsupported',
      `The ${what} uses ${iterations.toLocaleString('en-US')} iterations; more than ${max.toLocaleString('en-US')} is not supported`,
    );
  }
}

interface LegacyPbe {
  name: string;
  cipher: LegacyCipher;
  keyBytes: number;
  ivBytes: number;
}

const PKCS12_PBE: Record<string, LegacyPbe> = {
  '1.2.840.113549.1.12.1.1': { name: 'pbeWithSHAAnd128BitRC4', cipher: 'rc4', keyBytes: 16, ivBytes: 0 },
  '1.2.840.113549.1.12.1.2': { name: 'pbeWithSHAAnd40BitRC4', cipher: 'rc4', keyBytes: 5, ivBytes: 0 },
  '1.2.840.113549.1.12.1.3': { name: 'pbeWithSHAAnd3-KeyTripleDES-CBC', cipher: 'des-ede3-cbc', keyBytes: 24, ivBytes: 8 },
  '1.2.840.113549.1.12.1.4': { name: 'pbeWithSHAAnd2-KeyTripleDES-CBC', cipher: 'des-ede3-cbc', keyBytes: 16, ivBytes: 8 },
  '1.2.840.113549.1.12.1.5': { name: 'pbeWithSHAAnd128BitRC2-CBC', cipher: 'rc2-cbc', keyBytes: 16, ivBytes: 8 },
  '1.2.840.113549.1.12.1.6': { name: 'pbeWithSHAAnd40BitRC2-CBC', cipher: 'rc2-cbc', keyBytes: 5, ivBytes: 8 },
};

const PKCS5_V1 = new Set([
  '1.2.840.113549.1.5.1',
  '1.2.840.113549.1.5.3',
  '1.2.840.113549.1.5.4',
  '1.2.840.113549.1.5.6',
  '1.2.840.113549.1.5.10',
  '1.2.840.113549.1.5.11',
]);

type Pbes2Cipher = { name: string; kind: 'aes' } | { name: string; kind: LegacyCipher; effectiveBits?: number };

const PBES2_CIPHERS: Record<string, Pbes2Cipher & { keyBytes: number }> = {
  [OID.aes128Cbc]: { name: 'AES-128-CBC', kind: 'aes', keyBytes: 16 },
  [OID.aes192Cbc]: { name: 'AES-192-CBC', kind: 'aes', keyBytes: 24 },
  [OID.aes256Cbc]: { name: 'AES-256-CBC', kind: 'aes', keyBytes: 32 },
  [OID.desEde3Cbc]: { name: 'DES-EDE3-CBC', kind: 'des-ede3-cbc', keyBytes: 24 },
  '1.3.14.3.2.7': { name: 'DES-CBC', kind: 'des-cbc', keyBytes: 8 },
  '1.2.840.113549.3.2': { name: 'RC2-CBC', kind: 'rc2-cbc', keyBytes: 16 },
};

/** A parsed encryption AlgorithmIdentifier, ready to decrypt with any password form. */
export interface PasswordCipher {
  description: string;
  /** Key-derivation iterations one decryption attempt runs (key and IV each count), known before any is run. */
  iterations: number;
  decrypt(password: PasswordForm, data: Uint8Array, signal?: AbortSignal): Promise<Uint8Array | null>;
}

/** The cipher of an encryption AlgorithmIdentifier (pkijs) from a PKCS#12 bag or container, or an encrypted PKCS#8 key. */
export function parsePasswordCipher(algorithm: pkijs.AlgorithmIdentifier): PasswordCipher {
  const id = algorithm.algorithmId;
  const params = algorithm.algorithmParams as Block | undefined;
  const legacy = PKCS12_PBE[id];
  if (legacy) {
    // pkcs-12PbeParams: pkijs has no class for it (it cannot decrypt these schemes), so read the two fields.
    if (!(params instanceof asn1js.Sequence)) throw corrupt(`Invalid ${legacy.name} parameters`);
    const [saltBlock, iterationsBlock] = children(params);
    const salt = octets(saltBlock, `${legacy.name} salt`);
    const iterations = smallInteger(iterationsBlock, `${legacy.name} iterations`);
    checkIterations(iterations, legacy.name, MAX_PKCS12_KDF_ITERATIONS);
    const sha1Spec = HASHES[OID.sha1];
    return {
      description: legacy.name,
      iterations: legacy.ivBytes ? 2 * iterations : iterations,
      async decrypt(password, data, signal) {
        const key = await pkcs12Kdf(sha1Spec, password.bmp, salt, 1, iterations, legacy.keyBytes, signal);
        const iv = legacy.ivBytes ? await pkcs12Kdf(sha1Spec, password.bmp, salt, 2, iterations, legacy.ivBytes, signal) : new Uint8Array(0);
        // Two-key triple DES is K1 K2 K1.
        const fullKey = legacy.keyBytes === 16 && legacy.cipher === 'des-ede3-cbc' ? concatBytes([key, key.subarray(0, 8)]) : key;
        return legacyDecrypt(legacy.cipher, fullKey, iv, data, legacy.keyBytes * 8);
      },
    };
  }
  if (id === OID.pbes2) return parsePbes2(params);
  if (PKCS5_V1.has(id)) {
    throw new CertificateError('unsupported', 'PKCS#5 v1.5 encryption (MD5/SHA-1 with DES or RC2) is not supported');
  }
  throw new CertificateError('unsupported', `Unsupported encryption algorithm ${id}`);
}

function parsePbes2(params: Block | undefined): PasswordCipher {
  if (!params) throw corrupt('Invalid PBES2 parameters');
  const pbes2 = withPkijs('PBES2 parameters', () => new pkijs.PBES2Params({ schema: params }));
  const kdfId = pbes2.keyDerivationFunc.algorithmId;
  if (kdfId !== OID.pbkdf2) {
    throw new CertificateError(
      'unsupported',
      kdfId === '1.3.6.1.4.1.11591.4.11' ? 'PBES2 with scrypt is not supported' : `Unsupported PBES2 key derivation ${kdfId}`,
    );
  }
  const kdfParams = pbes2.keyDerivationFunc.algorithmParams as Block | undefined;
  if (!kdfParams) throw corrupt('Invalid PBKDF2 parameters');
  const pbkdf2 = withPkijs('PBKDF2 parameters', () => new pkijs.PBKDF2Params({ schema: kdfParams }));
  if (!(pbkdf2.salt instanceof asn1js.OctetString)) {
    throw new CertificateError('unsupported', 'PBKDF2 with a non-literal salt is not supported');
  }
  const salt = octets(pbkdf2.salt, 'PBKDF2 salt');
  // asn1js gives a number only for INTEGERs of up to 3 bytes (pkijs's iterationCount reads 0 for larger
  // ones): the count comes from the INTEGER itself, so that 10,000,000 is "too many iterations", not "invalid".
  const iterations = smallInteger(children(kdfParams)[1], 'PBKDF2 iteration count');
  checkIterations(iterations, 'PBKDF2 key derivation', MAX_PBKDF2_ITERATIONS);
  const keyLength = pbkdf2.keyLength ?? null;
  let prf: HashSpec['name'] = 'SHA-1';
  if (pbkdf2.prf) {
    const name = HMAC_PRFS[pbkdf2.prf.algorithmId];
    if (!name) throw new CertificateError('unsupported', `Unsupported PBKDF2 PRF ${pbkdf2.prf.algorithmId}`);
    prf = name;
  }
  const schemeId = pbes2.encryptionScheme.algorithmId;
  const schemeParams = pbes2.encryptionScheme.algorithmParams as Block | undefined;
  const cipher = PBES2_CIPHERS[schemeId];
  if (!cipher) throw new CertificateError('unsupported', `Unsupported PBES2 cipher ${schemeId}`);
  let iv: Uint8Array;
  let effectiveBits: number | undefined;
  if (cipher.kind === 'rc2-cbc' && schemeParams instanceof asn1js.Sequence) {
    const [version, ivBlock] = children(schemeParams);
    const encoded = smallInteger(version, 'RC2 version');
    effectiveBits = ({ 160: 40, 120: 64, 58: 128 } as Record<number, number>)[encoded] ?? encoded;
    iv = octets(ivBlock, 'RC2 IV');
  } else {
    iv = octets(schemeParams, 'PBES2 IV');
  }
  const keyBytes = keyLength ?? cipher.keyBytes;
  if (keyBytes < 1 || keyBytes > 64) throw corrupt('Invalid PBKDF2 key length');
  return {
    description: `PBES2 (PBKDF2-HMAC-${prf}, ${cipher.name})`,
    iterations,
    async decrypt(password, data) {
      const base = await crypto.subtle.importKey('raw', toArrayBuffer(password.utf8), 'PBKDF2', false, ['deriveBits']);
      const key = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', salt: toArrayBuffer(salt), iterations, hash: prf }, base, keyBytes * 8));
      if (cipher.kind !== 'aes') return legacyDecrypt(cipher.kind, key, iv, data, effectiveBits ?? keyBytes * 8);
      if (iv.length !== 16 || data.length === 0 || data.length % 16 !== 0) return null;
      try {
        const aes = await crypto.subtle.importKey('raw', toArrayBuffer(key), 'AES-CBC', false, ['decrypt']);
        return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: toArrayBuffer(iv) }, aes, toArrayBuffer(data)));
      } catch {
        return null;
      }
    },
  };
}
