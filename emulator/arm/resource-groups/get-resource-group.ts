import { armErrors } from '../../common/arm-error.ts';
import { authorizedSubscription } from '../../common/operation.ts';
import { json, type ArmOperation } from '../arm-context.ts';
import { checkResourceGroupName } from '../path-parameters.ts';
import { getResourceGroup as readResourceGroup } from '../../store/resource-group-store.ts';
import { toResourceGroupContract } from './resource-group-contract.ts';

export const getResourceGroup: ArmOperation = (context) => {
  const { resourceGroupName } = context.params;
  const subscription = authorizedSubscription(context);
  checkResourceGroupName(resourceGroupName);
  const row = readResourceGroup(context.env.db, subscription.id, resourceGroupName);
  if (!row) throw armErrors.resourceGroupNotFound(resourceGroupName);
  return json(200, toResourceGroupContract(row));
};
