import { resolveResourceGroup } from '../resource-groups/resolve-resource-group.ts';
import { apimErrors } from '../apim-errors.ts';
import type { ArmContext } from '../arm-context.ts';
import { checkServiceName } from '../path-parameters.ts';
import { getService, type ServiceKey, type ServiceRow } from '../../store/apim-service-store.ts';

/**
 * The checks every operation under `.../service/{serviceName}` makes once the pipeline has checked the
 * api-version and the caller's role on the subscription, in ARM's order: the resource group, then the
 * service's own name and existence.
 */
export function resolveService(context: ArmContext): { service: ServiceRow; key: ServiceKey } {
  const { serviceName } = context.params;
  const { subscription, group } = resolveResourceGroup(context);
  checkServiceName(serviceName);
  const service = getService(context.env.db, { subscriptionId: subscription.id, resourceGroup: group.name, serviceName });
  if (!service) throw apimErrors.serviceNotFound(serviceName, group.name);
  return { service, key: { subscriptionId: service.subscription_id, resourceGroup: service.resource_group, serviceName: service.name } };
}
