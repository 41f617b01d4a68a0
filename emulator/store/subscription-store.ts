import { statement, type Db } from './database.ts';
import { cachedRead } from './read-cache.ts';

export interface SubscriptionRow {
  id: string;
  display_name: string;
  state: 'Enabled' | 'Warned' | 'PastDue' | 'Disabled' | 'Deleted';
  tenant_id: string;
}

export function getSubscription(db: Db, subscriptionId: string): SubscriptionRow | undefined {
  return cachedRead(
    db,
    `subscription ${subscriptionId}`,
    () => statement(db, 'SELECT * FROM subscriptions WHERE id = ? COLLATE NOCASE').get(subscriptionId) as SubscriptionRow | undefined,
    ['subscriptions'],
  );
}

/** The subscriptions the principal holds any role on (role_assignments), by display name. */
export function subscriptionsVisibleTo(db: Db, principalId: string): SubscriptionRow[] {
  return statement(
    db,
    `SELECT s.* FROM subscriptions s JOIN role_assignments r ON r.subscription_id = s.id
       WHERE r.principal_id = ? ORDER BY s.display_name`,
  ).all(principalId) as SubscriptionRow[];
}

/** Idempotent, for the demo seed: an existing subscription is kept as it is. */
export function insertSubscription(db: Db, row: SubscriptionRow): void {
  statement(db, 'INSERT OR IGNORE INTO subscriptions (id, display_name, state, tenant_id) VALUES (?, ?, ?, ?)').run(
    row.id,
    row.display_name,
    row.state,
    row.tenant_id,
  );
}
