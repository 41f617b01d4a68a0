import { bindODataFilter, testOrder, testText, type BoundFilter, type FilterFieldType, type TextTest } from '../../common/odata-filter-bind.ts';
import type { ComparisonOperator } from '../../common/odata-filter-parser.ts';
import { parseODataFilter } from '../../common/odata-filter-parser.ts';
import { TEXT_COLUMNS, trigramKey, type IndexedCertificate, type ServiceCertificateIndex, type TextColumn } from './service-index.ts';

export type CertificateColumn = TextColumn | 'expiration_date';

/** A collection's $filter fields (ARM's `name`, the legacy API's `id`, …) and the column each one reads. */
export type CertificateFilterFields = Record<string, FilterFieldType & { column: CertificateColumn }>;

/** Lists of slots whose union holds every row a filter can match (and maybe others); null is every row. */
export type Candidates = (readonly number[])[] | null;

/** A compiled $filter over the certificate list index. */
export interface CertificateFilter {
  /** Exactly the rows the filter matches: the same test as compileODataFilter (odata-filter-predicate.ts). */
  test(entry: IndexedCertificate): boolean;
  /** A superset of the matching rows, from the index, without testing a row. */
  candidates(index: ServiceCertificateIndex): Candidates;
}

type Node = { test: (entry: IndexedCertificate) => boolean; candidates: (index: ServiceCertificateIndex) => Candidates };

/**
 * Parses and checks a `$filter` (same checks and messages as every other list, see bindODataFilter), then
 * builds its test and its plan once: a compiled filter is kept and reused by its text.
 */
export function compileCertificateFilter(expression: string, fields: CertificateFilterFields): CertificateFilter {
  return compile(bindODataFilter(parseODataFilter(expression), fields), fields);
}

/** Below this many candidates, testing them costs less than intersecting. */
const FEW = 32;

/** The slots in both, each once. */
function intersect(slotCount: number, smaller: (readonly number[])[], larger: (readonly number[])[]): number[] {
  const marked = new Uint8Array(slotCount);
  for (const list of smaller) for (const slot of list) marked[slot] = 1;
  const both: number[] = [];
  for (const list of larger)
    for (const slot of list)
      if (marked[slot] === 1) {
        both.push(slot);
        marked[slot] = 0;
      }
  return both;
}

/** How many slots a set of candidates lists, duplicates included. */
export const candidateCount = (lists: (readonly number[])[]): number => lists.reduce((total, list) => total + list.length, 0);
const everyRow = (): Candidates => null;

function compile(node: BoundFilter, fields: CertificateFilterFields): Node {
  switch (node.kind) {
    case 'and': {
      const [left, right] = [compile(node.left, fields), compile(node.right, fields)];
      return {
        test: (entry) => left.test(entry) && right.test(entry),
        // Both must hold: the rows in both supersets (a date range and a search, say), or the smaller one
        // alone when it is already small; the test checks the rest.
        candidates(index) {
          const [a, b] = [left.candidates(index), right.candidates(index)];
          if (a === null || b === null) return a ?? b;
          const [smaller, larger] = candidateCount(a) <= candidateCount(b) ? [a, b] : [b, a];
          return candidateCount(smaller) <= FEW ? smaller : [intersect(index.slotCount, smaller, larger)];
        },
      };
    }
    case 'or': {
      const [left, right] = [compile(node.left, fields), compile(node.right, fields)];
      return {
        test: (entry) => left.test(entry) || right.test(entry),
        candidates(index) {
          const a = left.candidates(index);
          const b = a === null ? null : right.candidates(index);
          return a === null || b === null ? null : [...a, ...b];
        },
      };
    }
    case 'not': {
      const operand = compile(node.operand, fields);
      return { test: (entry) => !operand.test(entry), candidates: everyRow };
    }
    case 'text': {
      const column = TEXT_COLUMNS.indexOf(fields[node.field].column as TextColumn);
      if (column < 0) throw new Error(`'${node.field}' is bound as text but reads ${fields[node.field].column}`);
      return { test: textTest(column, node.test, node.value), candidates: textCandidates(column, node.test, node.value) };
    }
    case 'datetime': {
      if (fields[node.field].column !== 'expiration_date') throw new Error(`'${node.field}' is bound as a date but reads ${fields[node.field].column}`);
      const { operator, value } = node;
      return { test: (entry) => testOrder(operator, Math.sign(entry.expires - value)), candidates: dateCandidates(operator, value) };
    }
  }
}

/** testText for one column, test and value, without deciding the test again for every row. */
function textTest(column: number, test: TextTest, value: string): (entry: IndexedCertificate) => boolean {
  switch (test) {
    case 'contains':
      return (entry) => entry.text[column].includes(value);
    case 'startswith':
      return (entry) => entry.text[column].startsWith(value);
    case 'endswith':
      return (entry) => entry.text[column].endsWith(value);
    case 'eq':
      return (entry) => entry.text[column] === value;
    default:
      return (entry) => testText(test, entry.text[column], value);
  }
}

/**
 * A text that contains, starts with, ends with or equals a value holds each of the value's pieces of three
 * characters (both sides are lower-cased by JavaScript, so this holds for every character, not just ASCII):
 * the rows holding its rarest piece are a superset. Shorter values and orderings (lt, ne…) read every row.
 */
function textCandidates(column: number, test: TextTest, value: string): (index: ServiceCertificateIndex) => Candidates {
  if (!['contains', 'startswith', 'endswith', 'eq'].includes(test) || value.length < 3) return everyRow;
  const keys = [...new Set(Array.from({ length: value.length - 2 }, (_, at) => trigramKey(column, value, at)))];
  return (index) => {
    let rarest: readonly number[] | null = null;
    for (const key of keys) {
      const rows = index.withTrigram(key);
      if (rarest === null || rows.length < rarest.length) rarest = rows;
      if (rarest.length === 0) break;
    }
    return [rarest!];
  };
}

/** A date comparison is a range of the rows in expiry order; `ne` reads every row. */
function dateCandidates(operator: ComparisonOperator, value: number): (index: ServiceCertificateIndex) => Candidates {
  const always = () => true;
  switch (operator) {
    case 'eq':
      return (index) => [
        index.expiringBetween(
          (expires) => expires >= value,
          (expires) => expires <= value,
        ),
      ];
    case 'lt':
      return (index) => [index.expiringBetween(always, (expires) => expires < value)];
    case 'le':
      return (index) => [index.expiringBetween(always, (expires) => expires <= value)];
    case 'gt':
      return (index) => [index.expiringBetween((expires) => expires > value, always)];
    case 'ge':
      return (index) => [index.expiringBetween((expires) => expires >= value, always)];
    case 'ne':
      return everyRow;
  }
}
