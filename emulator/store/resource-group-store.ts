import { statement, type Db } from './database.ts';
import { cachedRead } from './read-cache.ts';

export interface ResourceGroupRow {
  subscription_id: string;
  name: string;
  location: string;
}

export function listResourceGroups(db: Db, subscriptionId: string): ResourceGroupRow[] {
  return statement(db, 'SELECT * FROM resource_groups WHERE subscription_id = ? ORDER BY name').all(subscriptionId) as ResourceGroupRow[];
}

export function getResourceGroup(db: Db, subscriptionId: string, name: string): ResourceGroupRow | undefined {
  return cachedRead(
    db,
    `resource group ${JSON.stringify([subscriptionId, name])}`,
    () => statement(db, 'SELECT * FROM resource_groups WHERE subscription_id = ? AND name = ?').get(subscriptionId, name) as ResourceGroupRow | undefined,
  );
}

/** Idempotent, for the demo seed: an existing group is kept as it is. */
export function insertResourceGroup(db: Db, row: ResourceGroupRow): void {
  statement(db, 'INSERT OR IGNORE INTO resource_groups (subscription_id, name, location) VALUES (?, ?, ?)').run(row.subscription_id, row.name, row.location);
}
