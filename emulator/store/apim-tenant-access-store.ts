import { newEtag } from '../common/etag.ts';
import { statement, type Db } from './database.ts';
import type { ServiceKey } from './apim-service-store.ts';

/** A service's direct management API: whether it is on, the identifier tokens name, and the two signing keys. */
export interface TenantAccessRow {
  subscription_id: string;
  resource_group: string;
  service_name: string;
  identifier: string;
  primary_key: string;
  secondary_key: string;
  enabled: 0 | 1;
  etag: string;
}

export type AccessKeyKind = 'primary' | 'secondary';

export interface NewTenantAccess {
  identifier: string;
  primaryKey: string;
  secondaryKey: string;
  enabled: boolean;
}

export function getTenantAccess(db: Db, key: ServiceKey): TenantAccessRow | undefined {
  return statement(db, 'SELECT * FROM apim_tenant_access WHERE subscription_id = ? AND resource_group = ? AND service_name = ?').get(
    key.subscriptionId,
    key.resourceGroup,
    key.serviceName,
  ) as TenantAccessRow | undefined;
}

/** Creates the row once (a service made before this table existed has none); an existing row is kept as it is. */
export function ensureTenantAccess(db: Db, key: ServiceKey, initial: NewTenantAccess): TenantAccessRow {
  statement(
    db,
    `INSERT OR IGNORE INTO apim_tenant_access (subscription_id, resource_group, service_name, identifier, primary_key, secondary_key, enabled, etag)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    key.subscriptionId,
    key.resourceGroup,
    key.serviceName,
    initial.identifier,
    initial.primaryKey,
    initial.secondaryKey,
    initial.enabled ? 1 : 0,
    newEtag(),
  );
  return getTenantAccess(db, key)!;
}

export function setTenantAccessEnabled(db: Db, key: ServiceKey, enabled: boolean): TenantAccessRow {
  statement(db, 'UPDATE apim_tenant_access SET enabled = ?, etag = ? WHERE subscription_id = ? AND resource_group = ? AND service_name = ?').run(
    enabled ? 1 : 0,
    newEtag(),
    key.subscriptionId,
    key.resourceGroup,
    key.serviceName,
  );
  return getTenantAccess(db, key)!;
}

/** A new key: every token signed with the old one stops working at once. */
export function replaceAccessKey(db: Db, key: ServiceKey, kind: AccessKeyKind, value: string): TenantAccessRow {
  const column = kind === 'primary' ? 'primary_key' : 'secondary_key';
  statement(db, `UPDATE apim_tenant_access SET ${column} = ?, etag = ? WHERE subscription_id = ? AND resource_group = ? AND service_name = ?`).run(
    value,
    newEtag(),
    key.subscriptionId,
    key.resourceGroup,
    key.serviceName,
  );
  return getTenantAccess(db, key)!;
}
