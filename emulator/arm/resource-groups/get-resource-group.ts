import { armErrors } from '../../common/arm-error.ts';
import { requireApiVersion } from '../api-versions.ts';
import { json, type ArmOperation } from '../arm-context.ts';
import { authorize } from '../authorize.ts';
import { checkResourceGroupName } from '../path-parameters.ts';
import { getResourceGroup as readResourceGroup } from '../../store/resource-group-store.ts';
import { toResourceGroupContract } from './resource-group-contract.ts';

export const getResourceGroup: ArmOperation = (context) => {
  requireApiVersion(context.request.query, 'resourceGroups', 'resourceGroups');
  const { subscriptionId, resourceGroupName } = context.params;
  const subscription = authorize(
    context,
    subscriptionId,
    'Microsoft.Resources/subscriptions/resourceGroups/read',
    `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}`,
  );
  checkResourceGroupName(resourceGroupName);
  const row = readResourceGroup(context.env.db, subscription.id, resourceGroupName);
  if (!row) throw armErrors.resourceGroupNotFound(resourceGroupName);
  return json(200, toResourceGroupContract(row));
};
