/// <reference types="node" />
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request as httpsRequest } from 'node:https';
import { join, resolve } from 'node:path';
import { APIM_DEMO, DEMO_SERVICE_PRINCIPAL, DEMO_TENANT_ID } from '../seed/demo-ids.ts';
import { buildEmulator, EMULATOR_BUNDLE_MAIN, EMULATOR_NODE_ARGS } from '../build-emulator.ts';

/**
 * The emulator as a separate process (`node dist-emulator/main.js serve --port 0 --location DIR --no-app`), as
 * `npm start` runs it: for crash, soak and benchmark runs, which need to SIGKILL it or read its RSS. Shared by
 * the reliability tests and `npm run bench`; imports nothing of the emulator but its demo ids and its build,
 * made once per process from the current sources.
 */

const repoRoot = resolve(import.meta.dirname, '../..');

export const ARM_SCOPE = 'https://management.azure.com/.default';
export const ASM_SCOPE = 'https://management.core.windows.net//.default';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface ChildEmulator {
  child: ChildProcess;
  pid: number;
  /** `https://localhost:PORT/` */
  url: string;
  ca: Buffer;
  /** Raw HTTPS call to a path under the emulator's origin (`/arm/...`), trusting only its CA. */
  call(path: string, options?: CallOptions): Promise<Reply>;
  /** A bearer token for the demo service principal (client-credentials grant). */
  token(scope?: string): Promise<string>;
  /** VmRSS of the child in bytes, from /proc (Linux); undefined elsewhere. */
  rss(): number | undefined;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (a clean close), resolved once the process is gone. */
  stop(): Promise<void>;
  output(): string;
}

export interface ChildOptions {
  location: string;
  demo?: boolean;
  /** More sockets than the default for load runs. */
  maxSockets?: number;
  /** Serve the built app from dist/ (default: --no-app). */
  app?: boolean;
  /** Node options before the script (`--cpu-prof`, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
  /** emulator/main.ts through tsx instead of the build, so that a CPU profile names source files and lines. */
  fromSource?: boolean;
}

function exited(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill(signal);
  });
}

export function readRss(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return kb ? Number(kb[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

let built: Promise<void> | undefined;

export async function startChildEmulator(options: ChildOptions): Promise<ChildEmulator> {
  if (!options.fromSource) await (built ??= buildEmulator());
  const script = options.fromSource ? ['--import', 'tsx', 'emulator/main.ts'] : [EMULATOR_BUNDLE_MAIN];
  const args = [...EMULATOR_NODE_ARGS, ...(options.nodeArgs ?? []), ...script, 'serve', '--port', '0', '--location', options.location, '--quiet'];
  if (!options.app) args.push('--no-app');
  if (options.demo) args.push('--demo');
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the emulator did not start within 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const ready = /certportal emulator ready at (https:\/\/localhost:\d+\/)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        done(ready[1]);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`the emulator exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
  const ca = readFileSync(join(resolve(options.location), 'tls', 'ca.pem'));
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 16, ca });
  const origin = url.replace(/\/$/, '');

  const call = (path: string, init: CallOptions = {}): Promise<Reply> =>
    new Promise((done, fail) => {
      const headers: Record<string, string> = { ...(init.headers ?? {}) };
      if (init.body !== undefined && headers['Content-Length'] === undefined) headers['Content-Length'] = String(Buffer.byteLength(init.body));
      const req = httpsRequest(`${origin}${path}`, { method: init.method ?? 'GET', agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', fail);
      });
      req.on('error', fail);
      req.end(init.body);
    });

  const token = async (scope = ARM_SCOPE): Promise<string> => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: DEMO_SERVICE_PRINCIPAL.clientId,
      client_secret: DEMO_SERVICE_PRINCIPAL.clientSecret,
      scope,
    });
    const reply = await call(`/${DEMO_TENANT_ID}/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const parsed = JSON.parse(reply.body) as { access_token?: string };
    if (reply.status !== 200 || !parsed.access_token) throw new Error(`token endpoint answered ${reply.status}: ${reply.body.slice(0, 300)}`);
    return parsed.access_token;
  };

  return {
    child,
    pid: child.pid!,
    url,
    ca,
    call,
    token,
    rss: () => readRss(child.pid!),
    kill: async () => {
      agent.destroy();
      await exited(child, 'SIGKILL');
    },
    stop: async () => {
      agent.destroy();
      await exited(child, 'SIGTERM');
    },
    output: () => output,
  };
}

/** mulberry32: a small seeded PRNG, so a failing random run can be replayed from its logged seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The demo API Management service and the Key Vault secret its certificates can reference. */
export const DEMO_APIM = {
  subscriptionId: APIM_DEMO.production.subscriptionId,
  resourceGroup: APIM_DEMO.production.resourceGroup,
  service: APIM_DEMO.production.service,
  keyVaultSecret: `https://${APIM_DEMO.vault}.vault.azure.net/secrets/gateway-cert`,
} as const;

export const API_VERSION = 'api-version=2024-05-01';

export function certificatesPath(service: { subscriptionId: string; resourceGroup: string; service: string } = DEMO_APIM): string {
  return `/arm/subscriptions/${service.subscriptionId}/resourceGroups/${service.resourceGroup}/providers/Microsoft.ApiManagement/service/${service.service}/certificates`;
}

export function keyVaultBody(secretIdentifier: string = DEMO_APIM.keyVaultSecret): string {
  return JSON.stringify({ properties: { keyVault: { secretIdentifier } } });
}
