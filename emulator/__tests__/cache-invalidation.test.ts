import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { exportJWK, generateKeyPair } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from '../test-support/test-emulator.ts';
import { API_VERSION, certificatesPath, DEMO_APIM, keyVaultBody } from '../test-support/child-emulator.ts';
import { addBody, issueMany, partsOf } from '../asm/__tests__/asm-test-helpers.ts';
import { DEMO_SUBSCRIPTIONS, DEMO_USERS } from '../seed/demo-ids.ts';
import { putSetting } from '../store/database.ts';
import { cachedReadCount } from '../store/read-cache.ts';
import { roleOn } from '../store/role-assignment-store.ts';
import { forgetOtherConnectionsVersion, otherConnectionsVersion } from '../store/data-version.ts';
import { serviceIndex } from '../store/apim-certificate-list/list-page.ts';
import { inAnHour, LEGACY, namedToken } from '../apim-direct/__tests__/direct-fixtures.ts';

/**
 * Every cache the request path keeps (verified tokens, subscription/role/group/service lookups, the
 * certificate list index) is dropped or brought up to date by every kind of write that may change it: through
 * ARM, through Service Management, and straight into the database by a writer that is no store function, on
 * this connection or another. The lookups are kept per table, so a write elsewhere (a certificate) leaves them in place.
 */

let emulator: TestEmulator;
let location: string;
const bob = DEMO_USERS.find((u) => u.username === 'bob')!;
const production = DEMO_SUBSCRIPTIONS.production.id;

beforeAll(async () => {
  location = mkdtempSync(join(tmpdir(), 'certportal-cache-'));
  emulator = await startTestEmulator({ seedDemo: true, location });
});
afterAll(async () => {
  await emulator.close();
  rmSync(location, { recursive: true, force: true });
});

const list = (token: string, query = '') =>
  fetch(`${emulator.url}arm${certificatesPath(DEMO_APIM).slice('/arm'.length)}?${API_VERSION}${query}`, { headers: { Authorization: `Bearer ${token}` } });
const put = (token: string, id: string) =>
  fetch(`${emulator.url}arm${certificatesPath(DEMO_APIM).slice('/arm'.length)}/${id}?${API_VERSION}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: keyVaultBody(),
  });
const remove = (token: string, id: string) =>
  fetch(`${emulator.url}arm${certificatesPath(DEMO_APIM).slice('/arm'.length)}/${id}?${API_VERSION}`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${token}`, 'If-Match': '*' },
  });
const countOf = async (response: Response) => {
  expect(response.status).toBe(200);
  return ((await response.json()) as { count: number }).count;
};

