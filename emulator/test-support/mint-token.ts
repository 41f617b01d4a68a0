import { importJWK, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import type { SigningKeys } from '../identity/signing-keys.ts';
import { DEMO_APP_CLIENT_ID, DEMO_TENANT_ID, type DemoUser } from '../seed/demo-ids.ts';

export interface MintOptions {
  issuer: string;
  audience: string;
  user: Pick<DemoUser, 'oid' | 'name' | 'upn'>;
  lifetimeSeconds?: number;
  /** Shift iat/nbf/exp, to make expired or not-yet-valid tokens in tests. */
  offsetSeconds?: number;
}

/**
 * Signs an access token with the emulator's own key, the same claims the OIDC provider issues. For tests
 * that need a token without the browser flow (and for tokens that must be expired on purpose).
 */
export async function mintAccessToken(keys: SigningKeys, options: MintOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000) + (options.offsetSeconds ?? 0);
  const key = await importJWK(keys.privateJwk, 'RS256');
  return new SignJWT({
    tid: DEMO_TENANT_ID,
    oid: options.user.oid,
    name: options.user.name,
    upn: options.user.upn,
    preferred_username: options.user.upn,
    scp: 'user_impersonation',
    azp: DEMO_APP_CLIENT_ID,
  })
    .setProtectedHeader({ alg: 'RS256', kid: keys.privateJwk.kid, typ: 'at+jwt' })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject(options.user.oid)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + (options.lifetimeSeconds ?? 3600))
    .sign(key);
}
