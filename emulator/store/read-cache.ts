import { otherConnectionsVersion } from './data-version.ts';
import type { Db } from './database.ts';
import { writesTo } from './table-write-counters.ts';

/** Enough for every subscription, role, group and service a test or demo holds; past it the cache starts over. */
const MAX_ENTRIES = 10_000;

interface Entry {
  value: unknown;
  tables: readonly string[];
  /** This connection's writes to `tables` when the value was read. */
  local: number;
  /** Other connections' commits when the value was read. */
  others: number;
}

const caches = new WeakMap<Db, Map<string, Entry>>();

const current = (db: Db, entry: Entry) => entry.local === writesTo(db, entry.tables) && entry.others === otherConnectionsVersion(db);

/**
 * The result of a read, kept until it may have changed: until this connection writes a row of one of
 * `tables` (table-write-counters.ts) or another connection commits anything (otherConnectionsVersion). So a certificate write leaves the subscription, role, group and
 * service lookups every request repeats in place. `key` must name the read and all its inputs, and always go
 * with the same `tables`; the value is shared, so it is frozen. Inside a transaction nothing is kept or
 * served: a value read there may be rolled back, and a rollback does not change the counts.
 */
export function cachedRead<T>(db: Db, key: string, read: () => T, tables: readonly string[]): T {
  if (db.inTransaction) return read();
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const local = writesTo(db, tables);
  const others = otherConnectionsVersion(db);
  const hit = cache.get(key);
  if (hit && hit.local === local && hit.others === others) return hit.value as T;
  const value = read();
  if (value !== null && typeof value === 'object') Object.freeze(value);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, { value, tables, local, others });
  return value;
}

/** How many reads the cache of this database would serve now: for tests that prove a write drops them. */
export function cachedReadCount(db: Db): number {
  const cache = caches.get(db);
  if (!cache) return 0;
  let count = 0;
  for (const entry of cache.values()) if (current(db, entry)) count++;
  return count;
}
