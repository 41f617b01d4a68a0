import { KIND_LABELS } from './inventory-row';
import type { ShownRow } from './inventory-view';
import { statusLabel } from './status-label';

const COLUMNS = ['kind', 'name', 'subject', 'thumbprint', 'expiry', 'daysLeft', 'status', 'subscription', 'subscriptionId', 'service', 'link'] as const;

function record(row: ShownRow, origin: string) {
  return {
    kind: KIND_LABELS[row.kind],
    name: row.name,
    subject: row.subject,
    thumbprint: row.thumbprint,
    expiry: row.expiry ?? '',
    daysLeft: row.daysLeft,
    status: statusLabel(row),
    subscription: row.subscriptionName,
    subscriptionId: row.subscriptionId,
    service: row.serviceName,
    link: origin + row.link,
  };
}

// A cell starting with = + - @ (or a tab/CR) is a formula to a spreadsheet: a subject is attacker-chosen
// text, so such cells get a leading apostrophe (OWASP's advice for CSV injection).
const neutralise = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
const csvCell = (value: string | number | null) => {
  const text = typeof value === 'string' ? neutralise(value) : value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function toCsv(rows: ShownRow[], origin: string): string {
  const lines = [COLUMNS.join(',')];
  for (const row of rows) {
    const r = record(row, origin);
    lines.push(COLUMNS.map((c) => csvCell(r[c])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export const toJson = (rows: ShownRow[], origin: string): string =>
  JSON.stringify(
    rows.map((row) => record(row, origin)),
    null,
    2,
  );
