import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ODataFilterError } from '../../common/odata-filter-parser.ts';
import { compileODataFilter, type FilterFields } from '../../common/odata-filter-predicate.ts';
import { compileODataFilterToSql } from '../../common/odata-filter-sql.ts';
import { openDatabase, type Db } from '../../store/database.ts';
import type { ServiceKey } from '../../store/apim-service-store.ts';
import {
  certificateTextIndex,
  deleteCertificateRow,
  getCertificate,
  insertCertificate,
  keyVaultOf,
  listCertificatePage,
  updateCertificate,
  type CertificateRow,
  type KeyVaultState,
} from '../../store/apim-certificate-store.ts';
import { formatAzureDate } from '../../common/azure-dates.ts';
import { toCertificateContract } from '../certificates/certificate-contract.ts';
import { certificateFilterFields } from '../certificates/list-certificates.ts';

/**
 * The list used to read every row of a service and filter in JavaScript; it now asks SQLite. The old way
 * stays here as the reference: same ids in the same order, same count, same contracts. Each list is asked
 * twice: by the exact condition alone, and narrowed first by the trigram index.
 */
const jsFields: FilterFields<CertificateRow> = {
  name: { type: 'string', functions: true, read: (row) => row.certificate_id },
  subject: { type: 'string', functions: true, read: (row) => row.subject },
  thumbprint: { type: 'string', functions: true, read: (row) => row.thumbprint },
  expirationDate: { type: 'datetime', read: (row) => new Date(row.expiration_date) },
};

interface Page {
  ids: string[];
  count: number;
  contracts: unknown[];
}

function referencePage(db: Db, key: ServiceKey, filter: string, failedOnly: boolean, skip: number, pageSize: number): Page {
  const matches = filter.trim() === '' ? () => true : compileODataFilter(filter, jsFields);
  const rows = (
    db
      .prepare('SELECT * FROM apim_certificates WHERE subscription_id = ? AND resource_group = ? AND service_name = ? ORDER BY certificate_id COLLATE NOCASE')
      .all(key.subscriptionId, key.resourceGroup, key.serviceName) as CertificateRow[]
  ).filter((row) => {
    if (failedOnly && keyVaultOf(row)?.lastStatus.code === 'Success') return false;
    if (failedOnly && !row.key_vault) return false;
    return matches(row);
  });
  const page = rows.slice(skip, skip + pageSize);
  return { ids: page.map((row) => row.certificate_id), count: rows.length, contracts: page.map(toCertificateContract) };
}

function sqlPage(db: Db, key: ServiceKey, filter: string, failedOnly: boolean, skip: number, pageSize: number, indexed: boolean): Page {
  const condition = filter.trim() === '' ? null : compileODataFilterToSql(filter, certificateFilterFields, indexed ? certificateTextIndex(db) : undefined);
  const { rows, count } = listCertificatePage(db, key, { filter: condition, failedRefreshOnly: failedOnly, skip, pageSize });
  return { ids: rows.map((row) => row.certificate_id), count, contracts: rows.map(toCertificateContract) };
}

