/// <reference types="node" />
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request as httpsRequest } from 'node:https';
import { API_VERSION, certificatesPath, startChildEmulator, type ChildEmulator } from '../emulator/test-support/child-emulator.ts';
import { withKeyBags } from '../emulator/test-support/pkcs12-key-bags.ts';
import { processCpuMs } from './emulator-workload-bench.ts';

/**
 * Section `Hostile`: the requests issue 13 found expensive, each sent alone over node:https to an emulator in
 * its own process, with the server's CPU time (utime + stime of the whole process, worker threads included) and
 * the wall time; then /healthz p99 while four of them run at once, over and over.
 */

export interface HostileFigure {
  name: string;
  status: number;
  /** The first bytes of the answer: what the caller was told. */
  answer: string;
  wallMs: number;
  serverCpuMs: number;
  requestBytes: number;
}

export interface HealthzFigures {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface HostileBench {
  requests: HostileFigure[];
  healthz: HealthzFigures & { hostileSent: number; idle: HealthzFigures };
}

const HEALTHZ_SECONDS = 8;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** `name eq '000' or name eq '001' or …`, the 13 KB-URL filter at `terms` terms. */
export const orFilter = (terms: number) => Array.from({ length: terms }, (_, i) => `name eq '${String(i).padStart(3, '0')}'`).join(' or ');
export const nestedNot = (depth: number) => `${'not ('.repeat(depth)}name eq 'a'${')'.repeat(depth)}`;

function sixtyBagPfx(): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'certportal-bench-pfx-'));
  try {
    const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'k.pem');
    run('req', '-x509', '-new', '-key', 'k.pem', '-subj', '/CN=hostile.contoso.com', '-days', '30', '-sha256', '-out', 'c.pem');
    run(
      'pkcs12',
      '-export',
      '-inkey',
      'k.pem',
      '-in',
      'c.pem',
      '-passout',
      'pass:pw',
      '-keypbe',
      'AES-256-CBC',
      '-certpbe',
      'NONE',
      '-iter',
      '1000000',
      '-out',
      'h.pfx',
    );
    return withKeyBags(readFileSync(join(dir, 'h.pfx')), 60);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchHostile(log: (line: string) => void): Promise<HostileBench> {
  const location = mkdtempSync(join(tmpdir(), 'certportal-bench-hostile-'));
  let emulator: ChildEmulator | undefined;
  try {
    emulator = await startChildEmulator({ location, demo: true });
    const server = emulator;
    const auth = { Authorization: `Bearer ${await server.token()}` };
    const list = certificatesPath();
    const pfx = sixtyBagPfx();
    const pfxBody = JSON.stringify({ properties: { data: pfx.toString('base64'), password: 'pw' } });
    const hostile: Record<string, () => Promise<{ status: number; body: string; bytes: number }>> = {
      '850-term or filter': async () => {
        const path = `${list}?${API_VERSION}&$filter=${encodeURIComponent(orFilter(850))}`;
        const reply = await server.call(path, { headers: auth });
        return { status: reply.status, body: reply.body, bytes: path.length };
      },
      // The most a filter may hold (100 comparisons): answered, so this is what the compiler and SQL cost.
      '100-term or filter (the limit)': async () => {
        const path = `${list}?${API_VERSION}&$filter=${encodeURIComponent(orFilter(100))}`;
        const reply = await server.call(path, { headers: auth });
        return { status: reply.status, body: reply.body, bytes: path.length };
      },
      '1,000 nested not': async () => {
        const path = `${list}?${API_VERSION}&$filter=${encodeURIComponent(nestedNot(1000))}`;
        const reply = await server.call(path, { headers: auth });
        return { status: reply.status, body: reply.body, bytes: path.length };
      },
      '60-bag PFX upload': async () => {
        const reply = await server.call(`${list}/hostile-sixty?${API_VERSION}`, {
          method: 'PUT',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body: pfxBody,
        });
        return { status: reply.status, body: reply.body, bytes: pfxBody.length };
      },
    };
    await server.call('/healthz');
    const requests: HostileFigure[] = [];
    for (const [name, send] of Object.entries(hostile)) {
      await send(); // warm-up: the PFX pool's thread, the filter cache
      const cpuBefore = processCpuMs(server.pid);
      const started = performance.now();
      const reply = await send();
      const wallMs = performance.now() - started;
      const serverCpuMs = processCpuMs(server.pid) - cpuBefore;
      const answer = reply.body.replace(/\s+/g, ' ').slice(0, 160) || '(empty body)';
      requests.push({ name, status: reply.status, answer, wallMs: Math.round(wallMs), serverCpuMs: Math.round(serverCpuMs), requestBytes: reply.bytes });
      log(`  ${name} (${reply.bytes} bytes): ${reply.status} in ${wallMs.toFixed(0)} ms, server CPU ${serverCpuMs.toFixed(0)} ms: ${answer}`);
    }

    // /healthz, one after another: first idle (this machine's baseline), then while four hostile requests run at all times.
    const senders = Object.values(hostile);
    // Its own kept-alive connection: the 431s close theirs, and a probe waiting for a new TLS handshake measures the client.
    const probe = new Agent({ keepAlive: true, maxSockets: 1, ca: server.ca });
    const healthzOnce = () =>
      new Promise<number>((done, fail) => {
        const req = httpsRequest(`${server.url}healthz`, { agent: probe }, (res) => {
          res.resume();
          res.on('end', () => done(res.statusCode ?? 0));
        });
        req.on('error', fail);
        req.end();
      });
    const sample = async (until: number) => {
      const samples: number[] = [];
      while (performance.now() < until) {
        const started = performance.now();
        if ((await healthzOnce()) === 200) samples.push(performance.now() - started);
        await new Promise((done) => setTimeout(done, 10));
      }
      const sorted = samples.sort((a, b) => a - b);
      const round = (ms: number) => Math.round(ms * 10) / 10;
      return { samples: sorted.length, p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)), maxMs: round(sorted[sorted.length - 1]) };
    };
    await healthzOnce();
    const idle = await sample(performance.now() + 3000);
    log(`  /healthz idle (${idle.samples} samples): p50 ${idle.p50Ms} ms, p99 ${idle.p99Ms} ms, max ${idle.maxMs} ms`);
    const deadline = performance.now() + HEALTHZ_SECONDS * 1000;
    let hostileSent = 0;
    const attackers = [0, 1, 2, 3].map(async (i) => {
      while (performance.now() < deadline) {
        await senders[i % senders.length]();
        hostileSent++;
      }
    });
    const loaded = await sample(deadline);
    await Promise.all(attackers);
    probe.destroy();
    const healthz = { ...loaded, hostileSent, idle };
    log(`  /healthz under four hostile requests at a time (${hostileSent} sent): p50 ${healthz.p50Ms} ms, p99 ${healthz.p99Ms} ms, max ${healthz.maxMs} ms`);
    return { requests, healthz };
  } finally {
    await emulator?.stop();
    rmSync(location, { recursive: true, force: true });
  }
}
