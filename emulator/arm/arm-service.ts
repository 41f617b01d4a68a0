import type { ServiceHandler } from '../common/api-types.ts';
import { armErrors } from '../common/arm-error.ts';
import type { ArmOperation } from './arm-context.ts';
import { getService } from './apim-services/get-service.ts';
import { listPermissions } from './authorization/list-permissions.ts';
import { listServicesInResourceGroup, listServicesInSubscription } from './apim-services/list-services.ts';
import { createOrUpdateCertificate } from './certificates/create-or-update-certificate.ts';
import { deleteCertificate } from './certificates/delete-certificate.ts';
import { getCertificate, getCertificateEntityTag } from './certificates/get-certificate.ts';
import { listCertificates } from './certificates/list-certificates.ts';
import { refreshCertificateSecret } from './certificates/refresh-certificate-secret.ts';
import { getResourceGroup } from './resource-groups/get-resource-group.ts';
import { listResourceGroups } from './resource-groups/list-resource-groups.ts';
import { getSubscription } from './subscriptions/get-subscription.ts';
import { listSubscriptions } from './subscriptions/list-subscriptions.ts';

interface Route {
  /** Literal segments match case-insensitively, as ARM's do; `{name}` captures one decoded segment. */
  pattern: string[];
  operations: Partial<Record<string, ArmOperation>>;
}

const service = 'subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ApiManagement/service';

const routes: Route[] = [
  { pattern: 'subscriptions', operations: { GET: listSubscriptions } },
  { pattern: 'subscriptions/{subscriptionId}', operations: { GET: getSubscription } },
  { pattern: 'subscriptions/{subscriptionId}/providers/Microsoft.Authorization/permissions', operations: { GET: listPermissions } },
  { pattern: 'subscriptions/{subscriptionId}/resourceGroups', operations: { GET: listResourceGroups } },
  { pattern: 'subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}', operations: { GET: getResourceGroup } },
  { pattern: 'subscriptions/{subscriptionId}/providers/Microsoft.ApiManagement/service', operations: { GET: listServicesInSubscription } },
  { pattern: service, operations: { GET: listServicesInResourceGroup } },
  { pattern: `${service}/{serviceName}`, operations: { GET: getService } },
  { pattern: `${service}/{serviceName}/certificates`, operations: { GET: listCertificates } },
  {
    pattern: `${service}/{serviceName}/certificates/{certificateId}`,
    operations: { GET: getCertificate, HEAD: getCertificateEntityTag, PUT: createOrUpdateCertificate, DELETE: deleteCertificate },
  },
  { pattern: `${service}/{serviceName}/certificates/{certificateId}/refreshSecret`, operations: { POST: refreshCertificateSecret } },
].map(({ pattern, operations }) => ({ pattern: pattern.split('/'), operations }));

function match(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i];
    if (part.startsWith('{')) params[part.slice(1, -1)] = segments[i];
    else if (part.toLowerCase() !== segments[i].toLowerCase()) return undefined;
  }
  return params;
}

function decodeSegments(path: string): string[] {
  const raw = path.replace(/^\/+/, '').replace(/\/+$/, '').split('/');
  let segments: string[];
  try {
    segments = raw.map((segment) => decodeURIComponent(segment));
  } catch {
    throw armErrors.invalidRequestContent(`The request path '${path}' is not valid percent-encoding.`);
  }
  // An encoded slash or backslash would put a path inside one name (`certificates/a%2Fb` → id 'a/b').
  const smuggled = segments.find((segment) => /[/\\]/.test(segment));
  if (smuggled !== undefined)
    throw armErrors.invalidRequestContent(`The request path '${path}' has a segment that decodes to '${smuggled}': names may not contain '/' or '\\'.`);
  return segments;
}

/** ARM: subscriptions, resource groups, API Management services and their certificates. */
export const handleArm: ServiceHandler = async (request, env) => {
  const caller = request.caller;
  if (!caller) throw armErrors.invalidAuthenticationToken('The request does not have a valid authentication token.');
  const segments = decodeSegments(request.path);
  for (const route of routes) {
    const params = match(route.pattern, segments);
    if (!params) continue;
    const operation = route.operations[request.method.toUpperCase()];
    if (!operation) throw armErrors.methodNotAllowed(request.method);
    return operation({ request, env, caller, params });
  }
  throw armErrors.noRoute(request.method, request.path);
};
