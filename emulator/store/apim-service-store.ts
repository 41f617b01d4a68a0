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
  /** Creating, Updating or Succeeded: the state the last write asked for, until `ready_at`. */
  provisioning_state?: string;
  /** Epoch milliseconds when the last create or update finishes (0: long done). */
  ready_at?: number;
  /** JSON object of the service's tags. */
  tags?: string;
  /** JSON array of the service's CA certificates (arm/apim-services/ca-certificates.ts). */
  ca_certificates?: string;
  created_at?: string;
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
    ['apim_services'],
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

/** PUT or PATCH: writes the whole row (the caller merged a PATCH already). */
export function upsertService(db: Db, row: Required<ServiceRow>): void {
  statement(
    db,
    `INSERT INTO apim_services (subscription_id, resource_group, name, location, sku_name, sku_capacity, publisher_email, publisher_name,
       user_identity_client_ids, provisioning_state, ready_at, tags, ca_certificates, created_at)
     VALUES (@subscription_id, @resource_group, @name, @location, @sku_name, @sku_capacity, @publisher_email, @publisher_name,
       @user_identity_client_ids, @provisioning_state, @ready_at, @tags, @ca_certificates, @created_at)
     ON CONFLICT (subscription_id, resource_group, name) DO UPDATE SET location = excluded.location, sku_name = excluded.sku_name,
       sku_capacity = excluded.sku_capacity, publisher_email = excluded.publisher_email, publisher_name = excluded.publisher_name,
       provisioning_state = excluded.provisioning_state, ready_at = excluded.ready_at, tags = excluded.tags, ca_certificates = excluded.ca_certificates`,
  ).run(row);
}

/** Deletes the service with its certificates and their references, in one transaction. */
export function deleteService(db: Db, key: ServiceKey): void {
  db.transaction(() => {
    for (const table of ['apim_certificate_references', 'apim_certificates', 'apim_tenant_access']) {
      statement(db, `DELETE FROM ${table} WHERE subscription_id = ? AND resource_group = ? AND service_name = ?`).run(
        key.subscriptionId,
        key.resourceGroup,
        key.serviceName,
      );
    }
    statement(db, 'DELETE FROM apim_services WHERE subscription_id = ? AND resource_group = ? AND name = ?').run(
      key.subscriptionId,
      key.resourceGroup,
      key.serviceName,
    );
  })();
}

/** Service names are global in Azure (they are host names): whether any service anywhere has this one, other than `except`. */
export function serviceNameTaken(db: Db, name: string, except?: ServiceKey): boolean {
  const rows = statement(db, 'SELECT subscription_id, resource_group FROM apim_services WHERE name = ? LIMIT 2').all(name) as Array<{
    subscription_id: string;
    resource_group: string;
  }>;
  return rows.some(
    (row) => !except || row.subscription_id !== except.subscriptionId || row.resource_group.toLowerCase() !== except.resourceGroup.toLowerCase(),
  );
}

/** For the demo seed: gives a service CA certificates if it has none yet (idempotent across restarts). */
export function setServiceCaCertificates(db: Db, key: ServiceKey, certificates: unknown[]): void {
  statement(db, "UPDATE apim_services SET ca_certificates = ? WHERE subscription_id = ? AND resource_group = ? AND name = ? AND ca_certificates = '[]'").run(
    JSON.stringify(certificates),
    key.subscriptionId,
    key.resourceGroup,
    key.serviceName,
  );
}
