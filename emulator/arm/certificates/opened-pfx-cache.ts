import { createHmac, randomBytes } from 'node:crypto';
import type { PfxFacts } from './open-pfx.ts';

/** Distinct files kept; a caller cycling through more only opens them again. */
const MAX_FILES = 256;

/**
 * A key per process: the cache is keyed by an HMAC of the file and its password, so what memory holds is
 * no unsalted hash that a password could be guessed against.
 */
const cacheKey = randomBytes(32);
const opened = new Map<string, PfxFacts>();

const keyOf = (bytes: Uint8Array, password: string) => createHmac('sha256', cacheKey).update(bytes).update('\0').update(password, 'utf8').digest('base64');

/**
 * What a .pfx file holds depends on its bytes and password only: a Key Vault secret read again (PUT of the same
 * secret, refreshSecret) is not derived again. Only files that opened are kept; a refused one is judged afresh.
 * The facts are frozen and shared, and the DER is copied out, so no caller can change what another reads.
 */
export async function openPfxOnce(bytes: Uint8Array, password: string, open: () => Promise<PfxFacts>): Promise<PfxFacts> {
  const key = keyOf(bytes, password);
  const hit = opened.get(key);
  if (hit) {
    // Re-inserted, so the most used stay longest.
    opened.delete(key);
    opened.set(key, hit);
    return { ...hit, leafDer: Buffer.from(hit.leafDer) };
  }
  const facts = await open();
  if (opened.size >= MAX_FILES) opened.delete(opened.keys().next().value as string);
  opened.set(key, Object.freeze({ ...facts, leafDer: Buffer.from(facts.leafDer) }));
  return facts;
}

/** How many opened files are kept: for tests. */
export function openedPfxCount(): number {
  return opened.size;
}
