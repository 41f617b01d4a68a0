import type { JWTPayload } from 'jose';

/** Tokens are ~1 KB; 2,000 of them bound the cache near 2 MB whatever callers send. */
const MAX_TOKENS = 2000;

/**
 * Entries are found by the token's last characters (the end of its signature), then the whole token is compared:
 * a Map hashes its whole string key, and hashing the ~1 KB token cost more than the rest of the lookup.
 */
const KEY_CHARACTERS = 64;

interface Entry<K extends object> {
  token: string;
  keys: K;
  payload: JWTPayload;
}

/**
 * Payloads of tokens whose signature and issuer were verified, keyed by the token's exact text. An entry
 * serves only while the keys that verified it are still the current keys (a replaced key is refused at
 * once) and only until the token expires; audience is checked by the caller on every request. An expired
 * or not-yet-valid token is a miss, so jose words the rejection as it always does.
 */
export class VerifiedTokenCache<K extends object> {
  private readonly entries = new Map<string, Entry<K>>();

  get(token: string, keys: K, nowSeconds: number, toleranceSeconds: number): JWTPayload | undefined {
    const key = token.slice(-KEY_CHARACTERS);
    const entry = this.entries.get(key);
    if (!entry || entry.token !== token) return undefined;
    const { exp, nbf } = entry.payload;
    const stale = entry.keys !== keys || (exp !== undefined && exp <= nowSeconds - toleranceSeconds);
    if (stale) {
      this.entries.delete(key);
      return undefined;
    }
    if (nbf !== undefined && nbf > nowSeconds + toleranceSeconds) return undefined;
    return entry.payload;
  }

  set(token: string, keys: K, payload: JWTPayload): void {
    // Without an expiry a token would be kept forever: such a token is verified every time.
    if (payload.exp === undefined) return;
    if (this.entries.size >= MAX_TOKENS) {
      // The oldest inserted goes first; a busy emulator re-verifies it once if it is still in use.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token.slice(-KEY_CHARACTERS), { token, keys, payload });
  }

  get size(): number {
    return this.entries.size;
  }
}
