import { serveApp } from './app-host/serve-app.ts';
import { writeResponse } from './common/http.ts';
import { securityHeaders } from './common/security-headers.ts';
import type { IdentityProvider } from './identity/identity-provider.ts';
import type { AdfsAuthority } from './identity/adfs/adfs-authority.ts';
import { isBrowserNavigation, unknownPath } from './common/not-found.ts';
import { APP_CLIENT_ID, ARM_SCOPE } from './identity/directory.ts';
import type { SiteHandler } from './pipeline.ts';

export interface SiteOptions {
  origin: string;
  identity: IdentityProvider;
  /** The AD FS-style authority the Azure CLI signs in with. */
  adfs: AdfsAuthority;
  /** The built app to serve; null = don't serve it. */
  appDir: string | null;
}

/** What the emulator answers beside its APIs: sign-in, the app's runtime config, a health check and the app itself. */
export function createSite({ origin, identity, adfs, appDir }: SiteOptions): SiteHandler {
  const runtimeConfig = {
    environment: 'emulator',
    auth: { clientId: APP_CLIENT_ID, authority: identity.authority, knownAuthorities: [new URL(origin).host] },
    armEndpoint: `${origin}/arm`,
    asmEndpoint: `${origin}/asm`,
    armScope: ARM_SCOPE,
  };
  return async (req, res, url, headers) => {
    if (identity.owns(url.pathname)) {
      await identity.handle(req, res, url.pathname);
      return res.statusCode;
    }
    if (adfs.owns(url.pathname)) return adfs.handle(req, res, url, headers);
    if (url.pathname === '/config.json') {
      writeResponse(res, { status: 200, headers: { 'Cache-Control': 'no-store', ...securityHeaders() }, body: runtimeConfig }, headers);
      return 200;
    }
    if (url.pathname === '/healthz') {
      writeResponse(res, { status: 200, body: { status: 'ok' } }, headers);
      return 200;
    }
    // Deep links need index.html, but only a browser navigating asks for HTML: an API client that lands
    // here (a path without /arm, an unknown identity endpoint) gets a 404 it can parse.
    if (appDir && serveApp(appDir, req, res, url.pathname, isBrowserNavigation(req))) return res.statusCode;
    const miss = unknownPath(req.method ?? 'GET', url.pathname);
    writeResponse(res, miss, headers);
    return miss.status;
  };
}
