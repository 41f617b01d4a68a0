import { open, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { localChanges } from './data-version.ts';
import type { Db } from './database.ts';

/** Writes made outside a request (sign-in sessions, refresh tokens) reach the disk within this long. */
const BACKGROUND_SYNC_MS = 1000;

export interface DurableCommits {
  /** A count that changes whenever this connection writes a row (`total_changes()`): compare it before and after. */
  writes(): number;
  /** Resolves once every commit this connection made before the call is on disk; rejects if the disk refused. */
  onDisk(): Promise<void>;
  /** The count of writes() that the last completed fsync covers: for tests. */
  synced(): number;
  /** Stops the background sync after a last one. */
  close(): Promise<void>;
}

const inMemory: DurableCommits = { writes: () => 0, onDisk: () => Promise.resolve(), synced: () => 0, close: () => Promise.resolve() };

/**
 * A commit's fsync, off the event loop. With `synchronous = FULL`, SQLite fsyncs the WAL inside every commit, on
 * the thread that runs the emulator's requests: a slow disk stalled them all (p99 105 ms, stalls of ~320 ms in the
 * bench's mix without lists). Here the connection runs `synchronous = NORMAL`: a commit is in the OS's cache when
 * it returns, which a crash or SIGKILL of the process does not lose, but a power loss may (SQLite itself fsyncs
 * only at checkpoints). So the WAL is fdatasync-ed in libuv's thread pool, one sync shared by every caller whose
 * commits it covers, and the pipeline answers a request that wrote only once it has ended: a write answered 2xx
 * survives a power loss, as with FULL. What FULL gave and this does not: another request may read a write in
 * the few ms before its sync, and a power loss then loses it, though its writer got no answer; writes made
 * outside the pipeline (sign-in sessions, refresh tokens) are synced within BACKGROUND_SYNC_MS.
 */
export function durableCommits(db: Db, location: string | null, log: (line: string) => void): DurableCommits {
  if (!location) return inMemory;
  db.pragma('synchronous = NORMAL');
  const wal = `${db.name}-wal`;
  let opening: Promise<FileHandle | null> | null = null;
  let syncedWrites = localChanges(db);
  // Kept open: each step in the thread pool waits for a turn of a busy event loop, so a sync is one step.
  let walFile: FileHandle | null = null;

  const openWal = async (): Promise<FileHandle | null> => {
    let file: FileHandle;
    try {
      file = await open(wal, 'r+');
    } catch (error) {
      // No WAL yet: every commit is in the database file.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    // A WAL file this process has not synced before: its directory entry too, as SQLite does the first
    // time it syncs a file it created.
    const directory = await open(dirname(wal), 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
    return file;
  };

  const syncNow = async (writes: number): Promise<void> => {
    walFile ??= await (opening ??= openWal().finally(() => (opening = null)));
    // fdatasync: the WAL's bytes and what it takes to read them back (its size), as SQLite's own WAL sync.
    await walFile?.datasync();
    syncedWrites = Math.max(syncedWrites, writes);
  };

  // The last fsync started, and this connection's writes when it started: it covers every commit made before.
  let latest: { writes: number; done: Promise<void> } | null = null;

  const onDisk = (): Promise<void> => {
    const writes = localChanges(db);
    if (latest?.writes === writes) return latest.done;
    // Not waiting for an fsync in flight to end: one that starts now covers the caller's commit sooner.
    const done = syncNow(writes);
    latest = { writes, done };
    return done;
  };

  const background = setInterval(() => {
    if (!db.open) return;
    if (localChanges(db) !== syncedWrites) onDisk().catch((error: unknown) => log(`fsync of ${wal} failed: ${String(error)}`));
    // SQLite keeps the WAL file while a connection is open; should it ever be replaced, the new one is opened.
    else if (walFile) void checkWalFile(walFile);
  }, BACKGROUND_SYNC_MS);
  background.unref();

  const checkWalFile = async (file: FileHandle): Promise<void> => {
    try {
      const [held, current] = await Promise.all([file.stat(), stat(wal)]);
      if (held.ino === current.ino) return;
    } catch {
      // Gone: opened again (or found missing) on the next sync.
    }
    if (walFile === file) walFile = null;
    await file.close().catch(() => undefined);
  };

  return {
    writes: () => localChanges(db),
    onDisk,
    synced: () => syncedWrites,
    async close() {
      clearInterval(background);
      await latest?.done.catch(() => undefined);
      await walFile?.close();
      walFile = null;
    },
  };
}
