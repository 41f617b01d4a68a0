import { describe, expect, it } from 'vitest';
import { HASHES, pkcs12Kdf } from '../pkcs12-kdf';
import { HASH_GRID, LONG, PUBLISHED, SLICED, type KdfVector } from './pkcs12-kdf-vectors';

const bytes = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));
const hex = (value: Uint8Array) => Buffer.from(value).toString('hex');

function specOf(name: KdfVector['hash']) {
  const spec = Object.values(HASHES).find((hash) => hash.name === name);
  if (!spec) throw new Error(`No hash ${name}`);
  return spec;
}

function derive({ hash, password, salt, id, iterations, expected }: KdfVector, signal?: AbortSignal): Promise<Uint8Array> {
  return pkcs12Kdf(specOf(hash), bytes(password), bytes(salt), id, iterations, expected.length / 2, signal);
}

const label = (v: KdfVector) => `${v.hash}, id ${v.id}, ${v.iterations} iteration(s), ${v.expected.length / 2} bytes`;

describe('PKCS#12 KDF (RFC 7292 B.2): OpenSSL known answers', () => {
  it.each(PUBLISHED.map((v) => [label(v), v] as const))('published vector: %s', async (_label, vector) => {
    expect(hex(await derive(vector))).toBe(vector.expected);
  });

  it.each(HASH_GRID.map((v) => [label(v), v] as const))('%s', async (_label, vector) => {
    expect(hex(await derive(vector))).toBe(vector.expected);
  });

  it('has answers for every hash the toolkit knows', () => {
    const covered = new Set(HASH_GRID.map((v) => v.hash));
    expect(Object.values(HASHES).filter((hash) => !covered.has(hash.name))).toEqual([]);
  });

  it.each(LONG.map((v) => [label(v), v] as const))('password and salt over one block, output over several: %s', async (_label, vector) => {
    expect(hex(await derive(vector))).toBe(vector.expected);
  });

  it('yields between slices without changing the result', async () => {
    expect(hex(await derive(SLICED))).toBe(SLICED.expected);
  });

  it('stops at the first yield once aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(derive(SLICED, controller.signal)).rejects.toThrow('stopped');
  });
});
