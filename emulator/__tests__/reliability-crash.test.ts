import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_VERSION, certificatesPath, keyVaultBody, seededRandom, startChildEmulator, type ChildEmulator } from '../test-support/child-emulator.ts';

/**
 * Crash safety (issue 9, reliability 1).
 * Protection checked: a write is committed to SQLite (WAL, one transaction per PUT, the WAL fsynced before
 * the answer: store/durable-commits.ts) before the emulator answers 2xx, and the database file survives a
 * SIGKILL at any moment. The test
 * would fail if the emulator answered before committing (a write-behind cache, an async flush, an
 * in-memory store) or if a kill mid-write left the file corrupt.
 * Replay a run with CERTPORTAL_CRASH_SEED=<the logged seed>.
 */

const WRITES = 500;
const CONCURRENCY = 8;
const dir = mkdtempSync(join(tmpdir(), 'certportal-crash-'));
const running: ChildEmulator[] = [];

afterAll(async () => {
  for (const emulator of running) await emulator.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('crash safety', () => {
  it('SIGKILL during 500 certificate writes: every answered write is there after a restart, and the database is intact', async () => {
    const seed = Number(process.env.CERTPORTAL_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = seededRandom(seed);
    // The moment: after a random number of answered writes (between 50 and 450), plus a random 0–15 ms.
    const killAfterAnswers = 50 + Math.floor(random() * 400);
    const killDelayMs = Math.floor(random() * 16);
    console.log(`crash-safety seed ${seed}: SIGKILL after ${killAfterAnswers} answered writes + ${killDelayMs} ms`);

    const first = await startChildEmulator({ location: dir, demo: true });
    running.push(first);
    const token = await first.token();
    const collection = certificatesPath();
    const acknowledged = new Set<string>();
    const attempted = new Set<string>();
    let next = 0;
    let killed = false;
    let killing: Promise<void> | undefined;

    const worker = async () => {
      while (!killed && next < WRITES) {
        const id = `crash-${String(next++).padStart(3, '0')}`;
        attempted.add(id);
        try {
          const reply = await first.call(`${collection}/${id}?${API_VERSION}`, {
            method: 'PUT',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body: keyVaultBody(),
          });
          if (reply.status >= 200 && reply.status < 300) {
            acknowledged.add(id);
            if (acknowledged.size === killAfterAnswers && !killing) {
              killing = new Promise((done) => setTimeout(done, killDelayMs)).then(() => {
                killed = true;
                return first.kill();
              });
            }
          } else if (!killed) {
            throw new Error(`unexpected ${reply.status} for ${id} before the kill: ${reply.body}`);
          }
        } catch (error) {
          // After the kill, requests in flight fail (ECONNRESET / ECONNREFUSED): their outcome is unknown.
          if (!killed) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await killing;
    expect(killed, 'the process was killed while writes were still going on').toBe(true);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(killAfterAnswers);
    expect(acknowledged.size).toBeLessThan(WRITES);

    // The file as the crash left it (WAL included): SQLite's own consistency check.
    const db = new Database(join(dir, 'emulator.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();

    const second = await startChildEmulator({ location: dir });
    running.push(second);
    const again = await second.token();
    const filter = encodeURIComponent("startswith(name,'crash-')");
    const listed = await second.call(`${collection}?${API_VERSION}&$top=1000&$filter=${filter}`, { headers: { Authorization: `Bearer ${again}` } });
    expect(listed.status).toBe(200);
    const stored = new Set((JSON.parse(listed.body) as { value: Array<{ name: string }> }).value.map((c) => c.name));
    const lost = [...acknowledged].filter((id) => !stored.has(id));
    expect(lost, `writes answered 2xx but missing after the restart (seed ${seed})`).toEqual([]);
    // Nothing appears that was never sent.
    expect([...stored].filter((id) => !attempted.has(id))).toEqual([]);
    await second.stop();
  }, 120_000);
});
