/// <reference types="node" />
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CertificateError } from '../certificate-error';
import { detectFormat } from '../detect-format';
import { toBase64 } from '../encoding';
import { openCertificateFile } from '../open-certificate-file';
import { openssl } from './openssl-corpus';

const INPUTS = 10_000;
const PER_INPUT_LIMIT_MS = 2_000;

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildSeeds(): { name: string; bytes: Uint8Array; password?: string }[] {
  const dir = mkdtempSync(join(tmpdir(), 'cert-fuzz-'));
  const run = (...args: string[]) => openssl(args, dir);
  const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
  run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'ec.key');
  run('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024', '-out', 'rsa.key');
  run(
    'req',
    '-x509',
    '-new',
    '-key',
    'ec.key',
    '-subj',
    '/O=Fuzz/CN=fuzz.example',
    '-days',
    '30',
    '-out',
    'ec.pem',
    '-addext',
    'subjectAltName=DNS:a.example,IP:10.0.0.1',
  );
  run('req', '-x509', '-new', '-key', 'rsa.key', '-subj', '/CN=rsa fuzz', '-days', '30', '-out', 'rsa.pem', '-addext', 'extendedKeyUsage=clientAuth');
  run('x509', '-in', 'ec.pem', '-outform', 'DER', '-out', 'ec.der');
  // One round of each KDF keeps every attempt fast; the parsing paths are the same as with 2048.
  run('pkcs12', '-export', '-in', 'ec.pem', '-inkey', 'ec.key', '-out', 'modern.pfx', '-passout', 'pass:fuzz', '-iter', '1', '-nomaciter');
  run(
    'pkcs12',
    '-export',
    '-legacy',
    '-in',
    'rsa.pem',
    '-inkey',
    'rsa.key',
    '-certfile',
    'ec.pem',
    '-out',
    'legacy.pfx',
    '-passout',
    'pass:fuzz',
    '-iter',
    '1',
    '-nomaciter',
  );
  const bundle = readFileSync(join(dir, 'ec.pem'), 'utf8') + readFileSync(join(dir, 'rsa.pem'), 'utf8');
  const seeds = [
    { name: 'der', bytes: read('ec.der') },
    { name: 'pem bundle', bytes: new TextEncoder().encode(bundle) },
    { name: 'base64', bytes: new TextEncoder().encode(toBase64(read('ec.der'))) },
    { name: 'modern pfx', bytes: read('modern.pfx'), password: 'fuzz' },
    { name: 'legacy pfx', bytes: read('legacy.pfx'), password: 'fuzz' },
  ];
  rmSync(dir, { recursive: true, force: true });
  return seeds;
}

function mutate(seed: Uint8Array, random: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(random() * n);
  let bytes = seed.slice();
  const rounds = 1 + pick(3);
  for (let r = 0; r < rounds; r++) {
    const at = pick(bytes.length);
    switch (pick(6)) {
      case 0:
        bytes[at] ^= 1 << pick(8);
        break;
      case 1:
        bytes = bytes.slice(0, at);
        break;
      case 2: {
        const insert = Uint8Array.from({ length: 1 + pick(16) }, () => pick(256));
        bytes = new Uint8Array([...bytes.subarray(0, at), ...insert, ...bytes.subarray(at)]);
        break;
      }
      case 3:
        bytes = new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + 1 + pick(8))]);
        break;
      case 4:
        bytes[at] = [0x00, 0xff, 0x80, 0x7f, 0x30, 0x84][pick(6)];
        break;
      default: {
        const from = pick(bytes.length);
        const chunk = bytes.slice(from, from + 1 + pick(32));
        bytes = new Uint8Array([...bytes.subarray(0, at), ...chunk, ...bytes.subarray(at)]);
      }
    }
    if (bytes.length === 0) break;
  }
  return bytes;
}

describe('fuzzing', () => {
  it(`survives ${INPUTS.toLocaleString('en-US')} mutated inputs with only typed errors`, async () => {
    const seeds = buildSeeds();
    for (const seed of seeds) await expect(openCertificateFile(seed.bytes, { password: seed.password })).resolves.toBeDefined();
    const random = mulberry32(0xc0ffee);
    const outcomes = new Map<string, number>();
    const unexpected: string[] = [];
    let slowest = 0;
    const started = Date.now();
    for (let n = 0; n < INPUTS; n++) {
      const seed = seeds[n % seeds.length];
      const input = mutate(seed.bytes, random);
      const password = seed.password && random() < 0.9 ? seed.password : 'not-it';
      const t0 = performance.now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const outcome = await Promise.race([
        openCertificateFile(input, { password }).then(
          () => 'ok',
          (error: unknown) => (error instanceof CertificateError ? error.code : `UNTYPED ${String(error)}`),
        ),
        new Promise<string>((resolve) => (timer = setTimeout(() => resolve('HANG'), PER_INPUT_LIMIT_MS))),
      ]);
      clearTimeout(timer);
      slowest = Math.max(slowest, performance.now() - t0);
      try {
        detectFormat(input);
      } catch (error) {
        if (!(error instanceof CertificateError)) unexpected.push(`detectFormat: ${String(error)}`);
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      if (outcome.startsWith('UNTYPED') || outcome === 'HANG') unexpected.push(`${seed.name} #${n}: ${outcome}`);
    }
    console.log(`fuzz: ${INPUTS} inputs in ${Date.now() - started} ms, slowest ${slowest.toFixed(1)} ms`, Object.fromEntries(outcomes));
    expect(unexpected).toEqual([]);
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(0);
    expect(outcomes.size).toBeGreaterThan(3);
  }, 120_000);
});
