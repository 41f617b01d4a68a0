import { _SHA1, sha1 } from '@noble/hashes/legacy.js';
import { _SHA256, _SHA384, _SHA512, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { concatBytes } from './encoding';
import { OID } from './oids';

// The PKCS#12 key derivation (RFC 7292 appendix B.2): the MAC key of a PFX, and the key and IV of its legacy
// (pbeWithSHAAnd...) ciphers. Its tests are OpenSSL's answers for the same inputs (__tests__/kdf.test.ts).
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
 * hash object per call). The KDF test checks the result against OpenSSL's known answers.
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
