import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileODataFilterToSql } from '../../common/odata-filter-sql.ts';
import Database from 'better-sqlite3';
import { migrate, MIGRATIONS, openDatabase } from '../../store/database.ts';
import { certificateTextIndex, deleteCertificateRow, getCertificate, insertCertificate, updateCertificate } from '../../store/apim-certificate-store.ts';
import { certificateFilterFields } from '../certificates/list-certificates.ts';
import { db, referencePage, service, services, setUpRandomCertificateStore, sqlPage } from './list-certificates-reference.ts';

setUpRandomCertificateStore();

/** The trigram index under the certificate list (apim_certificate_text): kept right by triggers, and used. */
describe('the trigram index under the SQL list', () => {
  it('keeps the trigram index right through updates, deletes, REPLACE and a reused rowid', () => {
    const scratch = openDatabase(null);
    try {
      const key = services[0];
      const now = new Date('2025-06-01T00:00:00Z');
      const values = { subject: 'CN=first.example, O=Contoso', thumbprint: 'AAAA1111', expirationDate: '2026-01-01T00:00:00Z', keyVault: null, data: null };
      for (let i = 0; i < 30; i++)
        insertCertificate(
          scratch,
          key,
          `cert-${String(i).padStart(3, '0')}`,
          { ...values, subject: `CN=host${i}.example, O=${i % 2 ? 'Contoso' : 'Fabrikam'}` },
          now,
        );
      updateCertificate(scratch, getCertificate(scratch, key, 'cert-004')!, { ...values, subject: 'CN=renamed.example, O=Tailspin' }, now);
      updateCertificate(scratch, getCertificate(scratch, key, 'cert-005')!, { ...values, subject: 'CN=Ünïcode.example, O=Tailspin' }, now);
      deleteCertificateRow(scratch, getCertificate(scratch, key, 'cert-029')!);
      insertCertificate(scratch, key, 'cert-new', { ...values, subject: 'CN=reused-rowid.example' }, now);
      scratch
        .prepare(
          `INSERT OR REPLACE INTO apim_certificates (subscription_id, resource_group, service_name, certificate_id, subject, thumbprint, expiration_date, key_vault, data, etag, created_at, updated_at)
           VALUES (?, ?, ?, 'cert-010', 'CN=replaced.example', 'BBBB2222', '2026-01-01T00:00:00Z', NULL, NULL, '"e"', 'now', 'now')`,
        )
        .run(key.subscriptionId, key.resourceGroup, key.serviceName);
      const filters = [
        "contains(subject,'renamed')",
        "contains(subject,'host4.')",
        "contains(subject,'host5.')",
        "contains(subject,'ünïcode')",
        "contains(subject,'host29')",
        "contains(subject,'reused')",
        "contains(subject,'replaced')",
        "contains(subject,'host10.')",
        "contains(thumbprint,'bbbb')",
        "contains(subject,'fabrikam')",
        "contains(subject,'.example')",
      ];
      for (const filter of filters) {
        const expected = referencePage(scratch, key, filter, false, 0, 100);
        expect(sqlPage(scratch, key, filter, false, 0, 100, true), filter).toEqual(expected);
      }
      expect(referencePage(scratch, key, "contains(subject,'replaced')", false, 0, 100).ids).toEqual(['cert-010']);
      expect(referencePage(scratch, key, "contains(subject,'.example')", false, 0, 100).count).toBe(30);
    } finally {
      scratch.close();
    }
  });

  it('indexes the certificates of a store made before the trigram index', () => {
    const location = mkdtempSync(join(tmpdir(), 'certportal-trigram-'));
    try {
      const key = services[0];
      const values = { subject: 'CN=older.example', thumbprint: 'CCCC3333', expirationDate: '2026-01-01T00:00:00Z', keyVault: null, data: null };
      // A store made before the trigram index: the schema steps before it, then rows it never saw.
      const older = new Database(join(location, 'emulator.db'));
      migrate(
        older,
        MIGRATIONS.findIndex((step) => step.includes('CREATE VIRTUAL TABLE apim_certificate_text')),
      );
      expect(older.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'apim_certificate_text'").get()).toEqual({ n: 0 });
      insertCertificate(older, key, 'cert-older-1', values, new Date());
      insertCertificate(older, key, 'cert-older-2', { ...values, subject: 'CN=Öldér.example' }, new Date());
      older.close();
      const reopened = openDatabase(location);
      try {
        for (const filter of ["contains(subject,'older.ex')", "contains(subject,'öldér')", "startswith(name,'cert-older')"]) {
          const expected = referencePage(reopened, key, filter, false, 0, 100);
          expect(expected.count).toBeGreaterThan(0);
          expect(compileODataFilterToSql(filter, certificateFilterFields, certificateTextIndex(reopened)).rowids, filter).not.toBeNull();
          expect(sqlPage(reopened, key, filter, false, 0, 100, true), filter).toEqual(expected);
        }
      } finally {
        reopened.close();
      }
    } finally {
      rmSync(location, { recursive: true, force: true });
    }
  });

  it('looks a long needle up by trigram instead of reading the whole service', () => {
    const filter = compileODataFilterToSql(
      "(contains(name,'cert-042') or contains(subject,'cert-042') or contains(thumbprint,'cert-042'))",
      certificateFilterFields,
      certificateTextIndex(db),
    );
    expect(filter.rowids).not.toBeNull();
    // One look-up for the three columns, and the non-ASCII rows from their partial index.
    expect(filter.rowids!.params).toHaveLength(1);
    const sql = `SELECT certificate_id FROM apim_certificates WHERE rowid IN (${filter.rowids!.sql}) AND +subscription_id = ? AND resource_group = ? AND service_name = ? AND ${filter.sql}`;
    const plan = (
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...filter.rowids!.params, service.subscriptionId, service.resourceGroup, service.serviceName, ...filter.params) as Array<{ detail: string }>
    ).map((row) => row.detail);
    expect(plan).toContain('SEARCH apim_certificates USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan.some((detail) => detail.includes('apim_certificate_text VIRTUAL TABLE'))).toBe(true);
    expect(
      plan.some((detail) => detail.includes('USING INDEX apim_certificates_non_ascii') || detail.includes('USING COVERING INDEX apim_certificates_non_ascii')),
    ).toBe(true);
    expect(plan.filter((detail) => /^SCAN apim_certificates\b/.test(detail) && !detail.includes('apim_certificates_non_ascii'))).toEqual([]);
  });
});
