import { resolveResourceGroup } from '../resource-groups/resolve-resource-group.ts';
import { ArmError } from '../../common/arm-error.ts';
import { json, type ArmOperation } from '../arm-context.ts';
import { checkServiceName } from '../path-parameters.ts';
import { readJsonObject } from '../read-json-object.ts';
import { getService, serviceNameTaken, upsertService } from '../../store/apim-service-store.ts';
import { startOperation } from '../operations/long-running.ts';
import { readServiceBody } from './service-body.ts';
import { serviceId, toServiceContract } from './service-contract.ts';

/**
 * PUT a service: create (201, Creating) or replace (200, Updating), long-running either way; the
 * answer carries `Azure-AsyncOperation` and `Location`, and the state turns Succeeded after the
 * emulator's provisioning delay.
 */
export const putService: ArmOperation = async (context) => {
  const { serviceName } = context.params;
  const { subscription, group } = resolveResourceGroup(context);
  checkServiceName(serviceName);
  const input = await readServiceBody(readJsonObject(context.request), false);
  const key = { subscriptionId: subscription.id, resourceGroup: group.name, serviceName };
  const existing = getService(context.env.db, key);
  if (!existing && serviceNameTaken(context.env.db, serviceName, key))
    throw new ArmError(
      409,
      'ServiceAlreadyExists',
      `Api service '${serviceName}' already exists: service names are global host names (${serviceName}.azure-api.net).`,
    );
  const name = existing?.name ?? serviceName;
  const id = serviceId({ subscription_id: subscription.id, resource_group: group.name, name });
  const { headers, completesAt } = startOperation(context, subscription.id, id);
  const row = {
    subscription_id: subscription.id,
    resource_group: group.name,
    name,
    location: input.location!,
    sku_name: input.sku!.name,
    sku_capacity: input.sku!.capacity,
    publisher_email: input.publisherEmail!,
    publisher_name: input.publisherName!,
    user_identity_client_ids: existing?.user_identity_client_ids ?? '[]',
    provisioning_state: existing ? 'Updating' : 'Creating',
    ready_at: completesAt,
    tags: JSON.stringify(input.tags ?? {}),
    ca_certificates: JSON.stringify(input.certificates ?? []),
    created_at: existing?.created_at || context.env.now().toISOString(),
  };
  upsertService(context.env.db, row);
  return json(existing ? 200 : 201, toServiceContract(row, context.caller.tenantId, context.env.origin, context.env.now().getTime()), headers);
};
