import { ADMINISTRATOR_USER_ID, parseSharedAccessSignature, signedWithOneOf } from '../common/shared-access-signature.ts';
import type { Authorizer } from '../common/service-definition.ts';
import { getTenantAccess } from '../store/apim-tenant-access-store.ts';
import { getSubscription } from '../store/subscription-store.ts';
import { directService } from './direct-service-target.ts';
import { legacyErrors } from './legacy-errors.ts';

/**
 * The service's key stands in for a role: the API must be enabled, the token unexpired, its identifier the
 * service's (or its administrator's), and its signature made with the current primary or secondary key.
 * Every refusal is the same 401 status, each with its own reason.
 */
export const authorizeDirect: Authorizer = ({ request, env, params }) => {
  const { service, key } = directService(env.db, params.serviceName);
  const access = getTenantAccess(env.db, key);
  if (!access?.enabled)
    throw legacyErrors.unauthorized(`The management API of service '${service.name}' is disabled: enable it on the service's Management API page.`);
  const token = parseSharedAccessSignature(String(request.headers.authorization));
  if (token.expiry.getTime() <= env.now().getTime()) throw legacyErrors.unauthorized(`The SharedAccessSignature expired at ${token.expiryText}.`);
  if (token.identifier !== access.identifier && token.identifier !== ADMINISTRATOR_USER_ID)
    throw legacyErrors.unauthorized(`The SharedAccessSignature's identifier '${token.identifier}' is not the identifier of service '${service.name}'.`);
  if (!signedWithOneOf(token, [access.primary_key, access.secondary_key]))
    throw legacyErrors.unauthorized("The SharedAccessSignature's signature does not match the service's primary or secondary key.");
  const subscription = getSubscription(env.db, service.subscription_id);
  if (!subscription) throw legacyErrors.serviceNotFound(service.name);
  return subscription;
};
