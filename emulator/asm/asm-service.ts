import { asmErrorFormat, asmErrors } from '../common/asm-error.ts';
import { createRouteTable, type RouteEntry } from '../common/route-table.ts';
import { versionFromHeader, type ServiceDefinition } from '../common/service-definition.ts';
import type { BearerAuthenticator } from '../identity/bearer-authenticator.ts';
import { asmRoutes } from './asm-routes.ts';
import { clientCertificate } from './client-certificate-authenticator.ts';
import { authorizeSubscription } from './subscription-access.ts';
import { asmVersions } from './version-header.ts';

/** Service Management splits the path before decoding it: an encoded slash never makes a segment. */
function pathSegments(path: string): string[] {
  const trimmed = path.replace(/^\/|\/$/g, '');
  const parts = trimmed === '' ? [] : trimmed.split('/');
  try {
    return parts.map((part) => decodeURIComponent(part));
  } catch {
    throw asmErrors.badRequest(`The request path '${path}' is not correctly percent-encoded.`);
  }
}

/**
 * Classic Service Management under `/asm`: a client certificate or a bearer token, `x-ms-version` on every
 * request (checked before a path is found missing), XML errors.
 */
export function asmService(bearer: BearerAuthenticator, tenantId: string, routes: readonly RouteEntry[] = asmRoutes): ServiceDefinition {
  return {
    name: 'asm',
    prefix: '/asm',
    authenticators: [clientCertificate(tenantId), bearer],
    challenge: bearer.challenge,
    version: versionFromHeader('x-ms-version'),
    routes: createRouteTable(routes, {
      segments: pathSegments,
      ignoreCase: false,
      noRoute: (method, path) => asmErrors.resourceNotFound(`The requested URI does not represent any resource on the server: ${method} ${path}.`),
      methodNotAllowed: (method, path, allowed) => asmErrors.badRequest(`The HTTP method ${method} is not supported on ${path}: use ${allowed.join(' or ')}.`),
      missVersions: asmVersions,
    }),
    authorize: authorizeSubscription,
    errors: asmErrorFormat,
  };
}
