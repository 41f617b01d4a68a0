/// <reference types="node" />
import { join } from 'node:path';
import { API_VERSION, certificatesPath, readRss, type ChildEmulator } from '../emulator/test-support/child-emulator.ts';
import { runLoad, type LoadResult } from '../emulator/test-support/load.ts';
import { startBare } from './emulator-workload-bench.ts';
import { BENCH_SERVICES, serviceRef } from './seed.ts';

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
}

export interface EmulatorBench {
  path: string;
  filter: string;
  matches: number;
  responseBytes: number;
  emulator: LoadFigures;
  ceiling: LoadFigures;
  ratio: number;
  rssIdleMiB: number | null;
  rssAfterLoadMiB: number | null;
}

const CONNECTIONS = 50;
const DURATION_SECONDS = 15;

function figures(result: LoadResult): LoadFigures {
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** autocannon, 50 connections: the $filter list over 10,000 certificates, then the fixed-body ceiling. */
export async function benchEmulator(emulator: ChildEmulator, location: string, log: (line: string) => void): Promise<EmulatorBench> {
  const token = await emulator.token();
  // The app's own search filter (src/features/apim-certificates/api/certificate-filter.ts) for "cert-042".
  const filter = "(contains(name,'cert-042') or contains(subject,'cert-042') or contains(thumbprint,'cert-042'))";
  const path = `${certificatesPath(serviceRef(BENCH_SERVICES.list.name))}?${API_VERSION}&$top=100&$filter=${encodeURIComponent(filter)}`;
  const sample = await emulator.call(path, { headers: { Authorization: `Bearer ${token}` } });
  if (sample.status !== 200) throw new Error(`the list answered ${sample.status}: ${sample.body.slice(0, 300)}`);
  const matches = (JSON.parse(sample.body) as { count: number }).count;
  const rssIdle = emulator.rss();
  const headers = { Authorization: `Bearer ${token}` };

  log(`  emulator: ${DURATION_SECONDS} s, ${CONNECTIONS} connections, GET ${path.slice(0, 90)}…`);
  await runLoad({ url: emulator.url, connections: 10, duration: 3, requests: [{ method: 'GET', path, headers }] }); // warm-up
  const emulatorResult = await runLoad({
    url: emulator.url,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    requests: [{ method: 'GET', path, headers }],
  });
  const rssAfter = readRss(emulator.pid);

  // The workload bench's bare server, answering this one body.
  const ceiling = await startBare(join(location, 'tls'), [sample.body]);
  try {
    log(`  ceiling: bare node:https, same body (${Buffer.byteLength(sample.body)} bytes)`);
    await runLoad({ url: ceiling.url, connections: 10, duration: 3 });
    const ceilingResult = await runLoad({
      url: ceiling.url,
      connections: CONNECTIONS,
      duration: DURATION_SECONDS,
      requests: [{ method: 'GET', path, headers }],
    });
    const e = figures(emulatorResult);
    const c = figures(ceilingResult);
    return {
      path,
      filter,
      matches,
      responseBytes: Buffer.byteLength(sample.body),
      emulator: e,
      ceiling: c,
      ratio: Math.round((e.requestsPerSecond / c.requestsPerSecond) * 1000) / 1000,
      rssIdleMiB: rssIdle === undefined ? null : Math.round((rssIdle / 2 ** 20) * 10) / 10,
      rssAfterLoadMiB: rssAfter === undefined ? null : Math.round((rssAfter / 2 ** 20) * 10) / 10,
    };
  } finally {
    await ceiling.stop();
  }
}
