import { armErrors } from '../../common/arm-error.ts';
import { apimErrors } from '../apim-errors.ts';
import { requireApiVersion } from '../api-versions.ts';
import type { ArmContext } from '../arm-context.ts';
import { authorize } from '../authorize.ts';
import { checkResourceGroupName, checkServiceName } from '../path-parameters.ts';
import { getResourceGroup } from '../../store/resource-group-store.ts';
import { getService, type ServiceKey, type ServiceRow } from '../../store/apim-service-store.ts';

/**
 * The checks every operation under `.../service/{serviceName}` makes, in ARM's order: api-version, then the
 * subscription and the caller's role on it, then the resource group, then the service's own name and existence.
 */
export function resolveService(context: ArmContext, action: string, scopeSuffix = ''): { service: ServiceRow; key: ServiceKey } {
  requireApiVersion(context.request.query, 'apiManagement', scopeSuffix.startsWith('/certificates') ? 'service/certificates' : 'service');
  const { subscriptionId, resourceGroupName, serviceName } = context.params;
  const scope = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/Microsoft.ApiManagement/service/${serviceName}${scopeSuffix}`;
  const subscription = authorize(context, subscriptionId, action, scope);
  checkResourceGroupName(resourceGroupName);
  const group = getResourceGroup(context.env.db, subscription.id, resourceGroupName);
  if (!group) throw armErrors.resourceGroupNotFound(resourceGroupName);
  checkServiceName(serviceName);
  const service = getService(context.env.db, { subscriptionId: subscription.id, resourceGroup: group.name, serviceName });
  if (!service) throw apimErrors.serviceNotFound(serviceName, group.name);
  return { service, key: { subscriptionId: service.subscription_id, resourceGroup: service.resource_group, serviceName: service.name } };
}
