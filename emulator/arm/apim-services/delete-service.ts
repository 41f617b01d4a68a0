import { resolveResourceGroup } from '../resource-groups/resolve-resource-group.ts';
import { checkServiceName } from '../path-parameters.ts';
import { deleteService as removeService, getService } from '../../store/apim-service-store.ts';
import { startOperation } from '../operations/long-running.ts';
import { serviceId, toServiceContract } from './service-contract.ts';
import { json, type ArmOperation } from '../arm-context.ts';

/**
 * DELETE a service with its certificates: 202 with the service (Deleting), `Azure-AsyncOperation` and
 * `Location` (the operation runs for the provisioning delay), or 204 when there was no such service. The service is
 * gone from reads at once.
 */
export const deleteService: ArmOperation = (context) => {
  const { serviceName } = context.params;
  const { subscription, group } = resolveResourceGroup(context);
  checkServiceName(serviceName);
  const service = getService(context.env.db, { subscriptionId: subscription.id, resourceGroup: group.name, serviceName });
  if (!service) return { status: 204 };
  const { headers } = startOperation(context, subscription.id, serviceId(service));
  // The spec answers the 202 with the resource as it goes: provisioningState Deleting.
  const deleting = toServiceContract(service, context.caller.tenantId, context.env.origin, context.env.now().getTime());
  removeService(context.env.db, { subscriptionId: service.subscription_id, resourceGroup: service.resource_group, serviceName: service.name });
  return json(202, { ...deleting, properties: { ...deleting.properties, provisioningState: 'Deleting' } }, headers);
};
