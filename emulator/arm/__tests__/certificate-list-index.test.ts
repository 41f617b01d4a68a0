import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { forgetOtherConnectionsVersion } from '../../store/data-version.ts';
import { openDatabase, type Db } from '../../store/database.ts';
import { deleteCertificateRow, getCertificate, insertCertificate, updateCertificate } from '../../store/apim-certificate-store.ts';
import { MAX_INDEXED_ROWS, serviceIndex } from '../../store/apim-certificate-list/list-page.ts';
import { indexPage, referencePage, services } from './list-certificates-reference.ts';

/**
 * The in-memory index under the certificate list (store/apim-certificate-list/) follows every write to
 * apim_certificates, whoever makes it: the stores, plain SQL, a REPLACE, a rolled-back transaction, another
 * connection. Each list below is compared with the plain read-and-test reference right after the write.
 */
const key = services[0];
const now = new Date('2025-06-01T00:00:00Z');
const values = { subject: 'CN=first.example, O=Contoso', thumbprint: 'AAAA1111', expirationDate: '2026-01-01T00:00:00Z', keyVault: null, data: null };

const filters = [
  '',
  "contains(subject,'renamed')",
  "contains(subject,'host4.')",
  "contains(subject,'ünïcode')",
  "contains(subject,'host29')",
  "contains(subject,'replaced')",
  "contains(subject,'raw.')",
  "contains(thumbprint,'bbbb')",
  "contains(subject,'fabrikam')",
  "contains(subject,'.example')",
  "startswith(name,'cert-0')",
  "name eq 'CERT-NEW'",
  'expirationDate lt 2026-06-01T00:00:00Z',
  'expirationDate ge 2027-01-01T00:00:00Z',
];

function expectSameAsReference(db: Db, when: string): void {
  for (const filter of filters) {
    for (const [skip, top] of [
      [0, 100],
      [3, 4],
    ]) {
      expect(indexPage(db, key, filter, false, skip, top), `${when}: ${filter} (skip ${skip}, top ${top})`).toEqual(
        referencePage(db, key, filter, false, skip, top),
      );
    }
  }
}

function seed(db: Db, count: number): void {
  for (let i = 0; i < count; i++)
    insertCertificate(db, key, `cert-${String(i).padStart(3, '0')}`, { ...values, subject: `CN=host${i}.example, O=${i % 2 ? 'Contoso' : 'Fabrikam'}` }, now);
}

const REPLACE = `INSERT OR REPLACE INTO apim_certificates (subscription_id, resource_group, service_name, certificate_id, subject, thumbprint, expiration_date, key_vault, data, etag, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, 'BBBB2222', ?, NULL, NULL, '"e"', 'now', 'now')`;

