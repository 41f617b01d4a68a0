/// <reference types="node" />
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { Agent, request as httpsRequest } from 'node:https';
import type { Db } from '../../store/database.ts';

/**
 * Runs a fast-check property of hostile requests against one emulator and checks, for every request: no 5xx,
 * no stored change when the request was refused (4xx), and /healthz answering within its budget while the
 * request runs. Seeded and bounded in runs and time; the seed and the number of runs are printed, so a failure
 * replays with `CERTPORTAL_FUZZ_SEED=<seed>`.
 */

export interface FuzzRequest {
  method: string;
  /** Path and query, already encoded. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface Reply {
  status: number;
  contentType: string;
  body: string;
}

/** /healthz must answer within this while any one hostile request runs: generous for a shared 2-core machine. */
export const HEALTHZ_BUDGET_MS = 2_000;

/** Tables an API request may change; oidc-provider's sessions and grants change on refused sign-ins by design. */
function domainTables(db: Db): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
    }[]
  )
    .map((row) => row.name)
    .filter((name) => name !== 'oidc_models');
}

/** A digest of every row of every domain table: equal before and after means nothing was stored. */
export function storeDigest(db: Db): string {
  const hash = createHash('sha256');
  for (const table of domainTables(db)) {
    hash.update(`\u0000${table}\u0000`);
    for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().iterate() as Iterable<unknown[]>) {
      for (const cell of row) hash.update(Buffer.isBuffer(cell) ? cell : `${typeof cell}:${String(cell)}\u0001`);
      hash.update('\u0002');
    }
  }
  return hash.digest('hex');
}

/** node:https, not fetch: fetch normalises paths and refuses some headers a hostile caller can send. */
export function sender(origin: string, ca: Buffer): { send(request: FuzzRequest): Promise<Reply | undefined>; close(): void } {
  const agent = new Agent({ keepAlive: true, maxSockets: 4, ca });
  const send = (request: FuzzRequest) =>
    new Promise<Reply | undefined>((done, fail) => {
      let req;
      try {
        const headers = { ...request.headers, ...(request.body ? { 'Content-Length': String(request.body.length) } : {}) };
        req = httpsRequest(`${origin}${request.path}`, { method: request.method, agent, headers, timeout: 30_000 }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            done({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', fail);
        });
      } catch {
        done(undefined); // node:https refused to send it (a character it will not put in a path or header): not a request
        return;
      }
      req.on('timeout', () => req.destroy(new Error(`no answer within 30 s to ${request.method} ${request.path.slice(0, 200)}`)));
      req.on('error', fail);
      req.end(request.body);
    });
  return { send, close: () => agent.destroy() };
}

export interface FuzzRun {
  name: string;
  db: Db;
  origin: string;
  ca: Buffer;
  /** The default number of runs; CERTPORTAL_FUZZ_RUNS overrides it. */
  runs: number;
  /** Stops early (a pass) when the time is up; CERTPORTAL_FUZZ_SECONDS overrides it. */
  seconds: number;
  /** Extra checks on a reply (the format of the service's errors). */
  check?(request: FuzzRequest, reply: Reply): void;
}

export const describe = (request: FuzzRequest) =>
  `${request.method} ${request.path.length > 160 ? `${request.path.slice(0, 160)}… (${request.path.length} chars)` : request.path}`;

/** Runs the property and throws fast-check's report on a failure. Returns how many requests were sent. */
export async function fuzz(run: FuzzRun, requests: fc.Arbitrary<FuzzRequest>): Promise<number> {
  const seed = Number(process.env.CERTPORTAL_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const numRuns = Number(process.env.CERTPORTAL_FUZZ_RUNS ?? run.runs);
  const seconds = Number(process.env.CERTPORTAL_FUZZ_SECONDS ?? run.seconds);
  const client = sender(run.origin, run.ca);
  const health = sender(run.origin, run.ca);
  let sent = 0;
  const statuses = new Map<string, number>();
  // Counterexamples print as one short line: a 5,000-character segment would bury the reason.
  const printable = requests.map((request) =>
    Object.assign(request, {
      [fc.toStringMethod]: () => `${describe(request)} [${Object.keys(request.headers).join(', ')}] body ${request.body?.length ?? 0} bytes`,
    }),
  );
  const property = fc.asyncProperty(printable, async (request) => {
    const before = storeDigest(run.db);
    const started = performance.now();
    const [reply, healthz] = await Promise.all([
      client.send(request),
      health.send({ method: 'GET', path: '/healthz', headers: {} }).then((r) => ({ status: r?.status, ms: performance.now() - started })),
    ]);
    fc.pre(reply !== undefined);
    sent++;
    const bucket = reply!.status < 400 ? `${Math.floor(reply!.status / 100)}xx` : String(reply!.status);
    statuses.set(bucket, (statuses.get(bucket) ?? 0) + 1);
    if (reply!.status >= 500) throw new Error(`${describe(request)} answered ${reply!.status}: ${reply!.body.slice(0, 500)}`);
    if (reply!.status >= 400 && storeDigest(run.db) !== before) throw new Error(`${describe(request)} answered ${reply!.status} but changed the store`);
    if (healthz.status !== 200 || healthz.ms > HEALTHZ_BUDGET_MS)
      throw new Error(`/healthz answered ${healthz.status} after ${healthz.ms.toFixed(0)} ms while ${describe(request)} ran`);
    run.check?.(request, reply!);
  });
  const started = performance.now();
  try {
    const details = await fc.check(property, { seed, numRuns, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false, endOnFailure: true });
    console.log(
      `fuzz ${run.name}: seed ${seed}, ${details.numRuns} of ${numRuns} runs (${sent} requests sent, ${details.numSkips} skipped) in ${((performance.now() - started) / 1000).toFixed(1)} s` +
        `${details.interrupted ? ` (stopped at the ${seconds} s limit)` : ''}; replay: CERTPORTAL_FUZZ_SEED=${seed}\n  answers: ${[...statuses]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([status, n]) => `${status} ×${n}`)
          .join(', ')}`,
    );
    if (details.failed) {
      const reason = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(
        `fuzz ${run.name} failed (seed ${seed}): ${reason.length > 2000 ? `${reason.slice(0, 1000)} … ${reason.slice(-1000)}` : reason}\n${fc.defaultReportMessage(details) ?? ''}`,
      );
    }
  } finally {
    client.close();
    health.close();
  }
  return sent;
}
