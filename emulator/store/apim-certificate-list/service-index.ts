import type { CertificateSummaryRow } from '../apim-certificate-store.ts';
import { foldAscii, nocaseSortKey } from './nocase.ts';

/** The text columns a $filter can test, in the order of IndexedCertificate.text. */
export const TEXT_COLUMNS = ['certificate_id', 'subject', 'thumbprint'] as const;
export type TextColumn = (typeof TEXT_COLUMNS)[number];

/** One certificate as the list needs it: the row, and what filters and order compare, worked out once. */
export interface IndexedCertificate {
  readonly row: CertificateSummaryRow;
  readonly sortKey: string;
  /** The text columns lower-cased by JavaScript, as the $filter's values are (odata-filter-bind.ts testText). */
  readonly text: readonly [string, string, string];
  /** expiration_date in ms since the epoch; NaN when it does not parse. */
  readonly expires: number;
  /** Has a Key Vault reference whose last refresh did not succeed (isKeyVaultRefreshFailed). */
  readonly failedRefresh: boolean;
}

function indexed(row: CertificateSummaryRow): IndexedCertificate {
  let failedRefresh = false;
  if (row.key_vault) {
    const keyVault = JSON.parse(row.key_vault) as { lastStatus?: { code?: unknown } };
    failedRefresh = keyVault.lastStatus?.code !== 'Success';
  }
  return {
    row,
    sortKey: nocaseSortKey(row.certificate_id),
    text: [row.certificate_id.toLowerCase(), row.subject.toLowerCase(), row.thumbprint.toLowerCase()],
    expires: new Date(row.expiration_date).getTime(),
    failedRefresh,
  };
}

const ASCII_KEYS = 2 ** 23;

/**
 * The three code units of `text` at `at`, with a column (0–2), as one number: a small integer when they are
 * ASCII (7 bits each, the column in the low 2), past every such number otherwise. Numbers, not strings, so
 * indexing 10,000 rows does not allocate a string per piece.
 */
export function trigramKey(column: number, text: string, at: number): number {
  const [a, b, c] = [text.charCodeAt(at), text.charCodeAt(at + 1), text.charCodeAt(at + 2)];
  if ((a | b | c) < 128) return (((a << 14) | (b << 7) | c) << 2) | column;
  return ASCII_KEYS + ((a * 65536 + b) * 65536 + c) * 4 + column;
}

/** The first position in a sorted array at which `before` stops holding. */
function partition<T>(items: readonly T[], before: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(items[middle])) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The certificates of one API Management service in memory, kept up to date one row at a time (see
 * certificate-changes.ts): SQLite stays the store, this is its read model for lists, as an index is. It holds
 * the rows in list order (NOCASE id), a trigram index per text column (the rows holding each piece of three
 * characters: a contains, startswith, endswith or eq of three or more characters looks at those rows only)
 * and the rows in expiry order (a date comparison is a range). Rows live in slots that keep their number
 * while the row lives, so an update touches only what changed.
 */
