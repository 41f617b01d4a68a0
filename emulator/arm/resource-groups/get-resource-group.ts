import { resolveResourceGroup } from './resolve-resource-group.ts';
import { json, type ArmOperation } from '../arm-context.ts';
import { toResourceGroupContract } from './resource-group-contract.ts';

export const getResourceGroup: ArmOperation = (context) => {
  const { group } = resolveResourceGroup(context);
  return json(200, toResourceGroupContract(group));
};
