import { statement, type Db } from './database.ts';
import { cachedRead } from './read-cache.ts';

export interface ResourceGroupRow {
  subscription_id: string;
  name: string;
  location: string;
  /** JSON object of the group's tags. */
  tags?: string;
}

export function listResourceGroups(db: Db, subscriptionId: string): ResourceGroupRow[] {
  return statement(db, 'SELECT * FROM resource_groups WHERE subscription_id = ? ORDER BY name').all(subscriptionId) as ResourceGroupRow[];
}

export function getResourceGroup(db: Db, subscriptionId: string, name: string): ResourceGroupRow | undefined {
  return cachedRead(
    db,
    `resource group ${JSON.stringify([subscriptionId, name])}`,
    () => statement(db, 'SELECT * FROM resource_groups WHERE subscription_id = ? AND name = ?').get(subscriptionId, name) as ResourceGroupRow | undefined,
    ['resource_groups'],
  );
}

/** Idempotent, for the demo seed: an existing group is kept as it is. */
export function insertResourceGroup(db: Db, row: ResourceGroupRow): void {
  statement(db, 'INSERT OR IGNORE INTO resource_groups (subscription_id, name, location) VALUES (?, ?, ?)').run(row.subscription_id, row.name, row.location);
}

/** PUT: creates the group, or replaces its tags (ARM keeps a group's location once made). Returns whether it was new. */
export function putResourceGroup(db: Db, row: ResourceGroupRow): boolean {
  const existing = getResourceGroup(db, row.subscription_id, row.name);
  if (existing) {
    statement(db, 'UPDATE resource_groups SET tags = ? WHERE subscription_id = ? AND name = ?').run(row.tags ?? '{}', row.subscription_id, existing.name);
    return false;
  }
  statement(db, 'INSERT INTO resource_groups (subscription_id, name, location, tags) VALUES (?, ?, ?, ?)').run(
    row.subscription_id,
    row.name,
    row.location,
    row.tags ?? '{}',
  );
  return true;
}

/** Deletes the group and everything in it (its services, their certificates and references), in one transaction. */
export function deleteResourceGroup(db: Db, subscriptionId: string, name: string): void {
  db.transaction(() => {
    for (const table of ['apim_certificate_references', 'apim_certificates', 'apim_tenant_access']) {
      statement(db, `DELETE FROM ${table} WHERE subscription_id = ? AND resource_group = ?`).run(subscriptionId, name);
    }
    statement(db, 'DELETE FROM apim_services WHERE subscription_id = ? AND resource_group = ?').run(subscriptionId, name);
    statement(db, 'DELETE FROM resource_groups WHERE subscription_id = ? AND name = ?').run(subscriptionId, name);
  })();
}
