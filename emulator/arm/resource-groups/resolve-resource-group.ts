import { armErrors } from '../../common/arm-error.ts';
import { authorizedSubscription } from '../../common/operation.ts';
import type { ArmContext } from '../arm-context.ts';
import { checkResourceGroupName } from '../path-parameters.ts';
import { getResourceGroup } from '../../store/resource-group-store.ts';
import type { ResourceGroupRow } from '../../store/resource-group-store.ts';
import type { SubscriptionRow } from '../../store/subscription-store.ts';

/**
 * The path's `{resourceGroupName}` in ARM's order, once the pipeline has authorized the subscription: a
 * name ARM would not accept is 400, a group that does not exist 404.
 */
export function resolveResourceGroup(context: ArmContext): { subscription: SubscriptionRow; group: ResourceGroupRow } {
  const { resourceGroupName } = context.params;
  const subscription = authorizedSubscription(context);
  checkResourceGroupName(resourceGroupName);
  const group = getResourceGroup(context.env.db, subscription.id, resourceGroupName);
  if (!group) throw armErrors.resourceGroupNotFound(resourceGroupName);
  return { subscription, group };
}
