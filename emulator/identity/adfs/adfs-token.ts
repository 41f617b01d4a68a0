import { importJWK, jwtVerify, createLocalJWKSet, SignJWT, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';
import type { SigningKeys } from '../signing-keys.ts';
import { ARM_AUDIENCE, ASM_AUDIENCE, DEMO_SERVICE_PRINCIPAL, DEMO_USERS, findUser, TENANT_ID, APP_CLIENT_ID } from '../directory.ts';
import { v1AccessTokenClaims, type TokenSubject } from './access-token-claims.ts';
import type { AdfsEndpoints } from './adfs-discovery.ts';
import { OAuthError } from './oauth-error.ts';

/** The Azure CLI's public client id, the same in every cloud; MSAL Python signs users in with it. */
export const AZURE_CLI_CLIENT_ID = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
const PUBLIC_CLIENTS = new Set([AZURE_CLI_CLIENT_ID, APP_CLIENT_ID]);
const RESOURCES = [ARM_AUDIENCE, ASM_AUDIENCE];
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
const REFRESH_TOKEN_TTL_SECONDS = 14 * 86_400;

export interface TokenIssuerOptions {
  keys: SigningKeys;
  endpoints: AdfsEndpoints;
  accessTokenTtlSeconds: number;
}

/**
 * The resource a v2-style scope list names (`https://management.core.windows.net//.default` → the
 * resource `https://management.core.windows.net/`), spelled as asked: Entra puts the resource in `aud`
 * with or without its trailing slash, as the client wrote it.
 */
function resourceOf(scope: string): string {
  const resources = scope.split(/\s+/).filter((s) => s && !OIDC_SCOPES.has(s));
  if (resources.length !== 1)
    throw new OAuthError(400, 'invalid_scope', `AADSTS70011: name exactly one resource scope, e.g. '${ASM_AUDIENCE}/.default'; got '${scope}'.`);
  const resource = resources[0].replace(/\/(\.default|user_impersonation)$/, '');
  const known = RESOURCES.some((r) => r.replace(/\/$/, '') === resource.replace(/\/$/, ''));
  if (!known) throw new OAuthError(400, 'invalid_scope', `AADSTS500011: The resource principal named ${resource} was not found in the tenant ${TENANT_ID}.`);
  return resource;
}

/** The token endpoint's grants: client credentials for the demo service principal, password and refresh for users. */
export function createTokenIssuer({ keys, endpoints, accessTokenTtlSeconds }: TokenIssuerOptions) {
  const signingKey = importJWK(keys.privateJwk, 'RS256');
  const jwks = createLocalJWKSet(keys.publicJwks);

  async function sign(claims: Record<string, unknown>, audience: string, lifetime: number, now: number): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: keys.privateJwk.kid })
      .setIssuer(endpoints.issuer)
      .setAudience(audience)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + lifetime)
      .setJti(randomUUID())
      .sign(await signingKey);
  }

  async function accessToken(subject: TokenSubject, resource: string, now: number) {
    const token = await sign(v1AccessTokenClaims(subject, now), resource, accessTokenTtlSeconds, now);
    return { token_type: 'Bearer', access_token: token, expires_in: accessTokenTtlSeconds, ext_expires_in: accessTokenTtlSeconds, resource };
  }

  /** A user's answer: the access token, an id token (MSAL keys the account on it) and a refresh token. */
  async function userTokens(user: (typeof DEMO_USERS)[number], clientId: string, resource: string, scope: string) {
    const now = Math.floor(Date.now() / 1000);
    const subject: TokenSubject = { kind: 'user', user, clientId };
    const idToken = await sign({ sub: user.oid, oid: user.oid, tid: TENANT_ID, upn: user.upn, unique_name: user.upn, name: user.name }, clientId, 3600, now);
    // Self-contained and signed: its audience is the token endpoint, so no API accepts it as an access token.
    const refreshToken = await sign({ sub: user.oid, client_id: clientId, token_use: 'refresh' }, endpoints.token, REFRESH_TOKEN_TTL_SECONDS, now);
    return {
      ...(await accessToken(subject, resource, now)),
      scope,
      id_token: idToken,
      refresh_token: refreshToken,
      refresh_token_expires_in: REFRESH_TOKEN_TTL_SECONDS,
      client_info: Buffer.from(JSON.stringify({ uid: user.oid, utid: TENANT_ID })).toString('base64url'),
    };
  }

  function publicClient(form: URLSearchParams): string {
    const clientId = form.get('client_id') ?? '';
    if (clientId === DEMO_SERVICE_PRINCIPAL.clientId) {
      if (form.get('client_secret') !== DEMO_SERVICE_PRINCIPAL.clientSecret) throw invalidSecret();
      return clientId;
    }
    if (!PUBLIC_CLIENTS.has(clientId)) throw unknownClient(clientId);
    return clientId;
  }

  return async function grant(form: URLSearchParams): Promise<Record<string, unknown>> {
    const grantType = form.get('grant_type');
    const scope = form.get('scope') ?? '';
    if (grantType === 'client_credentials') {
      const clientId = form.get('client_id') ?? '';
      if (clientId !== DEMO_SERVICE_PRINCIPAL.clientId) throw unknownClient(clientId);
      if (form.get('client_secret') !== DEMO_SERVICE_PRINCIPAL.clientSecret) throw invalidSecret();
      const subject: TokenSubject = { kind: 'app', oid: DEMO_SERVICE_PRINCIPAL.oid, name: DEMO_SERVICE_PRINCIPAL.name, clientId };
      return accessToken(subject, resourceOf(scope), Math.floor(Date.now() / 1000));
    }
    if (grantType === 'password') {
      const clientId = publicClient(form);
      const user = findUser(form.get('username') ?? '');
      if (!user || form.get('password') !== user.password)
        throw new OAuthError(400, 'invalid_grant', 'AADSTS50126: Error validating credentials due to invalid username or password.');
      return userTokens(user, clientId, resourceOf(scope), scope);
    }
    if (grantType === 'refresh_token') {
      const clientId = publicClient(form);
      let claims: JWTPayload;
      try {
        ({ payload: claims } = await jwtVerify(form.get('refresh_token') ?? '', jwks, { issuer: endpoints.issuer, audience: endpoints.token }));
      } catch {
        throw new OAuthError(400, 'invalid_grant', 'AADSTS9002313: The refresh token is malformed, expired or was not issued by this authority.');
      }
      const user = DEMO_USERS.find((u) => u.oid === claims.sub);
      if (claims.token_use !== 'refresh' || claims.client_id !== clientId || !user)
        throw new OAuthError(400, 'invalid_grant', 'AADSTS700005: The refresh token was issued to a different client or user.');
      return userTokens(user, clientId, resourceOf(scope), scope);
    }
    throw new OAuthError(
      400,
      'unsupported_grant_type',
      `AADSTS70003: The grant type '${grantType ?? ''}' is not supported here: use client_credentials, password or refresh_token.`,
    );
  };
}

const unknownClient = (clientId: string) =>
  new OAuthError(400, 'unauthorized_client', `AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${TENANT_ID}'.`);
const invalidSecret = () => new OAuthError(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