describe('caches under the data version', () => {
  it('an ARM PUT and DELETE change the unfiltered count of a page of 1', async () => {
    const alice = await emulator.token('alice');
    const before = await countOf(await list(alice, '&$top=1'));
    expect(await countOf(await list(alice, '&$top=1'))).toBe(before);
    expect(cachedReadCount(emulator.db)).toBeGreaterThan(0);
    expect((await put(alice, 'cache-proof')).status).toBe(201);
    expect(await countOf(await list(alice, '&$top=1'))).toBe(before + 1);
    expect((await remove(alice, 'cache-proof')).status).toBe(200);
    expect(await countOf(await list(alice, '&$top=1'))).toBe(before);
  });

  it('a certificate write and a Service Management write keep the lookups every request repeats', async () => {
    const alice = await emulator.token('alice');
    expect((await put(alice, 'lookup-proof')).status).toBe(201);
    expect((await list(alice, '&$top=1000')).status).toBe(200);
    const lookups = cachedReadCount(emulator.db);
    expect(lookups).toBeGreaterThanOrEqual(5); // signing key, subscription, role, group, service
    const count = await countOf(await list(alice, '&$top=1'));
    expect(cachedReadCount(emulator.db)).toBe(lookups);

    expect((await remove(alice, 'lookup-proof')).status).toBe(200);
    expect(cachedReadCount(emulator.db)).toBe(lookups);
    expect(await countOf(await list(alice, '&$top=1'))).toBe(count - 1);
    const [certificate] = await issueMany(1);
    const added = await emulator.asm(`/${production}/certificates`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/xml' },
      body: addBody(partsOf(certificate)),
    });
    expect(added.status).toBe(200);
    expect(cachedReadCount(emulator.db)).toBe(lookups);
  });

  it('a role changed by raw SQL on the same connection is seen on the next request', async () => {
    const token = await emulator.token('bob');
    expect((await list(token, '&$top=1')).status).toBe(200);
    expect((await put(token, 'bob-proof')).status).toBe(403); // Reader, now cached
    emulator.db.prepare('UPDATE role_assignments SET role = ? WHERE principal_id = ? AND subscription_id = ?').run('Owner', bob.oid, production);
    try {
      expect((await put(token, 'bob-proof')).status).toBe(201);
    } finally {
      emulator.db.prepare('UPDATE role_assignments SET role = ? WHERE principal_id = ? AND subscription_id = ?').run('Reader', bob.oid, production);
      await remove(await emulator.token('alice'), 'bob-proof');
    }
    expect((await put(token, 'bob-proof-2')).status).toBe(403);
  });

  it('a subscription disabled by another connection is read-only on the next request', async () => {
    const alice = await emulator.token('alice');
    expect((await list(alice, '&$top=1')).status).toBe(200); // the subscription row is cached
    forgetOtherConnectionsVersion();
    const before = otherConnectionsVersion(emulator.db);
    const other = new Database(join(location, 'emulator.db'));
    try {
      other.prepare('UPDATE subscriptions SET state = ? WHERE id = ?').run('Disabled', production);
      forgetOtherConnectionsVersion();
      expect(otherConnectionsVersion(emulator.db)).not.toBe(before);
      const refused = await put(alice, 'disabled-proof');
      expect(refused.status).toBe(409);
      expect(await refused.text()).toMatch(/ReadOnlyDisabledSubscription/);
    } finally {
      other.prepare('UPDATE subscriptions SET state = ? WHERE id = ?').run('Enabled', production);
      other.close();
    }
    expect((await list(alice, '&$top=1')).status).toBe(200);
  });
});

