import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_VERSION, ASM_SCOPE, certificatesPath, keyVaultBody, startChildEmulator, type ChildEmulator } from '../test-support/child-emulator.ts';
import { runLoad, type LoadRequest, type LoadResult } from '../test-support/load.ts';
import { DEMO_SUBSCRIPTIONS } from '../seed/demo-ids.ts';

/**
 * Soak (issue 9, reliability 4): two minutes of mixed reads and writes from autocannon against an emulator
 * child process on a temp --location.
 * Protections checked: no request path ends in a 5xx or a dropped connection under sustained concurrent load
 * (server.ts's error handling; SQLite's busy_timeout and IMMEDIATE write transactions against
 * SQLITE_BUSY), and nothing grows without bound per request (caches, listeners, sessions): RSS at the end
 * within 20% of RSS after a warm-up. Bounded: 10 connections, 20 s warm-up + 120 s.
 */

const WARMUP_SECONDS = 20;
const SOAK_SECONDS = 120;
const CONNECTIONS = 10;
const dir = mkdtempSync(join(tmpdir(), 'certportal-soak-'));
let emulator: ChildEmulator | undefined;

afterAll(async () => {
  await emulator?.kill();
  rmSync(dir, { recursive: true, force: true });
});

function mix(armToken: string, asmToken: string): LoadRequest[] {
  const collection = certificatesPath();
  const arm = { Authorization: `Bearer ${armToken}` };
  const pick = () => `soak-${Math.floor(Math.random() * 50)}`;
  const filter = encodeURIComponent("contains(subject,'contoso') or startswith(name,'soak-')");
  return [
    { method: 'GET', path: `${collection}?${API_VERSION}&$filter=${filter}`, headers: arm },
    {
      method: 'PUT',
      headers: { ...arm, 'Content-Type': 'application/json' },
      body: keyVaultBody(),
      setupRequest: (request) => ({ ...request, path: `${collection}/${pick()}?${API_VERSION}` }),
    },
    { method: 'GET', headers: arm, setupRequest: (request) => ({ ...request, path: `${collection}/${pick()}?${API_VERSION}` }) },
    { method: 'GET', path: `${collection}?${API_VERSION}&$top=5`, headers: arm },
    { method: 'DELETE', headers: { ...arm, 'If-Match': '*' }, setupRequest: (request) => ({ ...request, path: `${collection}/${pick()}?${API_VERSION}` }) },
    {
      method: 'GET',
      path: `/asm/${DEMO_SUBSCRIPTIONS.development.id}/certificates`,
      headers: { Authorization: `Bearer ${asmToken}`, 'x-ms-version': '2014-10-01' },
    },
  ];
}

function summary(result: LoadResult): string {
  return `${result.requests.total} requests, ${Math.round(result.requests.average)}/s, p99 ${result.latency.p99} ms, status ${JSON.stringify(result.statusCodeStats)}, errors ${result.errors}, timeouts ${result.timeouts}`;
}

describe('soak', () => {
  it(
    `${SOAK_SECONDS} s of mixed reads and writes: no 5xx, no dropped requests, RSS within 20% of after warm-up`,
    async () => {
      emulator = await startChildEmulator({ location: dir, demo: true });
      const requests = mix(await emulator.token(), await emulator.token(ASM_SCOPE));
      const url = emulator.url;

      const warmup = await runLoad({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS, requests });
      const rssAfterWarmup = emulator.rss();
      const soak = await runLoad({ url, connections: CONNECTIONS, duration: SOAK_SECONDS, requests });
      const rssAtEnd = emulator.rss();
      console.log(`soak warm-up: ${summary(warmup)}; RSS ${((rssAfterWarmup ?? 0) / 2 ** 20).toFixed(1)} MiB`);
      console.log(`soak: ${summary(soak)}; RSS ${((rssAtEnd ?? 0) / 2 ** 20).toFixed(1)} MiB`);

      for (const result of [warmup, soak]) {
        expect(result['5xx']).toBe(0);
        expect(result.errors).toBe(0);
        expect(result.timeouts).toBe(0);
        // Reads and writes both happened, and most answers were successes.
        expect(result['2xx']).toBeGreaterThan(result.requests.total / 2);
      }
      expect(Object.keys(soak.statusCodeStats ?? {}).sort()).toEqual(expect.arrayContaining(['200', '201']));
      expect(rssAfterWarmup).toBeGreaterThan(0);
      const growth = (rssAtEnd! - rssAfterWarmup!) / rssAfterWarmup!;
      expect(growth, `RSS grew ${(growth * 100).toFixed(1)}% during the soak`).toBeLessThanOrEqual(0.2);
    },
    (WARMUP_SECONDS + SOAK_SECONDS + 90) * 1000,
  );
});
