import { createLocalJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Caller } from '../common/caller.ts';
import type { SigningKeys } from './signing-keys.ts';
import { VerifiedTokenCache } from './verified-token-cache.ts';

export type { Caller };

export type TokenProblem = 'missing' | 'malformed' | 'expired' | 'not-yet-valid' | 'bad-signature' | 'wrong-audience' | 'wrong-issuer';

export class TokenRejected extends Error {
  constructor(
    readonly problem: TokenProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface TokenVerifier {
  /** `audiences`: every audience the service answers to, e.g. ARM's two. */
  verify(authorization: string | undefined, audiences: readonly string[]): Promise<Caller>;
}

/** The keys tokens are checked against now: a function, so that a replaced key is seen on the next request. */
export type SigningKeySource = () => SigningKeys;

const CLOCK_TOLERANCE_SECONDS = 5;

const withoutTrailingSlash = (value: string) => value.replace(/\/+$/, '');

/** A service passes the same list on every request: its set is made once. */
const acceptedSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * Whether a token's `aud` names one of the service's audiences. Entra issues the resource as it was
 * asked for, with or without the trailing slash, and the services accept both spellings.
 */
export function audienceAccepted(tokenAudiences: readonly string[], accepted: readonly string[]): boolean {
  let wanted = acceptedSets.get(accepted);
  if (!wanted) acceptedSets.set(accepted, (wanted = new Set(accepted.map(withoutTrailingSlash))));
  return tokenAudiences.some((audience) => wanted.has(withoutTrailingSlash(audience)));
}

/** `issuers`: the Entra-shaped issuer the app's sign-in uses and the AD FS-style one the Azure CLI uses. */
export function createTokenVerifier(keys: SigningKeys | SigningKeySource, issuers: readonly string[]): TokenVerifier {
  const current = typeof keys === 'function' ? keys : () => keys;
  const jwksOf = new WeakMap<SigningKeys, ReturnType<typeof createLocalJWKSet>>();
  const verified = new VerifiedTokenCache<SigningKeys>();

  async function verifySignature(token: string, keySet: SigningKeys): Promise<JWTPayload> {
    let jwks = jwksOf.get(keySet);
    if (!jwks) jwksOf.set(keySet, (jwks = createLocalJWKSet(keySet.publicJwks)));
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, { issuer: [...issuers], clockTolerance: CLOCK_TOLERANCE_SECONDS }));
    } catch (error) {
      throw classify(error);
    }
    verified.set(token, keySet, payload);
    return payload;
  }

  return {
    async verify(authorization, accepted) {
      if (!authorization) throw new TokenRejected('missing', 'The request does not have a valid authentication token: the Authorization header is missing.');
      const keySet = current();
      const nowSeconds = Date.now() / 1000;
      // A token checked before, against these very keys: only the time claims can have changed since. The cache
      // holds only tokens that passed the header and shape checks below, so the usual header is looked up as is.
      const usual = authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
      let payload = usual === undefined ? undefined : verified.get(usual, keySet, nowSeconds, CLOCK_TOLERANCE_SECONDS);
      if (!payload) {
        const match = /^Bearer\s+(\S+)$/i.exec(authorization);
        if (!match) throw new TokenRejected('malformed', "The Authorization header is not of the form 'Bearer <token>'.");
        const token = match[1];
        if (token.split('.').length !== 3) throw new TokenRejected('malformed', 'The access token is malformed: it is not a JSON Web Token.');
        payload = verified.get(token, keySet, nowSeconds, CLOCK_TOLERANCE_SECONDS);
        if (!payload) payload = await verifySignature(token, keySet);
      }
      // Per request, never from the cache: one token may be sent to services of different audiences.
      const audiences = (Array.isArray(payload.aud) ? payload.aud : [payload.aud]).filter((a): a is string => typeof a === 'string');
      if (!audienceAccepted(audiences, accepted)) {
        throw new TokenRejected(
          'wrong-audience',
          `The access token has an invalid audience '${audiences.join(', ')}'; this service expects '${accepted.join("' or '")}'.`,
        );
      }
      const claims = payload as JWTPayload & { oid?: string; name?: string; tid?: string; idtyp?: string };
      return {
        kind: claims.idtyp === 'app' ? 'service-principal' : 'user',
        principalId: claims.oid ?? String(payload.sub),
        name: claims.name ?? String(payload.sub),
        tenantId: claims.tid ?? '',
      };
    },
  };
}

function classify(error: unknown): TokenRejected {
  if (error instanceof errors.JWTExpired) return new TokenRejected('expired', 'The access token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return new TokenRejected('not-yet-valid', 'The access token is not yet valid (nbf is in the future).');
    if (error.claim === 'iss') return new TokenRejected('wrong-issuer', 'The access token was issued by an unknown issuer.');
    return new TokenRejected('malformed', `The access token has an invalid '${error.claim}' claim.`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new TokenRejected('bad-signature', 'The access token signature is invalid.');
  }
  return new TokenRejected('malformed', 'The access token is malformed.');
}
