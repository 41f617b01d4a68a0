import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import { getSetting, putSetting, type Db } from '../store/database.ts';
import { cachedRead } from '../store/read-cache.ts';

export interface SigningKeys {
  privateJwk: JWK;
  publicJwks: { keys: JWK[] };
}

/** RS256 keys kept in the database, so tokens issued before a restart still verify after it. */
export function loadSigningKeys(db: Db): SigningKeys | undefined {
  const stored = getSetting(db, 'identity.signingKey');
  return stored ? fromPrivate(JSON.parse(stored) as JWK) : undefined;
}

export async function loadOrCreateSigningKeys(db: Db): Promise<SigningKeys> {
  const existing = loadSigningKeys(db);
  if (existing) return existing;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  putSetting(db, 'identity.signingKey', JSON.stringify(privateJwk));
  return fromPrivate(privateJwk);
}

/**
 * The signing keys as the database holds them now, for the token verifier: read again after any write to
 * the settings (see cachedRead), the same object while the stored key is unchanged, so verified tokens stay cached
 * until the key itself is replaced.
 */
export function currentSigningKeys(db: Db, initial: SigningKeys): () => SigningKeys {
  let last = { text: JSON.stringify(initial.privateJwk), keys: initial };
  return () =>
    cachedRead(
      db,
      'identity.signingKey',
      () => {
        const text = getSetting(db, 'identity.signingKey');
        if (text !== undefined && text !== last.text) last = { text, keys: fromPrivate(JSON.parse(text) as JWK) };
        return last.keys;
      },
      ['settings'],
    );
}

function fromPrivate(privateJwk: JWK): SigningKeys {
  const { kty, n, e, kid, alg, use } = privateJwk;
  return { privateJwk, publicJwks: { keys: [{ kty, n, e, kid, alg, use }] } };
}
