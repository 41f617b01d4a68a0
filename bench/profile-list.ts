/// <reference types="node" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildEmulator } from '../emulator/test-support/child-emulator.ts';
import { runLoad, type LoadRequest } from '../emulator/test-support/load.ts';
import { seededRandom } from '../emulator/test-support/child-emulator.ts';
import { certificatesPath } from '../emulator/test-support/child-emulator.ts';
import { BENCH_SERVICES, seedBenchCertificates, serviceRef } from './seed.ts';
import { listQueries } from './workload.ts';
import { readLargestProfile, topSelfTime } from './cpu-profile-summary.ts';

/**
 * `npx tsx bench/profile-list.ts [seconds]`: the rotating list workload against an emulator run with
 * `node --cpu-prof`, then the top self-time functions of its profile. Explains the bench's CPU figures.
 */

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 10);
  const location = mkdtempSync(join(tmpdir(), 'certportal-profile-'));
  const profiles = join(location, 'profiles');
  try {
    const first = await startChildEmulator({ location, demo: true });
    await first.stop();
    seedBenchCertificates(location);
    const emulator = await startChildEmulator({ location, maxSockets: 64, fromSource: true, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profiles}`] });
    const headers = { Authorization: `Bearer ${await emulator.token()}` };
    const base = certificatesPath(serviceRef(BENCH_SERVICES.list.name));
    const paths = listQueries(1260).map((query) => `${base}?${query}`);
    const random = seededRandom(7);
    const request: LoadRequest = { method: 'GET', headers, setupRequest: (r: LoadRequest) => ({ ...r, path: paths[Math.floor(random() * paths.length)] }) };
    const result = await runLoad({ url: emulator.url, connections: 50, duration: seconds, requests: [request] });
    console.log(`${result.requests.total} requests, ${result.non2xx} non-2xx, ${result.errors} errors`);
    await emulator.stop();
    console.log(topSelfTime(readLargestProfile(profiles), 25).join('\n'));
  } finally {
    rmSync(location, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
