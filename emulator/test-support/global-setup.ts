import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadOrCreateTls } from '../tls/local-ca.ts';

/**
 * One CA for every test emulator, made before the workers start, so that Node's TLS (and the Azure SDKs)
 * trust it through NODE_EXTRA_CA_CERTS instead of turning verification off.
 */
export default async function setup(): Promise<void> {
  const dir = join(tmpdir(), 'certportal-test-tls');
  const tls = await loadOrCreateTls(dir);
  process.env.CERTPORTAL_TEST_TLS_DIR = dir;
  process.env.NODE_EXTRA_CA_CERTS = tls.caPath;
}