describe('lookups kept per table', () => {
  const service = (group: string, name: string) =>
    `/subscriptions/${production}/resourceGroups/${group}/providers/Microsoft.ApiManagement/service/${name}?${API_VERSION}`;

  it('a subscription disabled by raw SQL on the same connection is read-only on the next request', async () => {
    const alice = await emulator.token('alice');
    expect((await list(alice, '&$top=1')).status).toBe(200);
    emulator.db.prepare('UPDATE subscriptions SET state = ? WHERE id = ?').run('Disabled', production);
    try {
      expect((await put(alice, 'disabled-proof-2')).status).toBe(409);
    } finally {
      emulator.db.prepare('UPDATE subscriptions SET state = ? WHERE id = ?').run('Enabled', production);
    }
  });

  it('a resource group and a service inserted by raw SQL are found on the next request, though their absence was kept', async () => {
    const alice = await emulator.token('alice');
    const missingGroup = await emulator.arm(service('cache-proof-rg', 'cache-proof-apim'));
    expect(missingGroup.status).toBe(404);
    expect(await missingGroup.text()).toMatch(/ResourceGroupNotFound/);
    expect((await emulator.arm(service('cache-proof-rg', 'cache-proof-apim'))).status).toBe(404); // served from the cache
    emulator.db.prepare("INSERT INTO resource_groups (subscription_id, name, location) VALUES (?, 'cache-proof-rg', 'westeurope')").run(production);
    try {
      const missingService = await emulator.arm(service('cache-proof-rg', 'cache-proof-apim'));
      expect(missingService.status).toBe(404);
      expect(await missingService.text()).toMatch(/ResourceNotFound|ServiceNotFound|not found/i);
      emulator.db
        .prepare(
          `INSERT INTO apim_services (subscription_id, resource_group, name, location, sku_name, sku_capacity, publisher_email, publisher_name)
           VALUES (?, 'cache-proof-rg', 'cache-proof-apim', 'westeurope', 'Developer', 1, 'a@contoso.com', 'Contoso')`,
        )
        .run(production);
      expect((await emulator.arm(service('cache-proof-rg', 'cache-proof-apim'), { headers: { Authorization: `Bearer ${alice}` } })).status).toBe(200);
    } finally {
      emulator.db.prepare("DELETE FROM apim_services WHERE subscription_id = ? AND resource_group = 'cache-proof-rg'").run(production);
      emulator.db.prepare("DELETE FROM resource_groups WHERE subscription_id = ? AND name = 'cache-proof-rg'").run(production);
    }
    expect((await emulator.arm(service('cache-proof-rg', 'cache-proof-apim'))).status).toBe(404);
  });

  it('a value read inside a transaction that is rolled back is not kept', () => {
    const db = emulator.db;
    const before = roleOn(db, bob.oid, production);
    expect(before).toBe('Reader');
    expect(() =>
      db.transaction(() => {
        db.prepare('UPDATE role_assignments SET role = ? WHERE principal_id = ? AND subscription_id = ?').run('Owner', bob.oid, production);
        expect(roleOn(db, bob.oid, production)).toBe('Owner');
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(roleOn(db, bob.oid, production)).toBe('Reader');
  });
});

describe('the certificate list index, kept in memory per service', () => {
  // One filter the trigram index narrows, one that tests every row.
  const filters = ["contains(name,'filtered-proof')", "not (not startswith(name,'filtered-proof'))"];
  const counts = async (token: string) =>
    Promise.all(filters.map(async (filter) => countOf(await list(token, `&$top=1&$filter=${encodeURIComponent(filter)}`))));

  const demoService = { subscriptionId: DEMO_APIM.subscriptionId, resourceGroup: DEMO_APIM.resourceGroup, serviceName: DEMO_APIM.service };

  it('follows an ARM PUT, a legacy API DELETE and a rename by another connection', async () => {
    const alice = await emulator.token('alice');
    for (const id of ['filtered-proof-1', 'filtered-proof-2']) expect((await put(alice, id)).status).toBe(201);
    expect(await counts(alice)).toEqual([2, 2]);
    const index = serviceIndex(emulator.db, demoService);

    expect((await put(alice, 'filtered-proof-3')).status).toBe(201);
    expect(await counts(alice)).toEqual([3, 3]);
    // Brought up to date row by row, not read again.
    expect(serviceIndex(emulator.db, demoService)).toBe(index);

    const secrets = (await (
      await emulator.arm(
        `${certificatesPath(DEMO_APIM)
          .slice('/arm'.length)
          .replace(/\/certificates$/, '')}/tenant/access/listSecrets?${API_VERSION}`,
        { method: 'POST' },
      )
    ).json()) as {
      id: string;
      primaryKey: string;
    };
    const deleted = await fetch(`${emulator.url}apim-direct/${DEMO_APIM.service}/certificates/filtered-proof-3?${LEGACY}`, {
      method: 'DELETE',
      headers: { Authorization: namedToken(secrets.primaryKey, secrets.id, inAnHour()), 'If-Match': '*' },
    });
    expect(deleted.status).toBeLessThan(300);
    expect(await counts(alice)).toEqual([2, 2]);

    const other = new Database(join(location, 'emulator.db'));
    try {
      other.prepare("UPDATE apim_certificates SET certificate_id = 'renamed-proof-2' WHERE certificate_id = 'filtered-proof-2'").run();
    } finally {
      other.close();
    }
    expect(await counts(alice)).toEqual([1, 1]);
    // Another connection's commit: read again.
    expect(serviceIndex(emulator.db, demoService)).not.toBe(index);
    for (const id of ['filtered-proof-1', 'renamed-proof-2']) expect((await remove(alice, id)).status).toBe(200);
    expect(await counts(alice)).toEqual([0, 0]);
  });
});

describe('the verified-token cache', () => {
  it('refuses a cached token once the signing key is replaced', async () => {
    const token = await emulator.token('alice');
    expect((await list(token, '&$top=1')).status).toBe(200);
    expect((await list(token, '&$top=1')).status).toBe(200); // now served from the cache
    const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
    const replaced = emulator.keys.privateJwk;
    putSetting(emulator.db, 'identity.signingKey', JSON.stringify({ ...(await exportJWK(privateKey)), kid: 'replacement', alg: 'RS256', use: 'sig' }));
    try {
      const refused = await list(token, '&$top=1');
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer /);
    } finally {
      putSetting(emulator.db, 'identity.signingKey', JSON.stringify(replaced));
    }
  });

  it('checks the audience of a cached token on every request', async () => {
    const arm = await emulator.token('alice', 'arm');
    expect((await list(arm, '&$top=1')).status).toBe(200);
    const wrongAudience = await fetch(`${emulator.url}asm/${production}/certificates`, {
      headers: { Authorization: `Bearer ${arm}`, 'x-ms-version': '2014-10-01' },
    });
    expect(wrongAudience.status).toBe(401);
  });
});