export class ServiceCertificateIndex {
  private readonly slots: (IndexedCertificate | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly slotById = new Map<string, number>();
  /** Slots in list order. */
  private readonly order: number[];
  /** Slots by expiry then slot, without the rows whose date does not parse (no comparison matches them). */
  private readonly byExpiry: number[];
  private readonly trigrams = new Map<number, number[]>();
  /** Each slot's place in `order`, worked out again after an insert or delete moved them. */
  private positions: Int32Array | null = null;

  /** Built in bulk: one sort per order, instead of an insert per row. */
  constructor(rows: readonly CertificateSummaryRow[]) {
    rows.forEach((row, slot) => {
      const entry = indexed(row);
      this.slots.push(entry);
      this.slotById.set(foldAscii(row.certificate_id), slot);
      entry.text.forEach((text, column) => this.addTrigrams(column, text, slot));
    });
    const entries = this.slots as IndexedCertificate[];
    this.order = entries
      .map((_, slot) => slot)
      .sort((a, b) => (entries[a].sortKey < entries[b].sortKey ? -1 : entries[a].sortKey > entries[b].sortKey ? 1 : 0));
    this.byExpiry = entries
      .map((_, slot) => slot)
      .filter((slot) => !Number.isNaN(entries[slot].expires))
      .sort((a, b) => entries[a].expires - entries[b].expires || a - b);
  }

  get size(): number {
    return this.order.length;
  }

  get slotCount(): number {
    return this.slots.length;
  }

  entry(slot: number): IndexedCertificate {
    return this.slots[slot]!;
  }

  /** The row with this id (ASCII case ignored), if there is one. */
  find(certificateId: string): IndexedCertificate | undefined {
    const slot = this.slotById.get(foldAscii(certificateId));
    return slot === undefined ? undefined : this.slots[slot];
  }

  /** Slots in list order: read-only, and only until the next change. */
  inOrder(): readonly number[] {
    return this.order;
  }

  positionOf(slot: number): number {
    if (!this.positions) {
      this.positions = new Int32Array(this.slots.length);
      this.order.forEach((at, position) => (this.positions![at] = position));
    }
    return this.positions[slot];
  }

  /** The rows holding a piece of three characters in a column (see trigramKey), or none. */
  withTrigram(key: number): readonly number[] {
    return this.trigrams.get(key) ?? [];
  }

  /** Slots whose expiry is at or past `from` and before `to` (ms; either may be ±Infinity), as a range of byExpiry. */
  expiringBetween(from: (expires: number) => boolean, to: (expires: number) => boolean): readonly number[] {
    const start = partition(this.byExpiry, (slot) => !from(this.slots[slot]!.expires));
    const end = partition(this.byExpiry, (slot) => to(this.slots[slot]!.expires));
    return start < end ? this.byExpiry.slice(start, end) : [];
  }

  /** Adds the row, or replaces the row with its id. */
  put(row: CertificateSummaryRow): void {
    const next = indexed(row);
    const id = foldAscii(row.certificate_id);
    const slot = this.slotById.get(id);
    if (slot === undefined) {
      const added = this.freeSlots.pop() ?? this.slots.length;
      this.slots[added] = next;
      this.slotById.set(id, added);
      this.order.splice(
        partition(this.order, (at) => this.slots[at]!.sortKey < next.sortKey),
        0,
        added,
      );
      this.positions = null;
      this.addExpiry(added);
      next.text.forEach((text, column) => this.addTrigrams(column, text, added));
      return;
    }
    const previous = this.slots[slot]!;
    if (previous.expires !== next.expires) this.removeExpiry(slot);
    this.slots[slot] = next;
    if (previous.expires !== next.expires) this.addExpiry(slot);
    next.text.forEach((text, column) => {
      if (previous.text[column] === text) return;
      this.removeTrigrams(column, previous.text[column], slot);
      this.addTrigrams(column, text, slot);
    });
  }

  /** Removes the row with this id (ASCII case ignored), if there is one. */
  delete(certificateId: string): void {
    const id = foldAscii(certificateId);
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    const entry = this.slots[slot]!;
    this.order.splice(this.positionOf(slot), 1);
    this.positions = null;
    this.removeExpiry(slot);
    entry.text.forEach((text, column) => this.removeTrigrams(column, text, slot));
    this.slots[slot] = undefined;
    this.slotById.delete(id);
    this.freeSlots.push(slot);
  }

  private expiryBefore(slot: number): (at: number) => boolean {
    const expires = this.slots[slot]!.expires;
    return (at) => this.slots[at]!.expires < expires || (this.slots[at]!.expires === expires && at < slot);
  }

  private addExpiry(slot: number): void {
    if (Number.isNaN(this.slots[slot]!.expires)) return;
    this.byExpiry.splice(partition(this.byExpiry, this.expiryBefore(slot)), 0, slot);
  }

  private removeExpiry(slot: number): void {
    if (Number.isNaN(this.slots[slot]!.expires)) return;
    const at = partition(this.byExpiry, this.expiryBefore(slot));
    if (this.byExpiry[at] === slot) this.byExpiry.splice(at, 1);
  }

  /** A row's pieces are added one after the other, so a piece the text repeats finds the row already last. */
  private addTrigrams(column: number, text: string, slot: number): void {
    for (let at = 0; at + 3 <= text.length; at++) {
      const key = trigramKey(column, text, at);
      const rows = this.trigrams.get(key);
      if (!rows) this.trigrams.set(key, [slot]);
      else if (rows[rows.length - 1] !== slot) rows.push(slot);
    }
  }

  /** A piece the text repeats was added once: the second time round the row is no longer there. */
  private removeTrigrams(column: number, text: string, slot: number): void {
    for (let at = 0; at + 3 <= text.length; at++) {
      const key = trigramKey(column, text, at);
      const rows = this.trigrams.get(key);
      if (!rows) continue;
      const found = rows.lastIndexOf(slot);
      if (found >= 0) rows.splice(found, 1);
      if (rows.length === 0) this.trigrams.delete(key);
    }
  }
}
