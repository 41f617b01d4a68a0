import { createRouteTable, type RouteEntry } from '../common/route-table.ts';
import { versionFromQuery, type ServiceDefinition } from '../common/service-definition.ts';
import { authorizeDirect } from './authorize-direct.ts';
import { directRoutes } from './direct-routes.ts';
import { legacyErrorFormat, legacyErrors } from './legacy-errors.ts';
import { sharedAccessSignature } from './sas-authenticator.ts';

export const DIRECT_PREFIX = '/apim-direct';

function decodeSegments(path: string): string[] {
  const raw = path.replace(/^\/+/, '').replace(/\/+$/, '').split('/');
  let segments: string[];
  try {
    segments = raw.map((segment) => decodeURIComponent(segment));
  } catch {
    throw legacyErrors.validation('path', `The request path '${path}' is not valid percent-encoding.`);
  }
  // An encoded slash would put a path inside one identifier.
  if (segments.some((segment) => /[/\\]/.test(segment))) throw legacyErrors.validation('path', 'An identifier may not contain / or \\.');
  return segments;
}

/**
 * API Management's legacy direct management API (seed 002), one per service: `https://{service}.management.azure-api.net`
 * in Azure, `{origin}/apim-direct/{service}` here. SharedAccessSignature auth, `?api-version=`, the legacy Error entity.
 */
export function apimDirectService(routes: readonly RouteEntry[] = directRoutes): ServiceDefinition {
  return {
    name: 'apim-direct',
    prefix: DIRECT_PREFIX,
    authenticators: [sharedAccessSignature],
    challenge: 'SharedAccessSignature',
    version: versionFromQuery('api-version'),
    routes: createRouteTable(routes, {
      segments: decodeSegments,
      ignoreCase: true,
      noRoute: (method, path) => legacyErrors.noRoute(method, path),
      methodNotAllowed: (method, _path, allowed) => legacyErrors.methodNotAllowed(method, allowed),
    }),
    authorize: authorizeDirect,
    errors: legacyErrorFormat,
  };
}
