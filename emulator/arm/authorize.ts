import { armErrors } from '../common/arm-error.ts';
import { canWrite } from '../common/roles.ts';
import { roleOn } from '../store/role-assignment-store.ts';
import { getSubscription, type SubscriptionRow } from '../store/subscription-store.ts';
import { apimErrors } from './apim-errors.ts';
import type { ArmContext } from './arm-context.ts';
import { GUID_PATTERN } from './path-parameters.ts';

/**
 * Azure RBAC at subscription scope, as ARM's front door applies it before a resource provider sees the
 * request: a caller with no role gets 403, a Reader may read only, and a disabled subscription is read-only.
 */
export function authorize(context: ArmContext, subscriptionId: string, action: string, scope: string): SubscriptionRow {
  if (!GUID_PATTERN.test(subscriptionId)) throw armErrors.invalidSubscriptionId(subscriptionId);
  const subscription = getSubscription(context.env.db, subscriptionId);
  if (!subscription) throw armErrors.subscriptionNotFound(subscriptionId);
  const role = roleOn(context.env.db, context.caller.principalId, subscription.id);
  const writing = !action.endsWith('/read');
  if (!role || (writing && !canWrite(role))) throw armErrors.authorizationFailed(context.caller.principalId, action, scope);
  if (writing && subscription.state !== 'Enabled' && subscription.state !== 'Warned') throw apimErrors.readOnlyDisabledSubscription(subscription.id);
  return subscription;
}
