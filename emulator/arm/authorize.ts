import { armErrors } from '../common/arm-error.ts';
import { canWrite } from '../common/roles.ts';
import { roleOn } from '../store/role-assignment-store.ts';
import { getSubscription } from '../store/subscription-store.ts';
import { fillTemplate } from '../common/route-table.ts';
import type { Authorizer } from '../common/service-definition.ts';
import { apimErrors } from './apim-errors.ts';
import { GUID_PATTERN } from './path-parameters.ts';

/**
 * Azure RBAC at subscription scope, as ARM's front door applies it before a resource provider sees the
 * request: a malformed or unknown subscription first, then a caller with no role gets 403, a Reader may
 * read only, and a disabled subscription is read-only.
 */
export const authorizeArm: Authorizer = ({ env, caller, params, access }) => {
  const { subscriptionId } = params;
  if (!GUID_PATTERN.test(subscriptionId)) throw armErrors.invalidSubscriptionId(subscriptionId);
  const subscription = getSubscription(env.db, subscriptionId);
  if (!subscription) throw armErrors.subscriptionNotFound(subscriptionId);
  const role = roleOn(env.db, caller.principalId, subscription.id);
  const writing = access.need === 'write';
  if (!role || (writing && !canWrite(role))) {
    throw armErrors.authorizationFailed(caller.principalId, access.action, fillTemplate(access.scope, params));
  }
  if (writing && subscription.state !== 'Enabled' && subscription.state !== 'Warned') throw apimErrors.readOnlyDisabledSubscription(subscription.id);
  return subscription;
};