/** mulberry32: the same "random" certificates on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(20240501);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];

// ASCII in both cases, LIKE's wildcards and escape, and characters whose case folding SQLite does not know:
// accents, ß, dotted İ, the Kelvin sign (lower-cases to ASCII k), Greek sigma (final ς), an astral emoji,
// full-width and private-use characters (whose UTF-16 order differs from their code point order).
const pieces = [
  'a',
  'b',
  'C',
  'D',
  'x',
  'Y',
  '-',
  '.',
  '0',
  '7',
  '%',
  '_',
  '\\',
  "'",
  ' ',
  'é',
  'É',
  'ß',
  'İ',
  'i',
  'I',
  'K',
  'k',
  'Σ',
  'σ',
  'ς',
  '😀',
  'Ａ',
  'ａ',
  '\uE000',
];
const word = (min: number, max: number) => Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => pick(pieces)).join('');

const services: ServiceKey[] = [
  { subscriptionId: '00000000-0000-0000-0000-000000000001', resourceGroup: 'rg-diff', serviceName: 'svc-a' },
  { subscriptionId: '00000000-0000-0000-0000-000000000001', resourceGroup: 'rg-diff', serviceName: 'svc-b' },
];
const [service] = services;
const someDates: string[] = [];

let db: Db;

beforeAll(() => {
  db = openDatabase(null);
  const now = new Date('2025-06-01T00:00:00Z');
  for (const key of services) {
    const taken = new Set<string>();
    while (taken.size < (key === service ? 400 : 50)) {
      const id = next() < 0.5 ? `cert-${word(1, 4)}` : word(1, 6);
      // Ids are unique ignoring ASCII case, like the primary key.
      const folded = id.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
      if (taken.has(folded)) continue;
      taken.add(folded);
      const expires = formatAzureDate(new Date(Date.UTC(2024, 0, 1) + Math.floor(next() * 4 * 365) * 86_400_000 + Math.floor(next() * 86_400) * 1000));
      someDates.push(expires);
      const keyVault: KeyVaultState | null =
        next() < 0.3
          ? {
              secretIdentifier: `https://vault.vault.azure.net/secrets/${taken.size}`,
              identityClientId: next() < 0.5 ? null : 'client',
              lastStatus: { code: pick(['Success', 'Success', 'Forbidden', 'SecretNotFound']), timeStampUtc: '2025-05-01T00:00:00Z' },
            }
          : null;
      const thumbprint = Array.from({ length: 8 }, () => pick('0123456789ABCDEF'.split(''))).join('') + pick(['', 'é', 'K']);
      insertCertificate(
        db,
        key,
        id,
        {
          subject: `CN=${word(0, 5)}, O=${pick(['Contoso', 'Fabrikam', "O'Brien", '100%_Real', 'Ünïcode'])}`,
          thumbprint,
          expirationDate: expires,
          keyVault,
          data: Buffer.from([1, 2, 3]),
        },
        now,
      );
    }
  }
});
afterAll(() => db.close());

const fixedFilters = [
  // the cases of odata-filter.test.ts, on the certificate fields
  "name eq 'a' or name eq 'b' and name eq 'c'",
  "(startswith(name,'a') or startswith(name,'b')) and contains(name,'c')",
  "not (name eq 'a') and not startswith(name,'c')",
  "name eq 'CERT-A'",
  "name ne 'cert-a'",
  "name gt 'cert-b'",
  "name ge 'cert-b'",
  "name lt 'cert-b'",
  "name le 'cert-b'",
  "'cert-b' lt name",
  "contains(subject,'CONTOSO')",
  "substringof('fabrikam', subject)",
  "substringof('fabrikam', subject) eq false",
  "startswith(name,'c') eq true",
  "endswith(subject,'real') ne true",
  "contains(subject,'O''Brien')",
  'expirationDate lt 2026-01-01T00:00:00Z',
  "expirationDate ge datetime'2026-06-30T12:00:00'",
  'expirationDate gt 2026-06-30T14:00:00+02:00',
  'expirationDate le 2025-01-01',
  // LIKE's wildcards and escape are plain characters
  "contains(subject,'%')",
  "contains(subject,'0%_r')",
  "contains(name,'_')",
  "startswith(name,'%')",
  "endswith(name,'\\')",
  "contains(name,'\\%')",
  // case folding beyond ASCII
  "contains(name,'é')",
  "contains(name,'É')",
  "contains(name,'k')",
  "contains(name,'K')",
  "contains(thumbprint,'k')",
  "startswith(name,'i')",
  "contains(name,'İ')",
  "contains(name,'σ')",
  "endswith(name,'ς')",
  "contains(name,'ß')",
  "contains(subject,'ünï')",
  "contains(name,'😀')",
  "name eq 'é'",
  "name gt 'Ａ'",
  "name lt '😀'",
  "name ge '\uE000'",
  "name le 'ß'",
  "name gt 'cert-😀'",
  "contains(name,'')",
  "contains(name,'a\u0000')",
  "name gt 'a\u0000'",
  // dates: milliseconds, offsets, quoted, exact, out of the four-digit years
  'expirationDate gt 2025-03-01T10:00:00.5Z',
  'expirationDate ge 2025-03-01T10:00:00.5Z',
  'expirationDate lt 2025-03-01T10:00:00.5Z',
  'expirationDate le 2025-03-01T10:00:00.5Z',
  'expirationDate eq 2025-03-01T10:00:00.5Z',
  'expirationDate ne 2025-03-01T10:00:00.5Z',
  // @dateN: the expiry of the Nth certificate made; @dateN+500: half a second after it
  'expirationDate eq @date3',
  ...['eq', 'ne', 'lt', 'le', 'gt', 'ge'].flatMap((operator) => [
    `expirationDate ${operator} @date4`,
    `expirationDate ${operator} @date4+500`,
    `expirationDate ${operator} @date4-500`,
  ]),
  "expirationDate ne '@date5'",
  'expirationDate le @date7 and expirationDate ge @date7',
  'expirationDate lt 0000-01-01T00:00:00+01:00',
  'expirationDate gt 0000-01-01T00:00:00+01:00',
  'expirationDate lt 9999-12-31T23:59:59.999Z',
  'expirationDate gt 9999-12-31T23:59:59.999-01:00',
  "expirationDate ge 2025-06-01 and (contains(name,'a') or not contains(subject,'contoso'))",
  // long enough for the trigram index, alone and combined
  "contains(subject,'o=contoso')",
  "contains(subject,'O=CONTOSO') or contains(name,'o=contoso') or contains(thumbprint,'o=contoso')",
  "startswith(subject,'cn=')",
  "endswith(subject,'ien')",
  "endswith(subject,'100%_real')",
  "contains(subject,'0%_r') and startswith(name,'cert')",
  "startswith(name,'cert-') and not contains(subject,'fabrikam')",
  "(contains(name,'cer') or contains(thumbprint,'abc')) and (contains(subject,'bri') or expirationDate lt 2026-01-01)",
  "name eq 'cert-abc' or subject eq 'cn=, o=contoso'",
  "contains(subject,'ünïcode') or contains(name,'cert-é')",
  "contains(name,'ert-')",
  "substringof('real', subject)",
];

const withDates = (filter: string) =>
  filter.replace(/@date(\d+)([+-]500)?/g, (_, index: string, offset = '') =>
    offset ? new Date(Date.parse(someDates[Number(index)]) + Number(offset)).toISOString() : someDates[Number(index)],
  );

function randomAtom(): string {
  const field = pick(['name', 'subject', 'thumbprint', 'expirationDate']);
  if (field === 'expirationDate') return `expirationDate ${pick(['eq', 'ne', 'gt', 'ge', 'lt', 'le'])} ${pick(someDates)}`;
  const value = word(0, 3).replace(/'/g, "''").replace(/\0/g, '');
  return next() < 0.5
    ? `${pick(['contains', 'startswith', 'endswith'])}(${field},'${value}')`
    : `${field} ${pick(['eq', 'ne', 'gt', 'ge', 'lt', 'le'])} '${value}'`;
}

function randomFilter(depth: number): string {
  if (depth === 0 || next() < 0.3) return randomAtom();
  const roll = next();
  if (roll < 0.2) return `not (${randomFilter(depth - 1)})`;
  return `(${randomFilter(depth - 1)} ${roll < 0.6 ? 'and' : 'or'} ${randomFilter(depth - 1)})`;
}

const pagings: Array<[skip: number, pageSize: number]> = [
  [0, 1000],
  [0, 7],
  [5, 3],
  [13, 100],
  [450, 10],
];

describe('the SQL list against the JavaScript predicate it replaces', () => {
  it('returns the same page, order, count and contracts for fixed and random filters', () => {
    let compared = 0;
    let nonEmpty = 0;
    const randomFilters = Array.from({ length: 40 }, () => randomFilter(3));
    for (const filter of ['', ...fixedFilters.map(withDates), ...randomFilters]) {
      for (const key of services) {
        for (const failedOnly of [false, true]) {
          for (const [skip, pageSize] of pagings) {
            const expected = referencePage(db, key, filter, failedOnly, skip, pageSize);
            for (const indexed of [false, true]) {
              expect(
                sqlPage(db, key, filter, failedOnly, skip, pageSize, indexed),
                `${filter} (skip ${skip}, top ${pageSize}, failed only ${failedOnly}, indexed ${indexed}) on ${key.serviceName}`,
              ).toEqual(expected);
            }
            compared++;
            if (expected.ids.length > 0) nonEmpty++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(2000);
    expect(nonEmpty).toBeGreaterThan(compared / 3);
    const narrowed = [...fixedFilters.map(withDates), ...randomFilters].filter(
      (filter) => compileODataFilterToSql(filter, certificateFilterFields, certificateTextIndex(db)).rowids !== null,
    );
    expect(narrowed.length).toBeGreaterThan(20);
  });

  it('the fixed filters each select some rows and leave out others, so they test something', () => {
    const informative = fixedFilters.map(withDates).filter((filter) => {
      const { count } = referencePage(db, service, filter, false, 0, 1);
      return count > 0 && count < 400;
    });
    expect(informative.length).toBeGreaterThan(fixedFilters.length * 0.8);
  });

  it('rejects the same expressions with the same messages', () => {
    const bad = [
      '',
      "name eq 'a' && name eq 'b'",
      'name eq',
      "startswith(name 'a')",
      "contains(name,'a') eq maybe",
      'subject eq name',
      "'a' eq 'b'",
      "endswith('a','b')",
      'expirationDate gt 2025-13-01',
      "colour eq 'red'",
      "contains(expirationDate,'2025')",
      "expirationDate gt 'soon'",
      'name eq 42',
      "name eq 'ok' or colour eq 'red' or name eq 1",
    ];
    const message = (compile: () => unknown) => {
      try {
        compile();
      } catch (error) {
        if (error instanceof ODataFilterError) return error.message;
        throw error;
      }
      return 'accepted';
    };
    for (const filter of bad) {
      const expected = message(() => compileODataFilter(filter, jsFields));
      expect(expected).not.toBe('accepted');
      expect(message(() => compileODataFilterToSql(filter, certificateFilterFields))).toBe(expected);
    }
  });

  it('passes values as parameters, never as SQL text', () => {
    const { sql, params } = compileODataFilterToSql("contains(subject,'x'') OR 1=1 --') or name eq 'Y'", certificateFilterFields);
    expect(sql).not.toMatch(/1=1|'y'/i);
    expect(params).toEqual(expect.arrayContaining(["%x') or 1=1 --%", 'y']));
  });

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
      const older = openDatabase(location);
      const version = older.pragma('user_version', { simple: true }) as number;
      // Back to the schema before the index, then rows it never saw.
      older.exec(
        `DROP TRIGGER apim_certificate_text_insert; DROP TRIGGER apim_certificate_text_update; DROP TRIGGER apim_certificate_text_delete; DROP TABLE apim_certificate_text; DROP INDEX apim_certificates_non_ascii; PRAGMA user_version = ${version - 1}`,
      );
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

  it('never reads the certificate data for a list', () => {
    const { rows } = listCertificatePage(db, service, { filter: null, failedRefreshOnly: false, skip: 0, pageSize: 5 });
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(Object.keys(row)).not.toContain('data');
  });
});
