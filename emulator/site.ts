import { serveApp } from './app-host/serve-app.ts';
import { writeResponse } from './common/http.ts';
import { securityHeaders } from './common/security-headers.ts';
import type { IdentityProvider } from './identity/identity-provider.ts';
import { APP_CLIENT_ID, ARM_SCOPE } from './identity/directory.ts';
import type { SiteHandler } from './pipeline.ts';

export interface SiteOptions {
  origin: string;
  identity: IdentityProvider;
  /** The built app to serve; null = don't serve it. */
  appDir: string | null;
}

/** What the emulator answers beside its APIs: sign-in, the app's runtime config, a health check and the app itself. */
export function createSite({ origin, identity, appDir }: SiteOptions): SiteHandler {
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
    if (url.pathname === '/config.json') {
      writeResponse(res, { status: 200, headers: { 'Cache-Control': 'no-store', ...securityHeaders() }, body: runtimeConfig }, headers);
      return 200;
    }
    if (url.pathname === '/healthz') {
      writeResponse(res, { status: 200, body: { status: 'ok' } }, headers);
      return 200;
    }
    if (appDir) {
      serveApp(appDir, req, res, url.pathname);
      return res.statusCode;
    }
    writeResponse(res, { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not found' }, headers);
    return 404;
  };
}
