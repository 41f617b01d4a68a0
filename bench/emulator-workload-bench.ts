/// <reference types="node" />
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_VERSION, certificatesPath, DEMO_APIM, keyVaultBody, readRss, seededRandom, type ChildEmulator } from '../emulator/test-support/child-emulator.ts';
import { runLoad, type LoadRequest, type LoadResult } from '../emulator/test-support/load.ts';
import { BENCH_SERVICES, serviceRef } from './seed.ts';
import { listQueries, pointIds } from './workload.ts';

/**
 * The emulator under rotating workloads (issue 19): a list drawn from 1,260 distinct queries, a point GET of
 * random ids, and a 90/10 read/write mix, each beside a bare node:https server answering bodies of the same
 * sizes. Server CPU per request comes from the process's own CPU time (/proc/PID/stat), steadier than req/s
 * on a shared machine.
 */

export interface WorkloadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
  /** Server CPU (user + system) per request, ms. */
  cpuMsPerRequest: number;
}

export interface WorkloadRow {
  name: string;
  connections: number;
  distinct: number;
  emulator: WorkloadFigures;
  bare: WorkloadFigures;
  /** emulator CPU per request / bare CPU per request */
  cpuRatio: number;
}

export interface WorkloadBench {
  rows: WorkloadRow[];
  rssIdleMiB: number | null;
  rssAfterMiB: number | null;
  /** RSS once the server has been idle for SETTLE_SECONDS after the workloads: what V8 gives back by itself. */
  rssSettledMiB: number | null;
}

const DURATION_SECONDS = 10;
const LIST_QUERIES = 1260;
const POINT_IDS = 2000;
const TICKS_PER_SECOND = 100;
const SETTLE_SECONDS = 30;

