import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { startTestEmulator, type TestEmulator } from '../../test-support/test-emulator.ts';
import { DEMO_SUBSCRIPTIONS } from '../../seed/demo-ids.ts';
import { openDatabase } from '../../store/database.ts';
import { seedDirectory } from '../../seed/demo-data.ts';
import { seedAsmDemo } from '../../seed/asm-demo.ts';
import { listManagementCertificates } from '../../store/management-certificate-store.ts';
import { addBody, expectAsmError, issueMany, partsOf } from './asm-test-helpers.ts';

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ seedDemo: true });
});
afterAll(() => emulator.close());

const DAY = 86_400_000;

describe('the Service Management demo data', () => {
  // No wall-clock assertion here: timed tests fail on slow machines (issue 9); `npm run bench` measures speed.
  it('is made on a fresh database', async () => {
    const db = openDatabase(null);
    seedDirectory(db);
    await seedAsmDemo(db);
    expect(listManagementCertificates(db, DEMO_SUBSCRIPTIONS.production.id).length).toBeGreaterThanOrEqual(2);
    db.close();
  });

  it('gives every subscription a few management certificates with realistic names, one expired and one expiring within 30 days', () => {
    const now = Date.now();
    for (const { id } of Object.values(DEMO_SUBSCRIPTIONS)) {
      const stored = listManagementCertificates(emulator.db, id);
      expect(stored.length).toBeGreaterThanOrEqual(2);
      for (const c of stored) expect(new X509Certificate(Buffer.from(c.data)).fingerprint.replace(/:/g, '')).toBe(c.thumbprint);
    }
    const production = listManagementCertificates(emulator.db, DEMO_SUBSCRIPTIONS.production.id).map((c) => new X509Certificate(Buffer.from(c.data)));
    expect(production.some((c) => Date.parse(c.validTo) < now)).toBe(true);
    expect(production.some((c) => Date.parse(c.validTo) > now && Date.parse(c.validTo) < now + 30 * DAY)).toBe(true);
    expect(production.map((c) => c.subject)).toContain('CN=Contoso Release Pipeline');
  });

  it('holds the development subscription at 24 of 25: one more fits, the next is refused', async () => {
    const development = DEMO_SUBSCRIPTIONS.development.id;
    const listed = await (await emulator.asm(`/${development}/certificates`)).text();
    expect(listed.match(/<SubscriptionCertificate>/g)).toHaveLength(24);
    const [first, second] = await issueMany(2);
    const add = (body: string) => emulator.asm(`/${development}/certificates`, { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body });
    expect((await add(addBody(partsOf(first)))).status).toBe(200);
    await expectAsmError(add(addBody(partsOf(second))), 400, 'BadRequest', /already has 25 .* the limit is 25/);
  });
});
