import { statement, type Db } from '../store/database.ts';

export type Role = 'Owner' | 'Contributor' | 'Reader';

export interface SubscriptionRow {
  id: string;
  display_name: string;
  state: 'Enabled' | 'Warned' | 'PastDue' | 'Disabled' | 'Deleted';
  tenant_id: string;
}

export function getSubscription(db: Db, subscriptionId: string): SubscriptionRow | undefined {
  return statement(db, 'SELECT * FROM subscriptions WHERE id = ? COLLATE NOCASE').get(subscriptionId) as SubscriptionRow | undefined;
}

/** The caller's role on a subscription (Azure RBAC at subscription scope), or undefined for none. */
export function roleOn(db: Db, principalId: string, subscriptionId: string): Role | undefined {
  const row = statement(db, 'SELECT role FROM role_assignments WHERE principal_id = ? AND subscription_id = ? COLLATE NOCASE').get(
    principalId,
    subscriptionId,
  ) as { role: Role } | undefined;
  return row?.role;
}

export const canWrite = (role: Role | undefined): boolean => role === 'Owner' || role === 'Contributor';

export function subscriptionsVisibleTo(db: Db, principalId: string): SubscriptionRow[] {
  return statement(
    db,
    `SELECT s.* FROM subscriptions s JOIN role_assignments r ON r.subscription_id = s.id
       WHERE r.principal_id = ? ORDER BY s.display_name`,
  ).all(principalId) as SubscriptionRow[];
}
