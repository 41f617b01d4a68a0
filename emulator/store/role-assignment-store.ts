import type { Role } from '../common/roles.ts';
import { statement, type Db } from './database.ts';
import { cachedRead } from './read-cache.ts';

/** The caller's role on a subscription (Azure RBAC at subscription scope), or undefined for none. */
export function roleOn(db: Db, principalId: string, subscriptionId: string): Role | undefined {
  return cachedRead(
    db,
    `role ${JSON.stringify([principalId, subscriptionId])}`,
    () => {
      const row = statement(db, 'SELECT role FROM role_assignments WHERE principal_id = ? AND subscription_id = ? COLLATE NOCASE').get(
        principalId,
        subscriptionId,
      ) as { role: Role } | undefined;
      return row?.role;
    },
    ['role_assignments'],
  );
}

/** Idempotent, for the demo seed: an existing assignment is kept as it is. */
export function insertRoleAssignment(db: Db, principalId: string, subscriptionId: string, role: Role): void {
  statement(db, 'INSERT OR IGNORE INTO role_assignments (principal_id, subscription_id, role) VALUES (?, ?, ?)').run(principalId, subscriptionId, role);
}
