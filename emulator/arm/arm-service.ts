import { armErrorFormat, armErrors } from '../common/arm-error.ts';
import { createRouteTable, type RouteEntry } from '../common/route-table.ts';
import { versionFromQuery, type ServiceDefinition } from '../common/service-definition.ts';
import type { BearerAuthenticator } from '../identity/bearer-authenticator.ts';
import { armRoutes } from './arm-routes.ts';
import { authorizeArm } from './authorize.ts';

function decodeSegment(segment: string, path: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw armErrors.invalidRequestContent(`The request path '${path}' is not valid percent-encoding.`);
  }
}

function decodeSegments(path: string): string[] {
  const raw = path.replace(/^\/+/, '').replace(/\/+$/, '').split('/');
  // Most paths have nothing encoded, so nothing to decode.
  const segments = path.includes('%') ? raw.map((segment) => decodeSegment(segment, path)) : raw;
  // An encoded slash or backslash would put a path inside one name (`certificates/a%2Fb` → id 'a/b').
  const smuggled = segments.find((segment) => /[/\\]/.test(segment));
  if (smuggled !== undefined)
    throw armErrors.invalidRequestContent(`The request path '${path}' has a segment that decodes to '${smuggled}': names may not contain '/' or '\\'.`);
  return segments;
}

/** Azure Resource Manager under `/arm`: bearer tokens for its audience, `?api-version=`, JSON errors. */
export function armService(bearer: BearerAuthenticator, routes: readonly RouteEntry[] = armRoutes): ServiceDefinition {
  return {
    name: 'arm',
    prefix: '/arm',
    authenticators: [bearer],
    challenge: bearer.challenge,
    version: versionFromQuery('api-version'),
    routes: createRouteTable(routes, {
      segments: decodeSegments,
      ignoreCase: true,
      noRoute: (method, path) => armErrors.noRoute(method, path),
      methodNotAllowed: (method) => armErrors.methodNotAllowed(method),
    }),
    authorize: authorizeArm,
    errors: armErrorFormat,
  };
}
