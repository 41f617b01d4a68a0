import type { IncomingMessage } from 'node:http';
import type { ApiResponse } from './api-types.ts';
import { armErrors } from './arm-error.ts';

/**
 * A browser navigation (a GET or HEAD that accepts HTML): the only kind of request the app's index.html
 * answers. API clients send `application/json` or nothing, and must get a 404 they can parse.
 */
export function isBrowserNavigation(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  return String(req.headers.accept ?? '')
    .toLowerCase()
    .includes('text/html');
}

/** Paths Entra ID owns on login.microsoftonline.com: `/common/…`, `/organizations/…`, `/{tenant}/oauth2/…`. */
const IDENTITY_PATH = /^\/(common|organizations|consumers|[0-9a-f-]{36}|[^/]+\.onmicrosoft\.com|adfs)(\/|$)/i;

/** A 404 for a path no service owns, in the error format of the service the path looks like it belongs to. */
export function unknownPath(method: string, pathname: string): ApiResponse {
  if (IDENTITY_PATH.test(pathname)) {
    return {
      status: 404,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
      body: {
        error: 'not_found',
        error_description: `AADSTS90002: No identity endpoint at ${pathname} in this emulator. Its authorities are /{tenant}/v2.0 and /adfs.`,
      },
    };
  }
  const error = armErrors.noRoute(method, pathname);
  const hint =
    pathname.startsWith('/subscriptions') || pathname.startsWith('/providers') || pathname.startsWith('/tenants') ? ' ARM is served under /arm.' : '';
  return {
    status: 404,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: { error: { code: error.code, message: `${error.message}${hint}` } },
  };
}
