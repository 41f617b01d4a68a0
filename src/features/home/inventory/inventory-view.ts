import { calendarDaysLeft, EXPIRY_BANDS, expiryBand, type ExpiryBand } from '../../../lib/expiry';
import type { CertificateKind, InventoryRow } from './inventory-row';

export type InventoryStatus = ExpiryBand | 'unknown';

export interface ShownRow extends InventoryRow {
  daysLeft: number | null;
  status: InventoryStatus;
}

export interface InventoryFilter {
  kind: CertificateKind | '';
  /** An expiry band, 'unknown', or 'key-vault-failed'. */
  status: InventoryStatus | 'key-vault-failed' | '';
  subscriptionId: string;
  serviceName: string;
  text: string;
}

export const noFilter: InventoryFilter = { kind: '', status: '', subscriptionId: '', serviceName: '', text: '' };

export type SortColumn = 'kind' | 'name' | 'subject' | 'thumbprint' | 'expiry' | 'subscription' | 'service';
export interface InventorySort {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}

export function withDaysLeft(rows: InventoryRow[], now: Date): ShownRow[] {
  return rows.map((row) => {
    if (!row.expiry) return { ...row, daysLeft: null, status: 'unknown' };
    const expiry = new Date(row.expiry);
    return { ...row, daysLeft: calendarDaysLeft(expiry, now), status: expiryBand(expiry, now) };
  });
}

export function filterRows(rows: ShownRow[], filter: InventoryFilter): ShownRow[] {
  const text = filter.text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (!filter.kind || row.kind === filter.kind) &&
      (!filter.status || (filter.status === 'key-vault-failed' ? row.keyVaultRefreshFailed : row.status === filter.status)) &&
      (!filter.subscriptionId || row.subscriptionId === filter.subscriptionId) &&
      (!filter.serviceName || row.serviceName === filter.serviceName) &&
      (!text ||
        row.name.toLowerCase().includes(text) ||
        row.subject.toLowerCase().includes(text) ||
        row.thumbprint.toLowerCase().includes(text) ||
        row.subscriptionName.toLowerCase().includes(text) ||
        row.serviceName.toLowerCase().includes(text)),
  );
}

const sortKey: Record<SortColumn, (row: ShownRow) => string> = {
  kind: (r) => r.kind,
  name: (r) => r.name.toLowerCase(),
  subject: (r) => r.subject.toLowerCase(),
  thumbprint: (r) => r.thumbprint,
  // ISO strings sort as dates; an unreadable expiry sorts last.
  expiry: (r) => r.expiry ?? '\uffff',
  subscription: (r) => r.subscriptionName.toLowerCase(),
  service: (r) => r.serviceName.toLowerCase(),
};

export function sortRows(rows: ShownRow[], sort: InventorySort): ShownRow[] {
  const key = sortKey[sort.column];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  // Keys computed once: 20,000 rows sort in a few milliseconds instead of recomputing per comparison.
  const keyed = rows.map((row) => ({ row, k: key(row) }));
  keyed.sort((a, b) => (a.k < b.k ? -sign : a.k > b.k ? sign : a.row.key < b.row.key ? -1 : 1));
  return keyed.map((entry) => entry.row);
}

export type StatusCounts = Record<InventoryStatus | 'key-vault-failed', number>;

export function statusCounts(rows: ShownRow[]): StatusCounts {
  const counts = Object.fromEntries([...EXPIRY_BANDS, 'unknown', 'key-vault-failed'].map((s) => [s, 0])) as StatusCounts;
  for (const row of rows) {
    counts[row.status]++;
    if (row.keyVaultRefreshFailed) counts['key-vault-failed']++;
  }
  return counts;
}
