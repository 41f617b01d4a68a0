import { createHash } from 'node:crypto';
import { statement, type Db } from '../../store/database.ts';

export interface ServiceRow {
  subscription_id: string;
  resource_group: string;
  name: string;
  location: string;
  sku_name: string;
  sku_capacity: number;
  publisher_email: string;
  publisher_name: string;
  /** JSON array of the client ids of the service's user-assigned identities. */
  user_identity_client_ids: string;
}

export interface ServiceKey {
  subscriptionId: string;
  resourceGroup: string;
  serviceName: string;
}

export function getService(db: Db, key: ServiceKey): ServiceRow | undefined {
  return statement(db, 'SELECT * FROM apim_services WHERE subscription_id = ? AND resource_group = ? AND name = ?').get(
    key.subscriptionId,
    key.resourceGroup,
    key.serviceName,
  ) as ServiceRow | undefined;
}

export function listServices(db: Db, subscriptionId: string, resourceGroup?: string): ServiceRow[] {
  if (resourceGroup === undefined) {
    return statement(db, 'SELECT * FROM apim_services WHERE subscription_id = ? ORDER BY resource_group, name').all(subscriptionId) as ServiceRow[];
  }
  return statement(db, 'SELECT * FROM apim_services WHERE subscription_id = ? AND resource_group = ? ORDER BY name').all(
    subscriptionId,
    resourceGroup,
  ) as ServiceRow[];
}

export function userIdentityClientIds(row: ServiceRow): string[] {
  const parsed: unknown = JSON.parse(row.user_identity_client_ids);
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}

export function serviceId(row: Pick<ServiceRow, 'subscription_id' | 'resource_group' | 'name'>): string {
  return `/subscriptions/${row.subscription_id}/resourceGroups/${row.resource_group}/providers/Microsoft.ApiManagement/service/${row.name}`;
}

/** Stable per service, so the identity a Key Vault form offers stays the same across restarts. */
function systemPrincipalId(row: ServiceRow): string {
  const hex = createHash('sha1').update(serviceId(row).toLowerCase()).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function toServiceContract(row: ServiceRow, tenantId: string) {
  const userIds = userIdentityClientIds(row);
  const userAssignedIdentities = Object.fromEntries(
    userIds.map((clientId, index) => [
      `/subscriptions/${row.subscription_id}/resourceGroups/${row.resource_group}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${row.name}-identity-${index + 1}`,
      { principalId: clientId, clientId },
    ]),
  );
  return {
    id: serviceId(row),
    name: row.name,
    type: 'Microsoft.ApiManagement/service',
    location: row.location,
    sku: { name: row.sku_name, capacity: row.sku_capacity },
    identity: {
      type: userIds.length ? 'SystemAssigned, UserAssigned' : 'SystemAssigned',
      principalId: systemPrincipalId(row),
      tenantId,
      ...(userIds.length ? { userAssignedIdentities } : {}),
    },
    properties: {
      publisherEmail: row.publisher_email,
      publisherName: row.publisher_name,
      provisioningState: 'Succeeded',
      gatewayUrl: `https://${row.name.toLowerCase()}.azure-api.net`,
      managementApiUrl: `https://${row.name.toLowerCase()}.management.azure-api.net`,
      portalUrl: `https://${row.name.toLowerCase()}.portal.azure-api.net`,
      developerPortalUrl: `https://${row.name.toLowerCase()}.developer.azure-api.net`,
      platformVersion: 'stv2',
    },
  };
}
