import { statement, type Db } from './database.ts';

/** A long-running ARM operation: in progress until `completes_at` (epoch ms), then Succeeded. */
export interface ArmOperationRow {
  id: string;
  subscription_id: string;
  resource_id: string;
  started_at: number;
  completes_at: number;
}

export function insertOperation(db: Db, row: ArmOperationRow): void {
  statement(
    db,
    'INSERT INTO arm_operations (id, subscription_id, resource_id, started_at, completes_at) VALUES (@id, @subscription_id, @resource_id, @started_at, @completes_at)',
  ).run(row);
  // Bounded: an operation's status is worth keeping for a day, as ARM keeps it for a while and then forgets.
  statement(db, 'DELETE FROM arm_operations WHERE completes_at < ?').run(row.started_at - 86_400_000);
}

export function getOperation(db: Db, subscriptionId: string, id: string): ArmOperationRow | undefined {
  return statement(db, 'SELECT * FROM arm_operations WHERE subscription_id = ? AND id = ?').get(subscriptionId, id) as ArmOperationRow | undefined;
}
