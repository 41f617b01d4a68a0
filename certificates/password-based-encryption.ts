import { _SHA1, sha1 } from '@noble/hashes/legacy.js';
import { _SHA256, _SHA384, _SHA512, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { children, octets, smallInteger, withPkijs, type Block } from './asn1';
import { CertificateError } from './certificate-error';
import { concatBytes, toArrayBuffer } from './encoding';
import { legacyDecrypt, type LegacyCipher } from './legacy-ciphers';
import { OID } from './oids';

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

export interface HashSpec {
  name: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';
  outputBytes: number;
  blockBytes: number;
  /** One-shot digest (noble), for the first round of each PKCS#12 KDF block. */
  digest: (data: Uint8Array) => Uint8Array;
  /** A fresh noble hash object, whose compression function the KDF's chained rounds call directly. */
  create: () => unknown;
}

export const HASHES: Record<string, HashSpec> = {
  [OID.sha1]: { name: 'SHA-1', outputBytes: 20, blockBytes: 64, digest: sha1, create: () => new _SHA1() },
  [OID.sha256]: { name: 'SHA-256', outputBytes: 32, blockBytes: 64, digest: sha256, create: () => new _SHA256() },
  '2.16.840.1.101.3.4.2.2': { name: 'SHA-384', outputBytes: 48, blockBytes: 128, digest: sha384, create: () => new _SHA384() },
  '2.16.840.1.101.3.4.2.3': { name: 'SHA-512', outputBytes: 64, blockBytes: 128, digest: sha512, create: () => new _SHA512() },
};

// Yield to the event loop between slices so a long derivation neither freezes the page nor ignores abort.
const ROUNDS_PER_SLICE = 20_000;

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

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason;
}

function repeatTo(source: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  if (source.length === 0) return out;
  for (let i = 0; i < length; i++) out[i] = source[i % source.length];
  return out;
}

/**
 * The part of noble's Merkle-Damgard hash classes the iterated rounds use. They are `protected` in noble's
 * typings but stable across noble 1.x-2.x: `process` is the compression function over one block of a
 * DataView, `get`/`set` the chaining state as 32-bit words (SHA-384/512: high and low halves, in order).
 */
interface Compressor {
  get(): number[];
  set(...words: number[]): void;
  process(view: DataView, offset: number): void;
}

/**
 * `rounds` chained hashes A = H(A) of a `u`-byte value, in place. A is shorter than one block minus the
 * length field, so each round is exactly one compression of a fixed padded block: no allocation, no
 * buffering, ~0.5 µs per SHA-1 round instead of ~2 µs for a one-shot `sha1(a)` (an allocation-bound
 * hash object per call). The KDF test checks it against plain chained noble digests.
 */
class ChainedHash {
  private readonly hash: Compressor;
  private readonly iv: number[];
  private readonly block: Uint8Array;
  private readonly view: DataView;
  private readonly words: number;

  constructor(spec: HashSpec) {
    this.hash = spec.create() as Compressor;
    this.iv = this.hash.get();
    this.block = new Uint8Array(spec.blockBytes);
    this.view = new DataView(this.block.buffer);
    this.words = spec.outputBytes / 4;
    this.block[spec.outputBytes] = 0x80;
    this.view.setUint32(spec.blockBytes - 4, spec.outputBytes * 8);
  }

  run(a: Uint8Array, rounds: number): void {
    const { hash, iv, block, view, words } = this;
    block.set(a);
    for (let r = 0; r < rounds; r++) {
      hash.set(...iv);
      hash.process(view, 0);
      const state = hash.get();
      for (let w = 0; w < words; w++) view.setUint32(w * 4, state[w]);
    }
    a.set(block.subarray(0, a.length));
  }
}

/** RFC 7292 appendix B.2. id: 1 key, 2 IV, 3 MAC key. */
export async function pkcs12Kdf(
  hash: HashSpec,
  password: Uint8Array,
  salt: Uint8Array,
  id: 1 | 2 | 3,
  iterations: number,
  length: number,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const { outputBytes: u, blockBytes: v } = hash;
  const d = new Uint8Array(v).fill(id);
  const s = repeatTo(salt, v * Math.ceil(salt.length / v));
  const p = repeatTo(password, v * Math.ceil(password.length / v));
  const i = concatBytes([s, p]);
  const blocks = Math.ceil(length / u);
  const out = new Uint8Array(blocks * u);
  const chain = new ChainedHash(hash);
  for (let block = 0; block < blocks; block++) {
    const a = hash.digest(concatBytes([d, i]));
    // Yield to the event loop between slices so a long derivation neither freezes the page nor ignores abort.
    for (let done = 1; done < iterations;) {
      const rounds = Math.min(ROUNDS_PER_SLICE, iterations - done);
      chain.run(a, rounds);
      done += rounds;
      if (done < iterations) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        throwIfAborted(signal);
      }
    }
    out.set(a, block * u);
    if (block + 1 < blocks) {
      const b = repeatTo(a, v);
      for (let j = 0; j < i.length; j += v) {
        let carry = 1;
        for (let k = v - 1; k >= 0; k--) {
          const sum = i[j + k] + b[k] + carry;
          i[j + k] = sum & 0xff;
          carry = sum >> 8;
        }
      }
    }
  }
  return out.subarray(0, length);
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
  decrypt(password: PasswordForm, data: Uint8Array, signal?: AbortSignal): Promise<Uint8Array | null>;
}

function corrupt(message: string): CertificateError {
  return new CertificateError('corrupt', message);
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
    description: `PBES2 (PBKDF2, ${cipher.name})`,
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
