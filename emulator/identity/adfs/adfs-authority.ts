import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLarge, readBody, writeResponse } from '../../common/http.ts';
import type { SigningKeys } from '../signing-keys.ts';
import { adfsEndpoints, adfsOpenIdConfiguration } from './adfs-discovery.ts';
import { createTokenIssuer } from './adfs-token.ts';
import { OAuthError } from './oauth-error.ts';

export interface AdfsAuthority {
  issuer: string;
  /** What `az cloud register` reads as the login endpoint: MSAL Python treats an authority ending in `/adfs` as known. */
  loginEndpoint: string;
  owns(pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, url: URL, headers: Record<string, string>): Promise<number>;
}

const MAX_FORM_BYTES = 16 * 1024;
const noStore = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

/**
 * An AD FS-style authority at `/adfs`, as Azure Stack Hub's AD FS clouds have: MSAL Python (and so the
 * Azure CLI) uses such an authority as it is, without asking Microsoft's instance discovery, which cannot
 * be reached offline. It serves the discovery document, the keys, and a token endpoint for scripts
 * (client credentials, password, refresh); interactive sign-in stays with the Entra-shaped authority.
 */
export function createAdfsAuthority(options: { origin: string; keys: SigningKeys; accessTokenTtlSeconds?: number }): AdfsAuthority {
  const endpoints = adfsEndpoints(options.origin);
  const grant = createTokenIssuer({ keys: options.keys, endpoints, accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600 });
  const prefix = '/adfs';

  async function answer(req: IncomingMessage, pathname: string): Promise<{ status: number; body: unknown }> {
    const route = pathname.toLowerCase();
    if (req.method === 'GET' && route === `${prefix}/.well-known/openid-configuration`) return { status: 200, body: adfsOpenIdConfiguration(endpoints) };
    if (req.method === 'GET' && route === `${prefix}/discovery/keys`) return { status: 200, body: options.keys.publicJwks };
    if (route === `${prefix}/oauth2/token`) {
      if (req.method !== 'POST') throw new OAuthError(405, 'invalid_request', 'The token endpoint takes POST with a form body.');
      const type = String(req.headers['content-type'] ?? '');
      if (!type.startsWith('application/x-www-form-urlencoded'))
        throw new OAuthError(400, 'invalid_request', 'AADSTS900144: The request body must be application/x-www-form-urlencoded.');
      let body: Buffer;
      try {
        body = await readBody(req, MAX_FORM_BYTES);
      } catch (error) {
        if (error instanceof BodyTooLarge) throw new OAuthError(413, 'invalid_request', `The request body is larger than ${MAX_FORM_BYTES} bytes.`);
        throw error;
      }
      return { status: 200, body: await grant(new URLSearchParams(body.toString('utf8'))) };
    }
    if (route === `${prefix}/oauth2/authorize`)
      throw new OAuthError(
        400,
        'invalid_request',
        `Interactive sign-in is not offered at ${endpoints.issuer}: use the app's sign-in, or the password grant from scripts.`,
      );
    throw new OAuthError(404, 'not_found', `No endpoint at ${pathname} on this authority.`);
  }

  return {
    issuer: endpoints.issuer,
    loginEndpoint: endpoints.issuer,
    owns: (pathname) => pathname.toLowerCase() === prefix || pathname.toLowerCase().startsWith(`${prefix}/`),
    async handle(req, res, url, headers) {
      let status: number;
      let body: unknown;
      try {
        ({ status, body } = await answer(req, url.pathname));
      } catch (error) {
        if (!(error instanceof OAuthError)) throw error;
        ({ status, body } = { status: error.status, body: error.toBody() });
      }
      writeResponse(res, { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...noStore }, body }, headers);
      return status;
    },
  };
}
