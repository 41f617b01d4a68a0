import { afterAll, beforeAll } from 'vitest';
import { compileODataFilter, type FilterFields } from '../../common/odata-filter-predicate.ts';
import { openDatabase, type Db } from '../../store/database.ts';
import type { ServiceKey } from '../../store/apim-service-store.ts';
import { insertCertificate, keyVaultOf, type CertificateRow, type KeyVaultState } from '../../store/apim-certificate-store.ts';
import { compileCertificateFilter } from '../../store/apim-certificate-list/certificate-filter.ts';
import { listCertificatePage } from '../../store/apim-certificate-list/list-page.ts';
import { formatAzureDate } from '../../common/azure-dates.ts';
import { toCertificateContract } from '../certificates/certificate-contract.ts';
import { certificateFilterFields } from '../certificates/list-certificates.ts';

/**
 * The list is answered from an in-memory index of each service (store/apim-certificate-list/). The plain way,
 * every row of the service read in SQL order and tested by the JavaScript predicate, stays here as the
 * reference: same ids in the same order, same count, same contracts.
 */
export const jsFields: FilterFields<CertificateRow> = {
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

export function referencePage(db: Db, key: ServiceKey, filter: string, failedOnly: boolean, skip: number, pageSize: number): Page {
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

export function indexPage(db: Db, key: ServiceKey, filter: string, failedOnly: boolean, skip: number, pageSize: number): Page {
  const compiled = filter.trim() === '' ? null : compileCertificateFilter(filter, certificateFilterFields);
  const { rows, count } = listCertificatePage(db, key, { filter: compiled, failedRefreshOnly: failedOnly, skip, pageSize });
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

export const services: ServiceKey[] = [
  { subscriptionId: '00000000-0000-0000-0000-000000000001', resourceGroup: 'rg-diff', serviceName: 'svc-a' },
  { subscriptionId: '00000000-0000-0000-0000-000000000001', resourceGroup: 'rg-diff', serviceName: 'svc-b' },
];
export const [service] = services;
const someDates: string[] = [];

// Live binding: set by the hooks setUpRandomCertificateStore registers, read by the tests of the file that calls it.
export let db: Db;

/** 450 "random" certificates in two services, the same on every run and in every file that asks. */
export function setUpRandomCertificateStore(): void {
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
}

export const fixedFilters = [
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

export const withDates = (filter: string) =>
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

export function randomFilter(depth: number): string {
  if (depth === 0 || next() < 0.3) return randomAtom();
  const roll = next();
  if (roll < 0.2) return `not (${randomFilter(depth - 1)})`;
  return `(${randomFilter(depth - 1)} ${roll < 0.6 ? 'and' : 'or'} ${randomFilter(depth - 1)})`;
}

export const pagings: Array<[skip: number, pageSize: number]> = [
  [0, 1000],
  [0, 7],
  [5, 3],
  [13, 100],
  [450, 10],
];
