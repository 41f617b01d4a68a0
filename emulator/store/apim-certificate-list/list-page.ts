import { checkBudget, withinFilterBudget } from '../../common/odata-filter-budget.ts';
import { statement, type Db } from '../database.ts';
import type { CertificateSummaryRow } from '../apim-certificate-store.ts';
import type { ServiceKey } from '../apim-service-store.ts';
import { certificateChanges, serviceIndexKey } from './certificate-changes.ts';
import { candidateCount, type CertificateFilter } from './certificate-filter.ts';
import { ServiceCertificateIndex, type IndexedCertificate } from './service-index.ts';

export interface CertificateListQuery {
  /** From compileCertificateFilter, or null for every certificate. */
  filter: CertificateFilter | null;
  failedRefreshOnly: boolean;
  skip: number;
  pageSize: number;
}

const SUMMARY_COLUMNS = 'subscription_id, resource_group, service_name, certificate_id, subject, thumbprint, expiration_date, key_vault, etag';
const SERVICE_ROWS = `SELECT ${SUMMARY_COLUMNS} FROM apim_certificates WHERE subscription_id = ? AND resource_group = ? AND service_name = ?`;
const ONE_ROW = `${SERVICE_ROWS} AND certificate_id = ?`;

/** Certificates held in memory across all services (about 1.7 KiB each, trigram pieces included); past it the least recently listed services are let go. */
export const MAX_INDEXED_ROWS = 50_000;
/** How many rows are tested between two looks at the clock. */
const BUDGET_STRIDE = 256;

const registries = new WeakMap<Db, Map<string, ServiceCertificateIndex>>();

/**
 * The index of a service, brought up to date: the rows changed since the last list are read again one by
 * one (see certificate-changes.ts), or the whole service when many changed or another connection wrote.
 * Built inside a transaction it is used once and not kept: a rollback would leave it holding rows that never were.
 */
export function serviceIndex(db: Db, key: ServiceKey): ServiceCertificateIndex {
  const changes = certificateChanges(db);
  let registry = registries.get(db);
  if (!registry) registries.set(db, (registry = new Map()));
  if (changes.othersCommitted()) {
    for (const service of registry.keys()) changes.unwatch(service);
    registry.clear();
  }
  const service = serviceIndexKey(key.subscriptionId, key.resourceGroup, key.serviceName);
  const kept = registry.get(service);
  if (kept) {
    const changed = changes.take(service);
    if (changed !== 'all') {
      for (const id of changed) {
        const row = statement(db, ONE_ROW).get(key.subscriptionId, key.resourceGroup, key.serviceName, id) as CertificateSummaryRow | undefined;
        if (row) kept.put(row);
        else kept.delete(id);
      }
      // Most recently listed last: the first ones go first when memory is short.
      registry.delete(service);
      registry.set(service, kept);
      return kept;
    }
    registry.delete(service);
  }
  const rows = statement(db, SERVICE_ROWS).all(key.subscriptionId, key.resourceGroup, key.serviceName) as CertificateSummaryRow[];
  const built = new ServiceCertificateIndex(rows);
  if (db.inTransaction) return built;
  changes.watch(service);
  registry.set(service, built);
  let held = 0;
  for (const index of registry.values()) held += index.size;
  for (const [other, index] of registry) {
    if (held <= MAX_INDEXED_ROWS || other === service) break;
    held -= index.size;
    registry.delete(other);
    changes.unwatch(other);
  }
  return built;
}

/** One certificate by id (ASCII case ignored), from the same index as the lists: a GET needs no query of its own. */
export function findCertificateSummary(db: Db, key: ServiceKey, certificateId: string): CertificateSummaryRow | undefined {
  return serviceIndex(db, key).find(certificateId)?.row;
}

/**
 * One page in id order (ASCII case ignored, as ids are), and how many certificates match across all pages.
 * A filtered list runs under the $filter time budget and throws FilterBudgetExceeded past it.
 */
export function listCertificatePage(db: Db, key: ServiceKey, query: CertificateListQuery): { rows: CertificateSummaryRow[]; count: number } {
  const index = serviceIndex(db, key);
  const { filter, failedRefreshOnly, skip, pageSize } = query;
  if (!filter && !failedRefreshOnly) {
    return {
      rows: index
        .inOrder()
        .slice(skip, skip + pageSize)
        .map((slot) => index.entry(slot).row),
      count: index.size,
    };
  }
  const test = filter?.test;
  const matches = failedRefreshOnly ? (entry: IndexedCertificate) => entry.failedRefresh && (!test || test(entry)) : (test ?? (() => true));
  return filter ? withinFilterBudget(() => walk(index, filter, matches, skip, pageSize)) : walk(index, null, matches, skip, pageSize);
}

/** Tests the candidates in list order, counting every match and keeping the page's. */
function walk(
  index: ServiceCertificateIndex,
  filter: CertificateFilter | null,
  matches: (entry: IndexedCertificate) => boolean,
  skip: number,
  pageSize: number,
): { rows: CertificateSummaryRow[]; count: number } {
  const rows: CertificateSummaryRow[] = [];
  let count = 0;
  let tested = 0;
  const visit = (slot: number) => {
    if (++tested % BUDGET_STRIDE === 0) checkBudget();
    const entry = index.entry(slot);
    if (!matches(entry)) return;
    if (count >= skip && rows.length < pageSize) rows.push(entry.row);
    count++;
  };
  const candidates = filter?.candidates(index) ?? null;
  const order = index.inOrder();
  if (candidates === null) {
    for (const slot of order) visit(slot);
  } else if (candidateCount(candidates) * 64 < index.size) {
    // Few: put them in list order by their positions.
    const slots = candidates.length === 1 ? [...candidates[0]] : [...new Set(candidates.flat())];
    slots.sort((a, b) => index.positionOf(a) - index.positionOf(b));
    for (const slot of slots) visit(slot);
  } else {
    // Many: mark them, then read the list in order.
    const marked = new Uint8Array(index.slotCount);
    for (const list of candidates) for (const slot of list) marked[slot] = 1;
    for (const slot of order) if (marked[slot] === 1) visit(slot);
  }
  return { rows, count };
}
