import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A valid .pfx (cheap to open: 2,048 iterations) and a DER certificate, made by openssl, for the fuzzer to mutate. */
export function fuzzFiles(): { pfx: Buffer; der: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'certportal-fuzz-'));
  try {
    const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    run('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'fuzz.key');
    run('req', '-x509', '-new', '-key', 'fuzz.key', '-subj', '/CN=fuzz.contoso.com', '-days', '90', '-sha256', '-out', 'fuzz.crt');
    run('pkcs12', '-export', '-inkey', 'fuzz.key', '-in', 'fuzz.crt', '-passout', 'pass:pw', '-iter', '2048', '-out', 'fuzz.pfx');
    run('x509', '-in', 'fuzz.crt', '-outform', 'DER', '-out', 'fuzz.der');
    return { pfx: readFileSync(join(dir, 'fuzz.pfx')), der: readFileSync(join(dir, 'fuzz.der')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
