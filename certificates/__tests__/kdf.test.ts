import { describe, expect, it } from 'vitest';
import { toHex } from '../encoding';
import { HASHES, pkcs12Kdf, type HashSpec } from '../pkcs12-kdf';

/** RFC 7292 appendix B.2 written the plain way, with one-shot noble digests: the reference for the fast KDF. */
function referenceKdf(hash: HashSpec, password: Uint8Array, salt: Uint8Array, id: number, iterations: number, length: number): Uint8Array {
  const { outputBytes: u, blockBytes: v } = hash;
  const fill = (source: Uint8Array) => Uint8Array.from({ length: source.length ? v * Math.ceil(source.length / v) : 0 }, (_, i) => source[i % source.length]);
  const i = new Uint8Array([...fill(salt), ...fill(password)]);
  const out: number[] = [];
  while (out.length < length) {
    let a = hash.digest(new Uint8Array([...new Uint8Array(v).fill(id), ...i]));
    for (let round = 1; round < iterations; round++) a = hash.digest(a);
    out.push(...a);
    const b = Uint8Array.from({ length: v }, (_, k) => a[k % u]);
    for (let j = 0; j < i.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = i[j + k] + b[k] + carry;
        i[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return new Uint8Array(out.slice(0, length));
}

describe('PKCS#12 KDF (RFC 7292 B.2)', () => {
  const password = new Uint8Array([0, 0x70, 0, 0xe4, 0, 0x73, 0, 0x73, 0, 0]); // BMPString "päss"
  const salt = Uint8Array.from({ length: 8 }, (_, i) => i * 37);

  it.each(Object.values(HASHES).map((h) => [h.name, h] as const))('%s chained rounds equal plain digests', async (_name, hash) => {
    for (const iterations of [1, 2, 2048]) {
      for (const [id, length] of [
        [1, 24],
        [2, 8],
        [3, hash.outputBytes],
      ] as const) {
        const fast = await pkcs12Kdf(hash, password, salt, id, iterations, length);
        expect(toHex(fast)).toBe(toHex(referenceKdf(hash, password, salt, id, iterations, length)));
      }
    }
  });

  it('yields between slices without changing the result', async () => {
    const sha1 = Object.values(HASHES)[0];
    const fast = await pkcs12Kdf(sha1, new Uint8Array(0), salt, 1, 45_001, 24);
    expect(toHex(fast)).toBe(toHex(referenceKdf(sha1, new Uint8Array(0), salt, 1, 45_001, 24)));
  });
});