/** utime + stime of a process, in ms (Linux). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

async function measure(pid: number, url: string, connections: number, requests: LoadRequest[]): Promise<WorkloadFigures> {
  await runLoad({ url, connections: Math.min(connections, 10), duration: 2, requests }); // warm-up
  const before = processCpuMs(pid);
  const result: LoadResult = await runLoad({ url, connections, duration: DURATION_SECONDS, requests });
  const cpu = processCpuMs(pid) - before;
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    cpuMsPerRequest: Math.round((cpu / Math.max(1, result.requests.total)) * 1000) / 1000,
  };
}

/** A bare node:https server, its own process, same TLS key, answering the given bodies in turn. */
export async function startBare(tlsDir: string, bodies: string[]): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'certportal-bare-'));
  const bodiesFile = join(dir, 'bodies.json');
  writeFileSync(bodiesFile, JSON.stringify(bodies));
  const script = `
    const https = require('node:https');
    const fs = require('node:fs');
    const bodies = JSON.parse(fs.readFileSync(process.env.BENCH_BODIES, 'utf8')).map((b) => Buffer.from(b));
    let next = 0;
    const server = https.createServer({ key: fs.readFileSync(process.env.BENCH_KEY), cert: fs.readFileSync(process.env.BENCH_CERT) }, (req, res) => {
      req.resume();
      const body = bodies[next++ % bodies.length];
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
      res.end(body);
    });
    server.keepAliveTimeout = 5000;
    server.listen(0, '127.0.0.1', () => console.log('bare ready at ' + server.address().port));
  `;
  const child = spawn(process.execPath, ['-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_BODIES: bodiesFile, BENCH_KEY: join(tlsDir, 'localhost-key.pem'), BENCH_CERT: join(tlsDir, 'localhost.pem') },
  });
  const port = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /bare ready at (\d+)/.exec(out);
      if (m) done(m[1]);
    });
    child.once('exit', (code) => fail(new Error(`bare server exited with ${code}`)));
  });
  return {
    url: `https://localhost:${port}/`,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Draws a path per request, so 50 connections never march through the same list in step. */
function rotating(paths: string[], headers: Record<string, string>, seed: number): LoadRequest {
  const random = seededRandom(seed);
  return { method: 'GET', headers, setupRequest: (request: LoadRequest) => ({ ...request, path: paths[Math.floor(random() * paths.length)] }) };
}

/** 9 reads (lists and point GETs) for each PUT that updates a random certificate from Key Vault. */
function mixed(listPaths: string[], pointPaths: string[], headers: Record<string, string>, seed: number): LoadRequest {
  const random = seededRandom(seed);
  const body = keyVaultBody(DEMO_APIM.keyVaultSecret);
  return {
    method: 'GET',
    headers,
    setupRequest: (request: LoadRequest) => {
      const draw = random();
      if (draw < 0.1) {
        const path = pointPaths[Math.floor(random() * pointPaths.length)];
        return { ...request, method: 'PUT', path, body, headers: { ...headers, 'Content-Type': 'application/json', 'If-Match': '*' } };
      }
      const paths = draw < 0.55 ? listPaths : pointPaths;
      return { ...request, method: 'GET', path: paths[Math.floor(random() * paths.length)], body: undefined };
    },
  };
}

/** Response bodies of a sample of the paths, for the bare server to answer in turn. */
async function sampleBodies(emulator: ChildEmulator, paths: string[], headers: Record<string, string>, count: number): Promise<string[]> {
  const bodies: string[] = [];
  for (let i = 0; i < count; i++) {
    const reply = await emulator.call(paths[Math.floor((i * paths.length) / count)], { headers });
    if (reply.status !== 200) throw new Error(`sample answered ${reply.status}: ${reply.body.slice(0, 300)}`);
    bodies.push(reply.body);
  }
  return bodies;
}

export async function benchWorkloads(emulator: ChildEmulator, location: string, log: (line: string) => void): Promise<WorkloadBench> {
  const token = await emulator.token();
  const headers = { Authorization: `Bearer ${token}` };
  const base = certificatesPath(serviceRef(BENCH_SERVICES.list.name));
  const listPaths = listQueries(LIST_QUERIES).map((query) => `${base}?${query}`);
  const pointPaths = [...new Set(pointIds(POINT_IDS))].map((certificateId) => `${base}/${certificateId}?${API_VERSION}`);
  const rssIdle = readRss(emulator.pid);
  const tlsDir = join(location, 'tls');
  const rows: WorkloadRow[] = [];

  const workloads = [
    {
      name: `list, ${listPaths.length} distinct queries`,
      connections: 50,
      distinct: listPaths.length,
      paths: listPaths,
      request: rotating(listPaths, headers, 1),
    },
    {
      name: `point GET, ${pointPaths.length} random ids`,
      connections: 50,
      distinct: pointPaths.length,
      paths: pointPaths,
      request: rotating(pointPaths, headers, 2),
    },
    {
      name: '90/10 read/write mix (PUT from Key Vault)',
      connections: 10,
      distinct: listPaths.length + pointPaths.length,
      paths: [...listPaths.slice(0, 100), ...pointPaths.slice(0, 100)],
      request: mixed(listPaths, pointPaths, headers, 3),
    },
  ];
  for (const workload of workloads) {
    log(`  ${workload.name}: ${DURATION_SECONDS} s, ${workload.connections} connections`);
    const emulatorFigures = await measure(emulator.pid, emulator.url, workload.connections, [workload.request]);
    const bare = await startBare(tlsDir, await sampleBodies(emulator, workload.paths, headers, 200));
    try {
      const bareFigures = await measure(bare.pid, bare.url, workload.connections, [rotating(workload.paths, headers, 4)]);
      rows.push({
        name: workload.name,
        connections: workload.connections,
        distinct: workload.distinct,
        emulator: emulatorFigures,
        bare: bareFigures,
        cpuRatio: Math.round((emulatorFigures.cpuMsPerRequest / Math.max(0.001, bareFigures.cpuMsPerRequest)) * 100) / 100,
      });
    } finally {
      await bare.stop();
    }
  }
  const rssAfter = readRss(emulator.pid);
  log(`  RSS once idle for ${SETTLE_SECONDS} s`);
  await new Promise((done) => setTimeout(done, SETTLE_SECONDS * 1000));
  const rssSettled = readRss(emulator.pid);
  const mib = (bytes: number | undefined) => (bytes === undefined ? null : Math.round((bytes / 2 ** 20) * 10) / 10);
  return { rows, rssIdleMiB: mib(rssIdle), rssAfterMiB: mib(rssAfter), rssSettledMiB: mib(rssSettled) };
}
