/// <reference types="node" />
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DEMO_APIM } from '../emulator/test-support/child-emulator.ts';

/** Benchmark services in the demo subscription's resource group, each holding exactly `count` certificates. */
export const BENCH_SERVICES = {
  blade: { name: 'bench-100', count: 100 },
  grid: { name: 'bench-1000', count: 1000 },
  list: { name: 'bench-10k', count: 10_000 },
} as const;

/** Days from now to the expiry of certificate i: some expired, most not, spread over ~2.5 years, not in id order. */
export function benchExpiryDays(i: number): number {
  return ((i * 37) % 900) - 60;
}

export function serviceRef(name: string) {
  return { subscriptionId: DEMO_APIM.subscriptionId, resourceGroup: DEMO_APIM.resourceGroup, service: name };
}

/**
 * Straight into the emulator's SQLite file (emulator/store/database.ts schema, row shape of
 * emulator/store/apim-certificate-store.ts), while the emulator is stopped: 11,100 rows in well under
 * a second, where the API would open a .pfx per certificate. Uploaded-style rows: no Key Vault, no DER kept.
 */
export function seedBenchCertificates(location: string): void {
  const db = new Database(join(location, 'emulator.db'));
  try {
    const service = db.prepare(
      `INSERT OR IGNORE INTO apim_services (subscription_id, resource_group, name, location, sku_name, sku_capacity, publisher_email, publisher_name, user_identity_client_ids)
       VALUES (?, ?, ?, 'West Europe', 'Premium', 1, 'bench@contoso.com', 'Contoso Bench', '[]')`,
    );
    const certificate = db.prepare(
      `INSERT OR REPLACE INTO apim_certificates (subscription_id, resource_group, service_name, certificate_id, subject, thumbprint, expiration_date, key_vault, data, etag, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?)`,
    );
    const now = Date.now();
    const created = new Date(now).toISOString();
    db.transaction(() => {
      for (const { name, count } of Object.values(BENCH_SERVICES)) {
        service.run(DEMO_APIM.subscriptionId, DEMO_APIM.resourceGroup, name);
        for (let i = 0; i < count; i++) {
          const id = `cert-${String(i).padStart(5, '0')}`;
          const days = benchExpiryDays(i);
          const expires = new Date(now + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
          const org = ['Contoso Ltd', 'Fabrikam Inc', 'Northwind Traders', 'Tailspin Toys'][i % 4];
          const subject = `C=US, O=${org}, CN=${id}.${org.split(' ')[0].toLowerCase()}.example`;
          const thumbprint = createHash('sha1').update(`${name}/${id}`).digest('hex').toUpperCase();
          certificate.run(
            DEMO_APIM.subscriptionId,
            DEMO_APIM.resourceGroup,
            name,
            id,
            subject,
            thumbprint,
            expires,
            `"${randomBytes(8).toString('base64')}"`,
            created,
            created,
          );
        }
      }
    })();
  } finally {
    db.close();
  }
}
