import { newEtag } from '../common/etag.ts';
import { BUDGET_CHECK, withinSqlBudget } from '../common/odata-filter-budget.ts';
import { registerODataSqlFunctions, type SqlFilter, type SqlTextIndex, type SqlValue } from '../common/odata-filter-sql.ts';
import { statement, type Db } from './database.ts';
import { cachedRead } from './read-cache.ts';
import type { ServiceKey } from './apim-service-store.ts';

export interface KeyVaultStatus {
  code: string;
  message?: string;
  timeStampUtc: string;
}

export interface KeyVaultState {
  secretIdentifier: string;
  identityClientId: string | null;
  lastStatus: KeyVaultStatus;
}

/** What a certificate holds besides its identity and version. */
export interface CertificateValues {
  subject: string;
  thumbprint: string;
  /** `yyyy-MM-ddTHH:mm:ssZ` */
  expirationDate: string;
  keyVault: KeyVaultState | null;
  /** The leaf certificate's DER; the private key and password are never kept. */
  data: Buffer | null;
}

/** The primary key of apim_certificates, as a row holds it. */
export type CertificateKey = Pick<CertificateRow, 'subscription_id' | 'resource_group' | 'service_name' | 'certificate_id'>;

export interface CertificateRow {
  subscription_id: string;
  resource_group: string;
  service_name: string;
  certificate_id: string;
  subject: string;
  thumbprint: string;
  expiration_date: string;
  key_vault: string | null;
  data: Buffer | null;
  etag: string;
  created_at: string;
  updated_at: string;
}

export function keyVaultOf(row: Pick<CertificateRow, 'key_vault'>): KeyVaultState | null {
  return row.key_vault ? (JSON.parse(row.key_vault) as KeyVaultState) : null;
}

/** What a CertificateContract is made of: never the DER, which a list does not show. */
export type CertificateSummaryRow = Pick<
  CertificateRow,
  'subscription_id' | 'resource_group' | 'service_name' | 'certificate_id' | 'subject' | 'thumbprint' | 'expiration_date' | 'key_vault'
>;

const summaryColumns = 'subscription_id, resource_group, service_name, certificate_id, subject, thumbprint, expiration_date, key_vault';

export interface CertificateListQuery {
  /** From compileODataFilterToSql over the certificate columns, with or without certificateTextIndex. */
  filter: SqlFilter | null;
  failedRefreshOnly: boolean;
  skip: number;
  pageSize: number;
}

/** Exactly the WHERE of the partial index apim_certificates_non_ascii (store/database.ts). */
const NON_ASCII_TEXT =
  'length(certificate_id) <> octet_length(certificate_id) OR length(subject) <> octet_length(subject) OR length(thumbprint) <> octet_length(thumbprint)';

/** Past this many rows a trigram is common: looking them up one by one costs more than reading a service in order. */
const TRIGRAM_ROWS_CAP = 1000;
const TRIGRAM_ROWS_TTL_MS = 60_000;
const TRIGRAM_ROWS_KEPT = 10_000;
const textIndexes = new WeakMap<Db, SqlTextIndex>();

/**
 * The trigram index over the certificates' text (apim_certificate_text). How common a trigram is gets counted
 * once a minute at most: a stale count can only pick a slower look-up, never change the answer.
 */
export function certificateTextIndex(db: Db): SqlTextIndex {
  let index = textIndexes.get(db);
  if (index) return index;
  const probe = statement(
    db,
    `SELECT count(*) AS count FROM (SELECT 1 FROM apim_certificate_text WHERE apim_certificate_text MATCH ? LIMIT ${TRIGRAM_ROWS_CAP})`,
  );
  const counted = new Map<string, { count: number; at: number }>();
  index = {
    table: 'apim_certificate_text',
    columns: ['certificate_id', 'subject', 'thumbprint'],
    rowTable: 'apim_certificates',
    nonAscii: NON_ASCII_TEXT,
    trigramRows(trigram) {
      const now = Date.now();
      const known = counted.get(trigram);
      if (known && now - known.at < TRIGRAM_ROWS_TTL_MS) return known.count;
      if (counted.size >= TRIGRAM_ROWS_KEPT) counted.clear();
      const { count: probed } = probe.get(`"${trigram.replace(/"/g, '""')}"`) as { count: number };
      const count = probed >= TRIGRAM_ROWS_CAP ? Infinity : probed;
      counted.set(trigram, { count, at: now });
      return count;
    },
  };
  textIndexes.set(db, index);
  return index;
}

/**
 * One page in id order (case-insensitive, as ids are), and how many certificates match across all pages.
 * A filtered list runs under the $filter SQL budget and throws SqlBudgetExceeded past it.
 */
export function listCertificatePage(db: Db, key: ServiceKey, query: CertificateListQuery): { rows: CertificateSummaryRow[]; count: number } {
  return query.filter ? withinSqlBudget(() => listPage(db, key, query)) : listPage(db, key, query);
}

/** The index that holds every filterable column in list order (store/database.ts). */
const LIST_INDEX = 'apim_certificates_list';
/** Longer count keys are not kept: a few huge filters must not fill the read cache's memory. */
const MAX_COUNT_KEY = 2048;

