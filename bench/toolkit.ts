/// <reference types="node" />
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import forge from 'node-forge';
import { openCertificateFile } from '../certificates/open-certificate-file';

export type ToolkitFileType = 'DER' | 'PEM' | 'PFX modern' | 'PFX legacy';

export interface ToolkitBenchRow {
  fileType: ToolkitFileType;
  ours_ms: number;
  forge_ms: number;
  /** ours / forge: below 1 means the toolkit is faster. */
  ratio: number;
}

const ITERATIONS = 50;
const WARMUP = 5;
const PASSWORD = 'bench-password';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function time(run: () => unknown): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

function binary(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('binary');
}

/** Files made by openssl: one RSA 2048 certificate as DER, PEM, and PKCS#12 with OpenSSL 3 defaults and with -legacy. */
function buildFiles(dir: string): Record<ToolkitFileType, Uint8Array> {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-subj', '/O=Bench/CN=bench.example.com', '-days', '365');
  run('x509', '-in', 'cert.pem', '-outform', 'DER', '-out', 'cert.der');
  run('pkcs12', '-export', '-in', 'cert.pem', '-inkey', 'key.pem', '-out', 'modern.pfx', '-passout', `pass:${PASSWORD}`);
  run('pkcs12', '-export', '-legacy', '-in', 'cert.pem', '-inkey', 'key.pem', '-out', 'legacy.pfx', '-passout', `pass:${PASSWORD}`);
  const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
  return { DER: read('cert.der'), PEM: read('cert.pem'), 'PFX modern': read('modern.pfx'), 'PFX legacy': read('legacy.pfx') };
}

function forgeParse(type: ToolkitFileType, bytes: Uint8Array): unknown {
  switch (type) {
    case 'DER':
      return forge.pki.certificateFromAsn1(forge.asn1.fromDer(binary(bytes)));
    case 'PEM':
      return forge.pki.certificateFromPem(Buffer.from(bytes).toString('utf8'));
    default: {
      const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(binary(bytes)), PASSWORD);
      const certs = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
      if (certs.length === 0) throw new Error('forge found no certificate');
      return certs;
    }
  }
}

export async function benchToolkit(): Promise<ToolkitBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-toolkit-'));
  try {
    const files = buildFiles(dir);
    // One warm-up round over every file for both parsers first: otherwise the first row measured (DER)
    // also pays for JIT-compiling the code the later rows share (asn1js/pkijs, forge's ASN.1 reader).
    for (const [fileType, bytes] of Object.entries(files) as [ToolkitFileType, Uint8Array][]) {
      for (let i = 0; i < WARMUP * 4; i++) {
        await openCertificateFile(bytes, { password: PASSWORD });
        forgeParse(fileType, bytes);
      }
    }
    const rows: ToolkitBenchRow[] = [];
    for (const fileType of Object.keys(files) as ToolkitFileType[]) {
      const bytes = files[fileType];
      const ours_ms = await time(() => openCertificateFile(bytes, { password: PASSWORD }));
      const forge_ms = await time(() => forgeParse(fileType, bytes));
      rows.push({ fileType, ours_ms: round(ours_ms), forge_ms: round(forge_ms), ratio: round(ours_ms / forge_ms) });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchToolkit();
  console.log(`Certificate toolkit vs node-forge: median of ${ITERATIONS} parses per file (ms)\n`);
  console.log(`${'file type'.padEnd(12)} ${'ours'.padStart(9)} ${'forge'.padStart(9)} ${'ours/forge'.padStart(11)}`);
  for (const r of rows) {
    console.log(`${r.fileType.padEnd(12)} ${r.ours_ms.toFixed(3).padStart(9)} ${r.forge_ms.toFixed(3).padStart(9)} ${r.ratio.toFixed(2).padStart(11)}`);
  }
}
