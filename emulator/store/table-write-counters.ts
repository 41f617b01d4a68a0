import type { Db } from './database.ts';

const counters = new WeakMap<Db, Map<string, number>>();
const TABLE_NAME = /^[a-z_]+$/;

/**
 * How many rows of `tables` this connection has written, as one number that grows with every write to any of
 * them. TEMP triggers (this connection's only, nothing on disk, no migration) call back into JavaScript on every
 * insert, update and delete, whoever issues it: a store function, raw SQL in a test, a cascade. A write that is
 * rolled back still counts: a cache keyed on it only reads again. The triggers are made on the first call for
 * a table, which must come outside a transaction, or a rollback would take them away.
 */
export function writesTo(db: Db, tables: readonly string[]): number {
  let written = counters.get(db);
  if (!written) {
    const table = new Map<string, number>();
    db.function('certportal_table_written', { deterministic: false }, (name: unknown) => {
      if (typeof name === 'string') table.set(name, (table.get(name) ?? 0) + 1);
      return null;
    });
    counters.set(db, (written = table));
  }
  let sum = 0;
  for (const table of tables) {
    const count = written.get(table);
    if (count !== undefined) {
      sum += count;
      continue;
    }
    if (!TABLE_NAME.test(table)) throw new Error(`'${table}' is not a table name`);
    if (db.inTransaction) throw new Error(`Writes to ${table} are counted from outside a transaction first.`);
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      db.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS certportal_written_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table} BEGIN SELECT certportal_table_written('${table}'); END`,
      );
    }
    written.set(table, 0);
  }
  return sum;
}