function listPage(db: Db, key: ServiceKey, query: CertificateListQuery): { rows: CertificateSummaryRow[]; count: number } {
  registerODataSqlFunctions(db);
  let where = 'subscription_id = ? AND resource_group = ? AND service_name = ?';
  const params: SqlValue[] = [key.subscriptionId, key.resourceGroup, key.serviceName];
  const candidates = query.filter?.rowids;
  if (candidates) {
    // The unary + keeps the planner off the primary key, which would read the whole service; the rowids are few.
    where = `rowid IN (${candidates.sql}) AND +${where}`;
    params.unshift(...candidates.params);
  }
  if (query.failedRefreshOnly) where += " AND key_vault IS NOT NULL AND key_vault <> '' AND json_extract(key_vault, '$.lastStatus.code') IS NOT 'Success'";
  if (query.filter) {
    where += ` AND ${BUDGET_CHECK} AND ${query.filter.sql}`;
    params.push(...query.filter.params);
  }
  // A filter the trigram index cannot narrow reads the service in id order: on the list index alone (no
  // temporary sort, no table row per skipped match), then only the page's rows from the table.
  const inIdOrder = query.filter !== null && !candidates;
  const from = inIdOrder ? `apim_certificates INDEXED BY ${LIST_INDEX}` : 'apim_certificates';
  const order = 'ORDER BY certificate_id COLLATE NOCASE';
  const pageSql = inIdOrder
    ? `SELECT ${summaryColumns} FROM apim_certificates WHERE rowid IN (SELECT rowid FROM ${from} WHERE ${where} ${order} LIMIT ? OFFSET ?) ${order}`
    : `SELECT ${summaryColumns} FROM apim_certificates WHERE ${where} ${order} LIMIT ? OFFSET ?`;
  const rows = statement(db, pageSql).all(...params, query.pageSize + 1, query.skip) as CertificateSummaryRow[];
  // The row past the page says whether there is more; when there is not, the page itself gives the count.
  if (rows.length <= query.pageSize && (rows.length > 0 || query.skip === 0)) return { rows, count: query.skip + rows.length };
  const countAll = () => (statement(db, `SELECT COUNT(*) AS count FROM ${from} WHERE ${where}`).get(...params) as { count: number }).count;
  // Every page of one filter has the same count: counted once until the next write (dataVersion), not per
  // page. Keyed by the SQL and its parameters, which name the service and the filter exactly.
  const countKey = `certificate count ${where} ${JSON.stringify(params)}`;
  const count = countKey.length <= MAX_COUNT_KEY ? cachedRead(db, countKey, countAll) : countAll();
  return { rows: rows.slice(0, query.pageSize), count };
}

export function getCertificate(db: Db, key: ServiceKey, certificateId: string): CertificateRow | undefined {
  return statement(db, 'SELECT * FROM apim_certificates WHERE subscription_id = ? AND resource_group = ? AND service_name = ? AND certificate_id = ?').get(
    key.subscriptionId,
    key.resourceGroup,
    key.serviceName,
    certificateId,
  ) as CertificateRow | undefined;
}

/** The columns every write sets, in this order: what the certificate holds, a new ETag, when. */
const WRITTEN_COLUMNS = ['subject', 'thumbprint', 'expiration_date', 'key_vault', 'data', 'etag', 'updated_at'];
const INSERT_SQL = `INSERT INTO apim_certificates (subscription_id, resource_group, service_name, certificate_id, created_at, ${WRITTEN_COLUMNS.join(', ')})
  VALUES (?, ?, ?, ?, ?, ${WRITTEN_COLUMNS.map(() => '?').join(', ')})`;
const UPDATE_SQL = `UPDATE apim_certificates SET ${WRITTEN_COLUMNS.map((column) => `${column} = ?`).join(', ')}
  WHERE subscription_id = ? AND resource_group = ? AND service_name = ? AND certificate_id = ?`;

function writtenValues(values: CertificateValues, now: Date): (string | Buffer | null)[] {
  return [
    values.subject,
    values.thumbprint,
    values.expirationDate,
    values.keyVault ? JSON.stringify(values.keyVault) : null,
    values.data,
    newEtag(),
    now.toISOString(),
  ];
}

export function insertCertificate(db: Db, key: ServiceKey, certificateId: string, values: CertificateValues, now: Date): CertificateRow {
  statement(db, INSERT_SQL).run(key.subscriptionId, key.resourceGroup, key.serviceName, certificateId, now.toISOString(), ...writtenValues(values, now));
  return getCertificate(db, key, certificateId)!;
}

/** Keeps the id as first written (ids are case-insensitive), gives the entity a new ETag. */
export function updateCertificate(db: Db, row: CertificateRow, values: CertificateValues, now: Date): CertificateRow {
  statement(db, UPDATE_SQL).run(...writtenValues(values, now), row.subscription_id, row.resource_group, row.service_name, row.certificate_id);
  return getCertificate(db, { subscriptionId: row.subscription_id, resourceGroup: row.resource_group, serviceName: row.service_name }, row.certificate_id)!;
}

export function deleteCertificateRow(db: Db, row: CertificateKey): void {
  statement(db, 'DELETE FROM apim_certificates WHERE subscription_id = ? AND resource_group = ? AND service_name = ? AND certificate_id = ?').run(
    row.subscription_id,
    row.resource_group,
    row.service_name,
    row.certificate_id,
  );
}

export function valuesOf(row: CertificateRow): CertificateValues {
  return { subject: row.subject, thumbprint: row.thumbprint, expirationDate: row.expiration_date, keyVault: keyVaultOf(row), data: row.data };
}