describe('the certificate list index', () => {
  it('follows inserts, updates, deletes, REPLACE and plain SQL, one row at a time', () => {
    const db = openDatabase(null);
    try {
      seed(db, 30);
      const index = serviceIndex(db, key);
      expectSameAsReference(db, 'built');
      updateCertificate(db, getCertificate(db, key, 'cert-004')!, { ...values, subject: 'CN=renamed.example, O=Tailspin' }, now);
      updateCertificate(
        db,
        getCertificate(db, key, 'cert-005')!,
        { ...values, subject: 'CN=Ünïcode.example, O=Tailspin', expirationDate: '2027-03-01T00:00:00Z' },
        now,
      );
      deleteCertificateRow(db, getCertificate(db, key, 'cert-029')!);
      insertCertificate(db, key, 'cert-new', { ...values, subject: 'CN=new.example', expirationDate: '2025-12-01T00:00:00Z' }, now);
      // REPLACE deletes the old row without a delete trigger; the insert trigger carries its key.
      db.prepare(REPLACE).run(key.subscriptionId, key.resourceGroup, key.serviceName, 'CERT-010', 'CN=replaced.example', '2027-06-01T00:00:00Z');
      db.prepare('UPDATE apim_certificates SET subject = ? WHERE certificate_id = ?').run('CN=raw.example', 'cert-011');
      db.prepare("DELETE FROM apim_certificates WHERE certificate_id IN ('cert-012', 'cert-013')").run();
      expectSameAsReference(db, 'after writes');
      // Kept and brought up to date, not read again.
      expect(serviceIndex(db, key)).toBe(index);
      expect(referencePage(db, key, "contains(subject,'replaced')", false, 0, 100).ids).toEqual(['CERT-010']);
    } finally {
      db.close();
    }
  });

  it('forgets what a rolled-back transaction wrote, even when listed inside it', () => {
    const db = openDatabase(null);
    try {
      seed(db, 20);
      expectSameAsReference(db, 'built');
      expect(() =>
        db.transaction(() => {
          insertCertificate(db, key, 'cert-ghost', { ...values, subject: 'CN=renamed.example' }, now);
          db.prepare('DELETE FROM apim_certificates WHERE certificate_id = ?').run('cert-003');
          expectSameAsReference(db, 'inside the transaction');
          throw new Error('roll back');
        })(),
      ).toThrow('roll back');
      expectSameAsReference(db, 'after the rollback');
      expect(referencePage(db, key, "contains(subject,'renamed')", false, 0, 100).count).toBe(0);
    } finally {
      db.close();
    }
  });

  it('reads the service again after many changes, and after another connection commits', () => {
    const location = mkdtempSync(join(tmpdir(), 'certportal-list-index-'));
    const db = openDatabase(location);
    try {
      seed(db, 10);
      const first = serviceIndex(db, key);
      db.transaction(() => {
        for (let i = 0; i < 1500; i++) insertCertificate(db, key, `bulk-${i}`, { ...values, subject: `CN=bulk${i}.example` }, now);
      })();
      expectSameAsReference(db, 'after a bulk insert');
      expect(serviceIndex(db, key)).not.toBe(first);
      const other = new Database(join(location, 'emulator.db'));
      try {
        other.prepare(REPLACE).run(key.subscriptionId, key.resourceGroup, key.serviceName, 'cert-002', 'CN=replaced.example', '2027-06-01T00:00:00Z');
        other.prepare('DELETE FROM apim_certificates WHERE certificate_id LIKE ?').run('bulk-1%');
      } finally {
        other.close();
      }
      // As each request begins: other connections' commits are probed once per request (store/data-version.ts).
      forgetOtherConnectionsVersion();
      expectSameAsReference(db, 'after another connection wrote');
    } finally {
      db.close();
      rmSync(location, { recursive: true, force: true });
    }
  });

  it('keeps services apart: a write to one leaves the other as it was', () => {
    const db = openDatabase(null);
    try {
      seed(db, 5);
      const other = services[1];
      insertCertificate(db, other, 'cert-000', { ...values, subject: 'CN=other.example' }, now);
      const index = serviceIndex(db, key);
      const otherIndex = serviceIndex(db, other);
      updateCertificate(db, getCertificate(db, other, 'cert-000')!, { ...values, subject: 'CN=renamed.example' }, now);
      expect(serviceIndex(db, key)).toBe(index);
      expect(serviceIndex(db, other)).toBe(otherIndex);
      expect(indexPage(db, key, "contains(subject,'renamed')", false, 0, 10).count).toBe(0);
      expect(indexPage(db, other, "contains(subject,'renamed')", false, 0, 10).ids).toEqual(['cert-000']);
    } finally {
      db.close();
    }
  });

  it('holds at most MAX_INDEXED_ROWS rows, letting the least recently listed service go first', () => {
    const db = openDatabase(null);
    try {
      const perService = Math.ceil(MAX_INDEXED_ROWS / 2.5);
      const keys = ['first', 'second', 'third'].map((serviceName) => ({ ...key, serviceName }));
      db.transaction(() => {
        for (const service of keys)
          for (let i = 0; i < perService; i++) insertCertificate(db, service, `cert-${i}`, { ...values, subject: `CN=host${i}.example` }, now);
      })();
      const [first, second] = keys.map((service) => serviceIndex(db, service));
      // The third pushed the total past the limit: the first, least recently listed, was let go.
      expect(serviceIndex(db, keys[1])).toBe(second);
      expect(serviceIndex(db, keys[0])).not.toBe(first);
      expect(indexPage(db, keys[0], "startswith(name,'cert-1')", false, 0, 10)).toEqual(referencePage(db, keys[0], "startswith(name,'cert-1')", false, 0, 10));
    } finally {
      db.close();
    }
  });
});
