import type { Db, Statement } from './database.ts';

const probes = new WeakMap<Db, { changes: Statement; others: Statement }>();

/**
 * A value that changes whenever the database may have changed: `total_changes()` counts every row this
 * connection has inserted, updated or deleted (whichever store, route or service wrote it, committed or
 * not), and `PRAGMA data_version` changes when another connection commits. Caches keyed by it need no
 * invalidation hook in any writer, so a writer added later is covered too.
 */
export function dataVersion(db: Db): string {
  let probe = probes.get(db);
  if (!probe) {
    probe = { changes: db.prepare('SELECT total_changes()').pluck(), others: db.prepare('PRAGMA data_version').pluck() };
    probes.set(db, probe);
  }
  return `${probe.changes.get() as number}.${probe.others.get() as number}`;
}
