import { dataVersion } from './data-version.ts';
import type { Db } from './database.ts';

/** Enough for every subscription, role, group and service a test or demo holds; past it the cache starts over. */
const MAX_ENTRIES = 10_000;

interface ReadCache {
  version: string;
  entries: Map<string, { value: unknown }>;
}

const caches = new WeakMap<Db, ReadCache>();

/**
 * The result of a read, kept until the next write to the database (see dataVersion): the lookups every
 * request repeats (subscription, role, resource group, service) cost one version probe instead of one
 * query each. `key` must name the read and all its inputs; the value is shared, so it is frozen.
 */
export function cachedRead<T>(db: Db, key: string, read: () => T): T {
  const version = dataVersion(db);
  let cache = caches.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, entries: new Map() };
    caches.set(db, cache);
  }
  const hit = cache.entries.get(key);
  if (hit) return hit.value as T;
  const value = read();
  if (value !== null && typeof value === 'object') Object.freeze(value);
  if (cache.entries.size >= MAX_ENTRIES) cache.entries.clear();
  cache.entries.set(key, { value });
  return value;
}

/** How many reads the cache of this database holds now: for tests that prove a write empties it. */
export function cachedReadCount(db: Db): number {
  const cache = caches.get(db);
  return cache && cache.version === dataVersion(db) ? cache.entries.size : 0;
}
