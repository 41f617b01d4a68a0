/// <reference types="node" />
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_VERSION, certificatesPath, DEMO_APIM, keyVaultBody, seededRandom, startChildEmulator } from '../emulator/test-support/child-emulator.ts';
import { BENCH_SERVICES, seedBenchCertificates, serviceRef } from './seed.ts';
import { listQueries, pointIds } from './workload.ts';
import { processCpuMs } from './emulator-workload-bench.ts';
import { readLargestProfile, topSelfTime, topTotalTime } from './cpu-profile-summary.ts';

/**
 * `npx tsx bench/profile-workload.ts <list|point|mix|writes> [seconds] [--no-profile]`: one workload of the emulator
 * bench against an emulator run with `node --cpu-prof` (unless --no-profile), then the latency of each kind
 * of request (list, point GET, PUT) and where the CPU went. Finds what sets a p99: autocannon gives only the
 * whole mix's.
 *   list    the bench's rotating list (1,260 distinct queries), 50 connections
 *   point   random point GETs, 50 connections
 *   mix     the bench's 90/10 mix: 45% list, 45% point GET, 10% PUT from Key Vault, 10 connections
 *   writes  the mix without its lists (point GETs and PUTs in the same 9:1), 10 connections
 */

type Kind = 'list' | 'point' | 'put';

const WORKLOADS: Record<string, { connections: number; weights: Record<Kind, number> }> = {
  list: { connections: 50, weights: { list: 1, point: 0, put: 0 } },
  point: { connections: 50, weights: { list: 0, point: 1, put: 0 } },
  mix: { connections: 10, weights: { list: 0.45, point: 0.45, put: 0.1 } },
  writes: { connections: 10, weights: { list: 0, point: 0.9, put: 0.1 } },
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

async function main(): Promise<void> {
  const [name = 'point', secondsArg = '10', ...flags] = process.argv.slice(2);
  const workload = WORKLOADS[name];
  if (!workload) throw new Error(`unknown workload '${name}': one of ${Object.keys(WORKLOADS).join(', ')}`);
  const seconds = Number(secondsArg);
  const profile = !flags.includes('--no-profile');
  const location = mkdtempSync(join(tmpdir(), 'certportal-profile-'));
  const profiles = join(location, 'profiles');
  try {
    const first = await startChildEmulator({ location, demo: true });
    await first.stop();
    seedBenchCertificates(location);
    // From its TypeScript sources when profiled, so that the profile names emulator/ files and lines.
    const emulator = await startChildEmulator({ location, fromSource: profile, nodeArgs: profile ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : [] });
    const headers = { Authorization: `Bearer ${await emulator.token()}` };
    const base = certificatesPath(serviceRef(BENCH_SERVICES.list.name));
    const listPaths = listQueries(1260).map((query) => `${base}?${query}`);
    const pointPaths = [...new Set(pointIds(2000))].map((id) => `${base}/${id}?${API_VERSION}`);
    const putBody = keyVaultBody(DEMO_APIM.keyVaultSecret);
    const random = seededRandom(3);
    const agent = new Agent({ keepAlive: true, maxSockets: workload.connections, ca: emulator.ca });
    const origin = emulator.url.replace(/\/$/, '');

    const draw = (): { kind: Kind; method: string; path: string; body?: string } => {
      let pick = random();
      const kind = (['list', 'point', 'put'] as const).find((k) => (pick -= workload.weights[k]) < 0) ?? 'point';
      if (kind === 'list') return { kind, method: 'GET', path: listPaths[Math.floor(random() * listPaths.length)] };
      const path = pointPaths[Math.floor(random() * pointPaths.length)];
      return kind === 'put' ? { kind, method: 'PUT', path, body: putBody } : { kind, method: 'GET', path };
    };
    const send = (method: string, path: string, body?: string) =>
      new Promise<number>((done, fail) => {
        const extra: Record<string, string> = body
          ? { 'Content-Type': 'application/json', 'If-Match': '*', 'Content-Length': String(Buffer.byteLength(body)) }
          : {};
        const req = httpsRequest(`${origin}${path}`, { method, agent, headers: { ...headers, ...extra } }, (res) => {
          res.resume();
          res.on('end', () => done(res.statusCode ?? 0));
          res.on('error', fail);
        });
        req.on('error', fail);
        req.end(body);
      });

    const latencies: Record<Kind, number[]> = { list: [], point: [], put: [] };
    const slowest: Array<{ ms: number; kind: Kind; path: string }> = [];
    let failures = 0;
    const loop = async (until: number, record: boolean) => {
      while (Date.now() < until) {
        const { kind, method, path, body } = draw();
        const started = performance.now();
        const status = await send(method, path, body);
        const ms = performance.now() - started;
        if (!record) continue;
        if (status >= 300) failures++;
        latencies[kind].push(ms);
        slowest.push({ ms, kind, path });
        if (slowest.length > 200) slowest.sort((a, b) => b.ms - a.ms).splice(20);
      }
    };
    const run = (duration: number, record: boolean) =>
      Promise.all(Array.from({ length: workload.connections }, () => loop(Date.now() + duration * 1000, record)));

    await run(2, false); // warm-up: the pool's threads, the statements, the caches
    const cpuBefore = processCpuMs(emulator.pid);
    await run(seconds, true);
    const cpu = processCpuMs(emulator.pid) - cpuBefore;
    agent.destroy();
    await emulator.stop();

    const all = Object.values(latencies).flat();
    console.log(`${name}: ${all.length} requests in ${seconds} s, ${failures} not 2xx, ${(cpu / all.length).toFixed(3)} ms server CPU per request`);
    for (const kind of ['list', 'point', 'put'] as const) {
      const sorted = latencies[kind].sort((a, b) => a - b);
      if (sorted.length === 0) continue;
      const [p50, p99, max] = [percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1]];
      console.log(`  ${kind.padEnd(5)} ${String(sorted.length).padStart(6)}  p50 ${p50.toFixed(1)} ms  p99 ${p99.toFixed(1)} ms  max ${max.toFixed(1)} ms`);
    }
    const sortedAll = all.sort((a, b) => a - b);
    console.log(`  all   p50 ${percentile(sortedAll, 50).toFixed(1)} ms  p99 ${percentile(sortedAll, 99).toFixed(1)} ms`);
    console.log('slowest:');
    for (const { ms, kind, path } of slowest.sort((a, b) => b.ms - a.ms).slice(0, 10))
      console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${kind}  ${decodeURIComponent(path.slice(base.length))}`);
    if (!profile) return;
    const cpuProfile = readLargestProfile(profiles);
    console.log('\nself time:');
    console.log(topSelfTime(cpuProfile, 30).join('\n'));
    console.log('\ntotal time, emulator functions:');
    console.log(topTotalTime(cpuProfile, 40).join('\n'));
  } finally {
    rmSync(location, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
