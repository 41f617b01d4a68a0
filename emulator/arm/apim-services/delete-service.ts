import { armErrors } from '../../common/arm-error.ts';
import { authorizedSubscription } from '../../common/operation.ts';
import { checkResourceGroupName, checkServiceName } from '../path-parameters.ts';
import { getResourceGroup } from '../../store/resource-group-store.ts';
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
  const { resourceGroupName, serviceName } = context.params;
  const subscription = authorizedSubscription(context);
  checkResourceGroupName(resourceGroupName);
  const group = getResourceGroup(context.env.db, subscription.id, resourceGroupName);
  if (!group) throw armErrors.resourceGroupNotFound(resourceGroupName);
  checkServiceName(serviceName);
  const service = getService(context.env.db, { subscriptionId: subscription.id, resourceGroup: group.name, serviceName });
  if (!service) return { status: 204 };
  const { headers } = startOperation(context, subscription.id, serviceId(service));
  // The spec answers the 202 with the resource as it goes: provisioningState Deleting.
  const deleting = toServiceContract(service, context.caller.tenantId, context.env.origin, context.env.now().getTime());
  removeService(context.env.db, { subscriptionId: service.subscription_id, resourceGroup: service.resource_group, serviceName: service.name });
  return json(202, { ...deleting, properties: { ...deleting.properties, provisioningState: 'Deleting' } }, headers);
};
