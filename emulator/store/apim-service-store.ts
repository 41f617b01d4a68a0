import { statement, type Db } from './database.ts';
import { cachedRead } from './read-cache.ts';

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
  return cachedRead(
    db,
    `service ${JSON.stringify([key.subscriptionId, key.resourceGroup, key.serviceName])}`,
    () =>
      statement(db, 'SELECT * FROM apim_services WHERE subscription_id = ? AND resource_group = ? AND name = ?').get(
        key.subscriptionId,
        key.resourceGroup,
        key.serviceName,
      ) as ServiceRow | undefined,
  );
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

/** Idempotent, for the demo seed: an existing service is kept as it is. */
export function insertService(db: Db, row: ServiceRow): void {
  statement(
    db,
    `INSERT OR IGNORE INTO apim_services (subscription_id, resource_group, name, location, sku_name, sku_capacity, publisher_email, publisher_name, user_identity_client_ids)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.subscription_id,
    row.resource_group,
    row.name,
    row.location,
    row.sku_name,
    row.sku_capacity,
    row.publisher_email,
    row.publisher_name,
    row.user_identity_client_ids,
  );
}

/** Every service with this name, in any subscription: Azure's names are global, the emulator's only per resource group. */
export function findServicesByName(db: Db, serviceName: string): ServiceRow[] {
  return statement(db, 'SELECT * FROM apim_services WHERE name = ? ORDER BY subscription_id, resource_group LIMIT 2').all(serviceName) as ServiceRow[];
}
