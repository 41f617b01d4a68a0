/// <reference types="node" />
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { join } from 'node:path';
import { openDatabase, type Db } from './database.ts';

/**
 * The state folder holds the identity provider's signing key (in the database), sign-in sessions and the TLS
 * key: any local user who can read them can mint Owner tokens. So the folder is 0700 and the files 0600, and a
 * folder made by an older emulator (0755 / 0644) is tightened on start, with a line in the log saying so.
 */

type Log = (line: string) => void;

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(4, '0');

function tighten(path: string, wanted: number, log: Log): void {
  const mode = statSync(path).mode & 0o777;
  if ((mode & ~wanted) === 0) return;
  chmodSync(path, wanted);
  log(`tightened ${path} from ${octal(mode)} to ${octal(wanted)}: it holds secrets`);
}

/** Creates `dir` (0700) or tightens it. */
export function privateDirectory(dir: string, log: Log): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  tighten(dir, 0o700, log);
}

/** Tightens `path` to 0600 if it exists. */
export function privateFile(path: string, log: Log): void {
  if (existsSync(path)) tighten(path, 0o600, log);
}

/**
 * Runs `open` with umask 077, so whatever it creates (the database, and SQLite's -wal and -shm, which it
 * creates later with the database file's mode) is private from its first byte, not chmod-ed after the fact.
 * Worker threads may not change the umask; the emulator opens its database on the main thread.
 */
function withPrivateUmask<T>(open: () => T): T {
  if (!isMainThread) return open();
  const previous = process.umask(0o077);
  try {
    return open();
  } finally {
    process.umask(previous);
  }
}

const DATABASE_FILES = ['emulator.db', 'emulator.db-wal', 'emulator.db-shm'];

/** The emulator's database under `location` (0700), its files 0600; in memory when `location` is null. */
export function openPrivateDatabase(location: string | null, log: Log): Db {
  if (!location) return openDatabase(null);
  privateDirectory(location, log);
  // Before opening: SQLite gives a new -wal/-shm the database file's mode, so a 0644 database must go first.
  for (const file of DATABASE_FILES) privateFile(join(location, file), log);
  const db = withPrivateUmask(() => openDatabase(location));
  for (const file of DATABASE_FILES) privateFile(join(location, file), log);
  return db;
}
