import { resolveResourceGroup } from './resolve-resource-group.ts';
import { authorizedSubscription } from '../../common/operation.ts';
import type { ArmOperation } from '../arm-context.ts';
import { checkResourceGroupName } from '../path-parameters.ts';
import { deleteResourceGroup as removeResourceGroup, getResourceGroup } from '../../store/resource-group-store.ts';
import { startOperation } from '../operations/long-running.ts';

/** DELETE a resource group and everything in it: 202 with `Location`, polled until 200, as ARM does. */
export const deleteResourceGroup: ArmOperation = (context) => {
  const { subscription, group } = resolveResourceGroup(context);
  const { headers } = startOperation(context, subscription.id, `/subscriptions/${subscription.id}/resourceGroups/${group.name}`, false);
  removeResourceGroup(context.env.db, subscription.id, group.name);
  return { status: 202, headers };
};

/** HEAD a resource group: 204 when it exists, 404 without a body when not (ARM's CheckExistence). */
export const resourceGroupExists: ArmOperation = (context) => {
  const subscription = authorizedSubscription(context);
  checkResourceGroupName(context.params.resourceGroupName);
  return { status: getResourceGroup(context.env.db, subscription.id, context.params.resourceGroupName) ? 204 : 404 };
};
