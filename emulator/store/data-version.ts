import type { Db, Statement } from './database.ts';

const probes = new WeakMap<Db, { changes: Statement; others: Statement }>();

function probesOf(db: Db): { changes: Statement; others: Statement } {
  let probe = probes.get(db);
  if (!probe) {
    probe = { changes: db.prepare('SELECT total_changes()').pluck(), others: db.prepare('PRAGMA data_version').pluck() };
    probes.set(db, probe);
  }
  return probe;
}

/** `total_changes()`: every row this connection has inserted, updated or deleted, committed or not. */
export function localChanges(db: Db): number {
  return probesOf(db).changes.get() as number;
}

const probedThisTurn = new Map<Db, number>();
let forgetting = false;

/**
 * `PRAGMA data_version`, which changes when another connection commits. The probe starts a read transaction
 * (a few µs and two fcntl calls, the price of a small query), so it is made once per turn of the event loop
 * and request, not once per lookup: each request begins with forgetOtherConnectionsVersion, so it sees every
 * commit made before it began; any other caller sees one from the next turn on.
 */
export function otherConnectionsVersion(db: Db): number {
  let version = probedThisTurn.get(db);
  if (version === undefined) {
    probedThisTurn.set(db, (version = probesOf(db).others.get() as number));
    if (!forgetting) {
      forgetting = true;
      setImmediate(() => {
        forgetting = false;
        probedThisTurn.clear();
      });
    }
  }
  return version;
}

/** For the pipeline, as a request begins: its lookups probe other connections' commits afresh. */
export function forgetOtherConnectionsVersion(): void {
  probedThisTurn.clear();
}
