import { ACCESS_IDENTIFIER, newAccessKey } from '../../common/shared-access-signature.ts';
import { ensureTenantAccess, type TenantAccessRow } from '../../store/apim-tenant-access-store.ts';
import type { ServiceKey, ServiceRow } from '../../store/apim-service-store.ts';
import { apimErrors } from '../apim-errors.ts';
import { resolveService } from '../apim-services/resolve-service.ts';
import type { ArmContext } from '../arm-context.ts';
import { ArmError } from '../../common/arm-error.ts';

export interface AccessTarget {
  service: ServiceRow;
  key: ServiceKey;
  access: TenantAccessRow;
}

/**
 * `.../service/{serviceName}/tenant/{accessName}`: only `access` (the direct management API) is emulated.
 * A service gets its keys the first time anyone asks, with the API off, as a new service in Azure has it.
 */
export function tenantAccess(context: ArmContext): AccessTarget {
  const { service, key } = resolveService(context);
  const { accessName } = context.params;
  if (accessName !== 'access') {
    if (accessName === 'gitAccess')
      throw new ArmError(404, 'ResourceNotFound', `The Git configuration repository (tenant/gitAccess) of service '${service.name}' is not emulated.`);
    throw apimErrors.validation('accessName', `The access name '${accessName}' is not one of access, gitAccess.`);
  }
  const access = ensureTenantAccess(context.env.db, key, {
    identifier: ACCESS_IDENTIFIER,
    primaryKey: newAccessKey(),
    secondaryKey: newAccessKey(),
    enabled: false,
  });
  return { service, key, access };
}

/** AccessInformationContract: never the keys, which only listSecrets returns. */
export function toAccessContract(target: AccessTarget) {
  const { service, access } = target;
  return {
    id: `/subscriptions/${service.subscription_id}/resourceGroups/${service.resource_group}/providers/Microsoft.ApiManagement/service/${service.name}/tenant/access`,
    type: 'Microsoft.ApiManagement/service/tenant',
    name: 'access',
    properties: { id: access.identifier, principalId: access.identifier, enabled: access.enabled === 1 },
  };
}
