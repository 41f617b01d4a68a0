import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnose } from '../../../certificates/doctor/diagnose.ts';
import { dotNetPublicKey } from '../../../certificates/dotnet-public-key.ts';
import { openCertificateFile } from '../../../certificates/open-certificate-file.ts';
import { startTestEmulator, type TestEmulator } from '../../test-support/test-emulator.ts';
import { DEMO_SUBSCRIPTIONS } from '../../seed/demo-ids.ts';
import { addBody, expectAsmError } from './asm-test-helpers.ts';

const subscription = DEMO_SUBSCRIPTIONS.development.id;
let emulator: TestEmulator;
let dir: string;
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });

/** A self-signed certificate made by openssl, as the DER bytes the upload carries. */
function certificate(name: string, bits: number, ...extensions: string[]): Uint8Array {
  const ext = extensions.flatMap((e) => ['-addext', e]);
  openssl('req', '-x509', '-newkey', `rsa:${bits}`, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '30', '-subj', `/CN=${name}`, ...ext);
  openssl('x509', '-in', `${name}.pem`, '-outform', 'DER', '-out', `${name}.cer`);
  return new Uint8Array(readFileSync(join(dir, `${name}.cer`)));
}

const add = async (der: Uint8Array) => {
  const thumbprint = (await openCertificateFile(der, {})).leaf.thumbprintSha1.toUpperCase();
  const body = addBody({ thumbprint, publicKey: Buffer.from(dotNetPublicKey(der)).toString('base64'), data: Buffer.from(der).toString('base64') });
  return emulator.asm(`/${subscription}/certificates`, { method: 'POST', body, headers: { 'Content-Type': 'application/xml' } });
};

/** What the browser's upload dialog shows for the same bytes: the doctor run for a management certificate. */
const doctorFindings = async (der: Uint8Array) => diagnose(await openCertificateFile(der, {}), 'management').findings;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asm-doctor-'));
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("Service Management's upload refusals are worded by the certificate doctor", () => {
  it("an RSA key under 2048 bits: the 400 is the doctor's finding and fix, word for word", async () => {
    const der = certificate('weak-1024', 1024);
    const weak = (await doctorFindings(der)).find((f) => f.code === 'weak-rsa');
    expect(weak?.message).toBe('The RSA key has 1024 bits, under 2048');
    const message = await expectAsmError(add(der), 400, 'BadRequest');
    expect(message).toBe(`SubscriptionCertificateData: ${weak?.message}. ${weak?.fix}.`);
  });

  it('the same openssl certificate with a 2048-bit key is stored, and the doctor finds nothing wrong with it', async () => {
    const der = certificate('sound-2048', 2048);
    expect((await doctorFindings(der)).filter((f) => f.severity === 'error')).toEqual([]);
    expect((await add(der)).status).toBe(200);
  });

  it('a server-only EKU is a doctor error but not a refusal: Azure documents no such check, so the emulator stores it', async () => {
    const der = certificate('server-only', 2048, 'extendedKeyUsage=serverAuth');
    expect((await doctorFindings(der)).map((f) => f.code)).toContain('eku-not-client-auth');
    expect((await add(der)).status).toBe(200);
  });
});
