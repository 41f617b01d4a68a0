import { createHash } from 'node:crypto';
import { userIdentityClientIds, type ServiceRow } from '../../store/apim-service-store.ts';
import { parseStoredCaCertificates, toCertificateConfiguration } from './ca-certificates.ts';

export function serviceId(row: Pick<ServiceRow, 'subscription_id' | 'resource_group' | 'name'>): string {
  return `/subscriptions/${row.subscription_id}/resourceGroups/${row.resource_group}/providers/Microsoft.ApiManagement/service/${row.name}`;
}

/** Stable per service, so the identity a Key Vault form offers stays the same across restarts. */
function systemPrincipalId(row: ServiceRow): string {
  const hex = createHash('sha1').update(serviceId(row).toLowerCase()).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Until `ready_at`, the state the last write started (Creating, Updating); then Succeeded. */
function provisioningState(row: ServiceRow, now: number): string {
  return row.ready_at && now < row.ready_at ? (row.provisioning_state ?? 'Succeeded') : 'Succeeded';
}

/**
 * The service's entity tag: a digest of everything it stores, so any write (a PATCH always moves `ready_at`) makes a
 * new one without a column of its own. Quoted, as ARM sends them.
 */
export function serviceEtag(row: ServiceRow): string {
  return `"${createHash('sha256').update(JSON.stringify(row)).digest('base64url').slice(0, 22)}"`;
}

/** `origin`: the emulator's, under which each service's direct management API is served (apim-direct/). */
export function toServiceContract(row: ServiceRow, tenantId: string, origin: string, now = Date.now()) {
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
    etag: serviceEtag(row),
    location: row.location,
    tags: JSON.parse(row.tags ?? '{}') as Record<string, string>,
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
      provisioningState: provisioningState(row, now),
      targetProvisioningState: '',
      ...(row.created_at ? { createdAtUtc: row.created_at } : {}),
      certificates: parseStoredCaCertificates(row.ca_certificates).map(toCertificateConfiguration),
      gatewayUrl: `https://${row.name.toLowerCase()}.azure-api.net`,
      managementApiUrl: `${origin}/apim-direct/${encodeURIComponent(row.name)}`,
      portalUrl: `https://${row.name.toLowerCase()}.portal.azure-api.net`,
      developerPortalUrl: `https://${row.name.toLowerCase()}.developer.azure-api.net`,
      platformVersion: 'stv2',
    },
  };
}
