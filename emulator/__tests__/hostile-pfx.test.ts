import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as asn1js from 'asn1js';
import { startTestEmulator, type TestEmulator } from '../test-support/test-emulator.ts';
import { API_VERSION, certificatesPath } from '../test-support/child-emulator.ts';
import { OpensslWorkshop } from '../arm/__tests__/openssl-fixtures.ts';
import { PKCS12_WORK_LIMITS } from '../../certificates/pkcs12-work-budget.ts';
import { scanPkcs12Work } from '../../certificates/pkcs12-work-scan.ts';

/**
 * Issue 13, finding 2: the iteration cap was per derivation, so 60 key bags at the cap cost 16.8 s of the
 * server's only thread. Now the file's work is budgeted before any derivation, and opening runs in a pool.
 */

const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const openssl = new OpensslWorkshop();
let emulator: TestEmulator;
let heavy: Buffer;
let legacy: Buffer;
beforeAll(async () => {
  emulator = await startTestEmulator({ seedDemo: true });
  const key = openssl.key('hostile', 'ec');
  openssl.certificate('hostile', key, '/CN=hostile.contoso.com', 30);
  // One key bag at the PBKDF2 cap, certificates in the clear, the MAC taken off (OpenSSL 3.0 keeps it despite -nomac).
  heavy = withKeyBags(openssl.pfx('heavy', key, 'hostile.crt', 'pw', ['-keypbe', 'AES-256-CBC', '-certpbe', 'NONE', '-iter', '1000000']), 1);
  // PKCS#12's own KDF runs in JavaScript (WebCrypto's PBKDF2 runs on libuv's threads): 3DES, key and IV (20,000 iterations: a few hundred ms of JavaScript each, which the event loop would wait for).
  legacy = withKeyBags(openssl.pfx('legacy', key, 'hostile.crt', 'pw', ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'NONE', '-iter', '20000']), 1);
});
afterAll(async () => {
  await emulator.close();
  openssl.dispose();
});

const octetsOf = (block: asn1js.BaseBlock) => (block as asn1js.OctetString).valueBlock.valueHexView;
const sequence = (block: asn1js.BaseBlock) => (block as asn1js.Sequence).valueBlock.value;

/** The same PFX without its MAC and with its one shrouded key bag copied `count` times: a small file, `count` derivations at the cap. */
function withKeyBags(pfx: Buffer, count: number): Buffer {
  const top = asn1js.fromBER(new Uint8Array(pfx)).result;
  sequence(top).splice(2);
  const authSafeOctets = sequence(sequence(sequence(top)[1])[1])[0] as asn1js.OctetString;
  const authSafe = asn1js.fromBER(octetsOf(authSafeOctets)).result;
  for (const contentInfo of sequence(authSafe)) {
    const safeOctets = sequence(sequence(contentInfo)[1])[0] as asn1js.OctetString;
    const safeContents = asn1js.fromBER(octetsOf(safeOctets)).result;
    const bags = sequence(safeContents);
    const keyBag = bags.find((bag) => (sequence(bag)[0] as asn1js.ObjectIdentifier).valueBlock.toString() === SHROUDED_KEY_BAG);
    if (!keyBag) continue;
    const bagBytes = new Uint8Array(keyBag.toBER());
    for (let i = 1; i < count; i++) bags.push(asn1js.fromBER(bagBytes.slice()).result);
    safeOctets.valueBlock.valueHexView = new Uint8Array(safeContents.toBER());
  }
  authSafeOctets.valueBlock.valueHexView = new Uint8Array(authSafe.toBER());
  return Buffer.from(top.toBER());
}

const put = (id: string, pfx: Buffer) =>
  emulator.arm(`${certificatesPath().replace(/^\/arm/, '')}/${id}?${API_VERSION}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ properties: { data: pfx.toString('base64'), password: 'pw' } }),
  });

describe('a PKCS#12 file has a work budget', () => {
  it('the pre-scan counts 60 bags at the cap from the structure alone, and refuses it', () => {
    expect(scanPkcs12Work(heavy)).toEqual({ bags: 2, iterations: 1_000_000 });
    expect(() => scanPkcs12Work(withKeyBags(heavy, 60))).toThrow(/key-derivation iterations in all, the limit/);
  });

  it('60 encrypted key bags at the cap: 400 ValidationError naming the limit, within a second', async () => {
    const pfx = withKeyBags(heavy, 60);
    expect(pfx.length).toBeLessThan(32 * 1024);
    const started = performance.now();
    const reply = await put('sixty-bags', pfx);
    const body = (await reply.json()) as { error: { code: string; target: string; message: string } };
    expect(performance.now() - started).toBeLessThan(1000);
    expect(reply.status).toBe(400);
    expect(body.error).toMatchObject({ code: 'ValidationError', target: 'properties.data' });
    expect(body.error.message).toContain(`${PKCS12_WORK_LIMITS.maxIterations.toLocaleString('en-US')} key-derivation iterations in all, the limit`);
    expect((await emulator.arm(`${certificatesPath().replace(/^\/arm/, '')}/sixty-bags?${API_VERSION}`)).status).toBe(404);
  });

  // UNFINISHED: on the shared 2-core machine CPU starvation alone gives /healthz spikes of 150-350 ms, so this
  // bound does not yet separate "off the event loop" from "on it"; to be replaced by an event-loop-delay check.
  it.skip('opening runs off the event loop: /healthz answers fast while two expensive files are opened', async () => {
    const uploads = [put('legacy-one', legacy), put('legacy-two', legacy), put('heavy-one', heavy)];
    const latencies: number[] = [];
    let settled = false;
    void Promise.allSettled(uploads).then(() => (settled = true));
    while (!settled && latencies.length < 200) {
      const started = performance.now();
      expect((await fetch(`${emulator.url}healthz`)).status).toBe(200);
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const replies = await Promise.all(uploads);
    expect(replies.map((reply) => reply.status)).toEqual([201, 201, 201]);
    expect(latencies.length).toBeGreaterThan(5);
    expect(Math.max(...latencies)).toBeLessThan(300);
  });
});
