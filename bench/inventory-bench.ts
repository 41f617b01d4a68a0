/// <reference types="node" />
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { DEMO_TENANT_ID, DEMO_USERS } from '../emulator/seed/demo-ids.ts';
import { newContext, signIn } from './browser-bench.ts';

export const INVENTORY_BENCH = { subscriptions: 50, servicesPerSubscription: 4, certificatesPerService: 100 } as const;

const uuid = (text: string) => {
  const h = createHash('sha1').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/**
 * 50 subscriptions alice owns, 4 services in each, 100 certificates in each service (20,000), straight
 * into the stopped emulator's SQLite file (schema of emulator/store/database.ts), as bench/seed.ts does.
 */
export function seedInventoryBench(location: string): void {
  const db = new Database(join(location, 'emulator.db'));
  const alice = DEMO_USERS[0].oid;
  try {
    const subscription = db.prepare(`INSERT OR IGNORE INTO subscriptions (id, display_name, state, tenant_id) VALUES (?, ?, 'Enabled', ?)`);
    const role = db.prepare(`INSERT OR IGNORE INTO role_assignments (principal_id, subscription_id, role) VALUES (?, ?, 'Owner')`);
    const group = db.prepare(`INSERT OR IGNORE INTO resource_groups (subscription_id, name, location) VALUES (?, 'rg-bench', 'westeurope')`);
    const service = db.prepare(
      `INSERT OR IGNORE INTO apim_services (subscription_id, resource_group, name, location, sku_name, sku_capacity, publisher_email, publisher_name, user_identity_client_ids)
       VALUES (?, 'rg-bench', ?, 'West Europe', 'Standard', 1, 'bench@contoso.com', 'Contoso Bench', '[]')`,
    );
    const certificate = db.prepare(
      `INSERT OR REPLACE INTO apim_certificates (subscription_id, resource_group, service_name, certificate_id, subject, thumbprint, expiration_date, key_vault, data, etag, created_at, updated_at)
       VALUES (?, 'rg-bench', ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?)`,
    );
    const now = Date.now();
    const created = new Date(now).toISOString();
    db.transaction(() => {
      for (let s = 0; s < INVENTORY_BENCH.subscriptions; s++) {
        const id = uuid(`inventory-bench-${s}`);
        subscription.run(id, `Bench subscription ${String(s).padStart(2, '0')}`, DEMO_TENANT_ID);
        role.run(alice, id);
        group.run(id);
        for (let v = 0; v < INVENTORY_BENCH.servicesPerSubscription; v++) {
          const name = `bench-apim-${s}-${v}`;
          service.run(id, name);
          for (let i = 0; i < INVENTORY_BENCH.certificatesPerService; i++) {
            const days = ((s * 131 + v * 17 + i * 37) % 500) - 30;
            const expires = new Date(now + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
            const thumbprint = createHash('sha1').update(`${name}/${i}`).digest('hex').toUpperCase();
            certificate.run(id, name, `cert-${i}`, `CN=cert-${i}.${name}.example`, thumbprint, expires, `"${thumbprint.slice(0, 12)}"`, created, created);
          }
        }
      }
    })();
  } finally {
    db.close();
  }
}

export interface InventoryBench {
  firstRowsMs: number;
  completeMs: number;
  rows: number;
  sources: number;
  filterMs: number;
  sortMs: number;
}

/** Home after sign-in, reloaded so nothing is cached: time to the first row, to every source read, then a filter and a sort. */
export async function benchInventory(browser: Browser, baseURL: string): Promise<InventoryBench> {
  const context = await newContext(browser, baseURL);
  try {
    const page = await context.newPage();
    await signIn(page);
    await page.getByText(/^(\d+) of \1 sources read$/).waitFor({ timeout: 120_000 });
    await page.reload();
    const started = await page.evaluate(() => performance.timeOrigin);
    await page.locator('[role=table] [role=row][aria-rowindex="2"]').waitFor({ timeout: 60_000 });
    const firstRowsMs = Date.now() - started;
    const done = page.getByText(/^(\d+) of \1 sources read$/);
    await done.waitFor({ timeout: 120_000 });
    const completeMs = Date.now() - started;
    const sources = Number(((await done.textContent()) ?? '0').split(' ')[0]);
    const rows = Number(((await page.getByText(/^\d+ of \d+ certificates shown$/).textContent()) ?? '0').split(' ')[0]);

    // In the page's own clock: from the keystroke (or click) to the first frame that shows its result. Strings,
    // because tsx would wrap named inner functions in a helper the page does not have.
    const filterMs = await page.evaluate<number>(`new Promise((resolve) => {
      const box = document.querySelector('input[type=search]');
      const t0 = performance.now();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(box, 'bench-apim-7-2');
      box.dispatchEvent(new Event('input', { bubbles: true }));
      const check = () => (/(^|\\s)100 of \\d+ certificates shown/.test(document.body.innerText) ? resolve(performance.now() - t0) : requestAnimationFrame(check));
      requestAnimationFrame(check);
    })`);
    await page.getByRole('searchbox', { name: /Filter certificates/ }).fill('');
    await page.getByText(`${rows} of ${rows} certificates shown`).waitFor();
    const sortMs = await page.evaluate<number>(`new Promise((resolve) => {
      const header = [...document.querySelectorAll('[role=columnheader]')].find((h) => h.textContent.startsWith('Subject'));
      const t0 = performance.now();
      header.querySelector('button').click();
      const check = () => (header.getAttribute('aria-sort') === 'ascending' ? resolve(performance.now() - t0) : requestAnimationFrame(check));
      requestAnimationFrame(check);
    })`);
    return { firstRowsMs, completeMs, rows, sources, filterMs: Math.round(filterMs), sortMs: Math.round(sortMs) };
  } finally {
    await context.close();
  }
}
