import type { Db } from '../store/database.ts';
import { findServicesByName, type ServiceKey, type ServiceRow } from '../store/apim-service-store.ts';
import { legacyErrors } from './legacy-errors.ts';

/** The API Management service a `/apim-direct/{serviceName}/…` request is for. */
export function directService(db: Db, serviceName: string): { service: ServiceRow; key: ServiceKey } {
  const found = findServicesByName(db, serviceName);
  if (found.length === 0) throw legacyErrors.serviceNotFound(serviceName);
  if (found.length > 1) throw legacyErrors.ambiguousService(serviceName);
  const [service] = found;
  return { service, key: { subscriptionId: service.subscription_id, resourceGroup: service.resource_group, serviceName: service.name } };
}
