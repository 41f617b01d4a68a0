import { ArmError } from '../../common/arm-error.ts';
import { authorizedSubscription } from '../../common/operation.ts';
import { json, type ArmOperation } from '../arm-context.ts';
import { validationError } from '../apim-errors.ts';
import { checkResourceGroupName } from '../path-parameters.ts';
import { readJsonObject, readTags } from '../read-json-object.ts';
import { getResourceGroup, putResourceGroup as writeResourceGroup } from '../../store/resource-group-store.ts';
import { toResourceGroupContract } from './resource-group-contract.ts';

/** PUT a resource group: 201 when new, 200 when it existed (its tags replaced; its location may not change). */
export const putResourceGroup: ArmOperation = (context) => {
  const { resourceGroupName } = context.params;
  const subscription = authorizedSubscription(context);
  checkResourceGroupName(resourceGroupName);
  const body = readJsonObject(context.request);
  if (typeof body.location !== 'string' || body.location.trim() === '' || body.location.length > 80)
    throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
  const tags = readTags(body.tags, validationError);
  const existing = getResourceGroup(context.env.db, subscription.id, resourceGroupName);
  if (existing && existing.location.toLowerCase() !== body.location.toLowerCase())
    throw new ArmError(
      409,
      'InvalidResourceGroupLocation',
      `Invalid resource group location '${body.location}'. The Resource group already exists in location '${existing.location}'.`,
    );
  const created = writeResourceGroup(context.env.db, {
    subscription_id: subscription.id,
    name: existing?.name ?? resourceGroupName,
    location: body.location,
    tags: JSON.stringify(tags),
  });
  const row = getResourceGroup(context.env.db, subscription.id, resourceGroupName)!;
  return json(created ? 201 : 200, toResourceGroupContract(row));
};
