/// <reference types="node" />
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildEmulator } from '../emulator/test-support/child-emulator.ts';
import { runLoad, type LoadRequest } from '../emulator/test-support/load.ts';
import { seededRandom } from '../emulator/test-support/child-emulator.ts';
import { certificatesPath } from '../emulator/test-support/child-emulator.ts';
import { BENCH_SERVICES, seedBenchCertificates, serviceRef } from './seed.ts';
import { listQueries } from './workload.ts';

/**
 * `npx tsx bench/profile-list.ts [seconds]`: the rotating list workload against an emulator run with
 * `node --cpu-prof`, then the top self-time functions of its profile. Explains the bench's CPU figures.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function topSelfTime(profile: Profile, count: number): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') return;
    const where = frame.url ? `${frame.url.replace(/^.*\/(node_modules|emulator)\//, '$1/')}:${frame.lineNumber + 1}` : '';
    const name = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    self.set(name, (self.get(name) ?? 0) + delta);
    total += delta;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, micros]) => `${((micros / total) * 100).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}`);
}

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
    // The largest profile: the main thread's, not the module loader's.
    const file = readdirSync(profiles)
      .filter((name) => name.endsWith('.cpuprofile'))
      .sort((a, b) => statSync(join(profiles, b)).size - statSync(join(profiles, a)).size)[0];
    if (!file) throw new Error('no .cpuprofile written');
    console.log(topSelfTime(JSON.parse(readFileSync(join(profiles, file), 'utf8')) as Profile, 25).join('\n'));
  } finally {
    rmSync(location, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
