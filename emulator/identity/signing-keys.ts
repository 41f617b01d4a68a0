import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import { getSetting, putSetting, type Db } from '../store/database.ts';

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

function fromPrivate(privateJwk: JWK): SigningKeys {
  const { kty, n, e, kid, alg, use } = privateJwk;
  return { privateJwk, publicJwks: { keys: [{ kty, n, e, kid, alg, use }] } };
}
