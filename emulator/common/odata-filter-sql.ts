import type { Db } from '../store/database.ts';
import { bindODataFilter, testText, type BoundFilter, type FilterFieldType, type TextTest } from './odata-filter-bind.ts';
import { checkBudget, registerBudgetFunction } from './odata-filter-budget.ts';
import { parseODataFilter, type ComparisonOperator } from './odata-filter-parser.ts';

/** A filterable field and the column holding it. Column names come from code, never from the request. */
export type SqlFilterFields = Record<string, FilterFieldType & { column: string }>;

export type SqlValue = string | number;

/** A condition for a WHERE clause, with one parameter per `?` in order. */
export interface SqlCondition {
  sql: string;
  params: SqlValue[];
}

/**
 * The translation of a whole `$filter`: the exact condition, and when indexes can narrow it down, a SELECT of
 * one column holding the rowid of every row that may match (some that do not, too), to be ANDed as `rowid IN`.
 */
export interface SqlFilter extends SqlCondition {
  rowids: SqlCondition | null;
}

/**
 * An FTS5 table with the trigram tokenizer (case_sensitive 0) over some of the filtered table's text
 * columns, under the same column names, its rowid the filtered table's rowid. It must hold every row's
 * current text; rows it holds beyond that only cost time.
 */
export interface SqlTextIndex {
  table: string;
  columns: readonly string[];
  /** The filtered table, and a condition on it, served by an index, that holds for every row with a non-ASCII (or NUL) character in one of the columns. */
  rowTable: string;
  nonAscii: string;
  /**
   * About how many rows hold the trigram, or Infinity when so many do that reading the table in order is
   * cheaper than looking them up. It only decides how rows are found, never which.
   */
  trigramRows(trigram: string): number;
}

/** testText in SQL: JavaScript's full Unicode lower-casing, for the rows SQLite's ASCII-only case folding cannot judge. */
const TEXT_FUNCTION = 'odata_text_matches';

const textTests: readonly string[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'contains', 'startswith', 'endswith'];
const isTextTest = (value: unknown): value is TextTest => typeof value === 'string' && textTests.includes(value);

const withFunctions = new WeakSet<Db>();

/** Registers the SQL function the translation may call; once per connection, before preparing a translated statement. */
export function registerODataSqlFunctions(db: Db): void {
  registerBudgetFunction(db);
  if (withFunctions.has(db)) return;
  db.function(TEXT_FUNCTION, { deterministic: true }, (test: unknown, text: unknown, value: unknown) => {
    checkBudget();
    if (!isTextTest(test) || typeof text !== 'string' || typeof value !== 'string')
      throw new TypeError(`${TEXT_FUNCTION}(test, text, value) takes three strings`);
    return testText(test, text.toLowerCase(), value) ? 1 : 0;
  });
  withFunctions.add(db);
}

/**
 * The SQL twin of compileODataFilter: the same checks and messages (see bindODataFilter), the same rows.
 * Needs registerODataSqlFunctions on the connection that runs it.
 */
export function compileODataFilterToSql(expression: string, fields: SqlFilterFields, textIndex?: SqlTextIndex): SqlFilter {
  const bound = bindODataFilter(parseODataFilter(expression), fields);
  const candidates = textIndex ? rowSet(bound, fields, textIndex) : null;
  return { ...toSql(bound, fields), rowids: candidates && textIndex ? renderRowSet(candidates, textIndex) : null };
}

/**
 * The operands of a chain of one connective (`a or b or c`, parsed as a left-leaning tree), in order. Walking
 * the chain once keeps the translation linear in the filter's size: no level copies what the levels below built.
 */
function chain(node: BoundFilter, kind: 'and' | 'or'): BoundFilter[] {
  const operands: BoundFilter[] = [];
  const pending: BoundFilter[] = [node];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next.kind === kind) pending.push(next.right, next.left);
    else operands.push(next);
  }
  return operands;
}

/** Appends the condition's SQL to `parts` and its parameters to `params`, in the order of the `?`s. */
function toSql(node: BoundFilter, fields: SqlFilterFields): SqlCondition {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  write(node, fields, parts, params);
  return { sql: parts.join(''), params };
}

function write(node: BoundFilter, fields: SqlFilterFields, parts: string[], params: SqlValue[]): void {
  switch (node.kind) {
    case 'and':
    case 'or': {
      parts.push('(');
      chain(node, node.kind).forEach((operand, at) => {
        if (at > 0) parts.push(` ${node.kind.toUpperCase()} `);
        write(operand, fields, parts, params);
      });
      parts.push(')');
      return;
    }
    case 'not':
      parts.push('NOT (');
      write(node.operand, fields, parts, params);
      parts.push(')');
      return;
    case 'text':
    case 'datetime': {
      const condition =
        node.kind === 'text'
          ? textCondition(fields[node.field].column, node.test, node.value)
          : dateCondition(fields[node.field].column, node.operator, node.value);
      parts.push(condition.sql);
      params.push(...condition.params);
    }
  }
}

const sqlOperators: Record<ComparisonOperator, string> = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * `value` is already lower-cased by JavaScript. On a stored text of ASCII characters only, SQLite's own case
 * folding (LIKE, NOCASE) agrees with JavaScript's lower-casing and with its UTF-16 ordering, so those rows
 * are judged in SQL; other rows (accented, Kelvin sign, dotted İ, astral characters) go to the JavaScript
 * function, as does a value with a NUL, which LIKE would take for the end of the pattern.
 */
function textCondition(column: string, test: TextTest, value: string): SqlCondition {
  const inJavaScript = { sql: `${TEXT_FUNCTION}(?, ${column}, ?)`, params: [test, value] };
  if (value.includes('\0')) return inJavaScript;
  let ascii: SqlCondition;
  switch (test) {
    case 'contains':
      ascii = { sql: `${column} LIKE ? ESCAPE '\\'`, params: [`%${escapeLike(value)}%`] };
      break;
    case 'startswith':
      ascii = { sql: `${column} LIKE ? ESCAPE '\\'`, params: [`${escapeLike(value)}%`] };
      break;
    case 'endswith':
      ascii = { sql: `${column} LIKE ? ESCAPE '\\'`, params: [`%${escapeLike(value)}`] };
      break;
    default:
      ascii = { sql: `${column} COLLATE NOCASE ${sqlOperators[test]} ?`, params: [value] };
  }
  // length() counts characters up to a NUL, octet_length() bytes: equal only for NUL-free ASCII.
  return {
    sql: `(CASE WHEN length(${column}) = octet_length(${column}) THEN ${ascii.sql} ELSE ${inJavaScript.sql} END)`,
    params: [...ascii.params, ...inJavaScript.params],
  };
}

const EARLIEST = Date.parse('0000-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59Z');

/**
 * Dates are stored as `yyyy-MM-ddTHH:mm:ssZ` (formatAzureDate): fixed width, UTC, whole seconds, so text
 * order is time order and the column's index can serve a range. The literal may carry milliseconds, so it
 * is rounded to the second boundary that keeps each operator's answer for whole-second rows.
 */
function dateCondition(column: string, operator: ComparisonOperator, value: number): SqlCondition {
  const floor = Math.floor(value / 1000) * 1000;
  const ceil = Math.ceil(value / 1000) * 1000;
  const wholeSecond = floor === ceil;
  switch (operator) {
    case 'eq':
      return wholeSecond ? { sql: `${column} = ?`, params: [storedDate(value)] } : { sql: '0', params: [] };
    case 'ne':
      return wholeSecond ? { sql: `${column} <> ?`, params: [storedDate(value)] } : { sql: '1', params: [] };
    case 'lt':
      return { sql: `${column} < ?`, params: [storedDate(ceil)] };
    case 'le':
      return { sql: `${column} <= ?`, params: [storedDate(floor)] };
    case 'gt':
      return { sql: `${column} > ?`, params: [storedDate(floor)] };
    case 'ge':
      return { sql: `${column} >= ?`, params: [storedDate(ceil)] };
  }
}

/** Outside years 0000–9999 toISOString() changes shape; '' sorts before every stored date and '~' after. */
function storedDate(time: number): string {
  if (time < EARLIEST) return '';
  if (time > LATEST) return '~';
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A superset of the rows a filter can match, as index lookups; null is every row. Only rows whose text is
 * ASCII are judged in SQL (see textCondition) and only those are looked up by trigram: there the tokenizer's
 * case folding is ASCII's, as LIKE's and JavaScript's are. Every row with other text is a candidate.
 */
type RowSet = { kind: 'match'; columns: string[]; trigrams: string[] } | { kind: 'nonAscii' } | { kind: 'union' | 'intersect'; sets: RowSet[] };

const TRIGRAMS_LOOKED_UP = 2;

function rowSet(node: BoundFilter, fields: SqlFilterFields, index: SqlTextIndex): RowSet | null {
  switch (node.kind) {
    case 'and': {
      // Every operand must hold: any one that narrows is enough; the first two keep the SQL small.
      const sets = chain(node, 'and')
        .map((operand) => rowSet(operand, fields, index))
        .filter((set): set is RowSet => set !== null)
        .slice(0, 2);
      return sets.length === 0 ? null : sets.length === 1 ? sets[0] : { kind: 'intersect', sets };
    }
    case 'or': {
      // One operand that cannot narrow (null: every row) makes the whole chain every row.
      const sets: RowSet[] = [];
      for (const operand of chain(node, 'or')) {
        const set = rowSet(operand, fields, index);
        if (!set) return null;
        sets.push(set);
      }
      return union(sets);
    }
    case 'not':
    case 'datetime':
      return null;
    case 'text':
      return textRowSet(fields[node.field].column, node.test, node.value, index);
  }
}

function textRowSet(column: string, test: TextTest, value: string, index: SqlTextIndex): RowSet | null {
  if (!index.columns.includes(column) || !['eq', 'contains', 'startswith', 'endswith'].includes(test) || value.includes('\0')) return null;
  // JavaScript lower-cases ASCII text to ASCII text, which cannot hold or equal a value with other characters.
  if (/[\u0080-\uffff]/.test(value)) return { kind: 'nonAscii' };
  const trigrams = [...new Set(Array.from({ length: Math.max(0, value.length - 2) }, (_, at) => value.slice(at, at + 3)))];
  if (trigrams.length === 0) return null;
  // Any of the value's trigrams finds every ASCII row holding it; the rarest find the fewest others, and a
  // common one would cost more to intersect than it saves.
  const rarest = trigrams
    .map((trigram) => ({ trigram, rows: index.trigramRows(trigram) }))
    .filter(({ rows }) => rows !== Infinity)
    .sort((a, b) => a.rows - b.rows)
    .slice(0, TRIGRAMS_LOOKED_UP)
    .map(({ trigram }) => trigram)
    .sort();
  if (rarest.length === 0) return null;
  return union([{ kind: 'match', columns: [column], trigrams: rarest }, { kind: 'nonAscii' }]);
}

/**
 * Flattened, with one look-up per trigram list for all its columns: `contains(a,'x') or contains(b,'x')` reads
 * the index once. One pass with a map, so a long `or` chain costs its length, not its square.
 */
function union(sets: RowSet[]): RowSet {
  const merged: RowSet[] = [];
  const byTrigrams = new Map<string, Extract<RowSet, { kind: 'match' }>>();
  let nonAscii = false;
  for (const set of sets.flatMap((part) => (part.kind === 'union' ? part.sets : [part]))) {
    if (set.kind === 'nonAscii') {
      if (!nonAscii) merged.push(set);
      nonAscii = true;
    } else if (set.kind === 'match') {
      const key = set.trigrams.join('\u0000');
      const same = byTrigrams.get(key);
      if (same) {
        for (const column of set.columns) if (!same.columns.includes(column)) same.columns.push(column);
        continue;
      }
      const copy = { ...set, columns: [...set.columns] };
      byTrigrams.set(key, copy);
      merged.push(copy);
    } else merged.push(set);
  }
  return merged.length === 1 ? merged[0] : { kind: 'union', sets: merged };
}

const ftsString = (text: string) => `"${text.replace(/"/g, '""')}"`;

function renderRowSet(set: RowSet, index: SqlTextIndex): SqlCondition {
  switch (set.kind) {
    case 'match':
      return {
        sql: `SELECT rowid AS id FROM ${index.table} WHERE ${index.table} MATCH ?`,
        params: [`{${set.columns.join(' ')}} : (${set.trigrams.map(ftsString).join(' AND ')})`],
      };
    case 'nonAscii':
      return { sql: `SELECT rowid AS id FROM ${index.rowTable} WHERE ${index.nonAscii}`, params: [] };
    case 'union':
    case 'intersect': {
      const parts = set.sets.map((part) => {
        const rendered = renderRowSet(part, index);
        return part.kind === 'union' || part.kind === 'intersect' ? { sql: `SELECT id FROM (${rendered.sql})`, params: rendered.params } : rendered;
      });
      return { sql: parts.map((part) => part.sql).join(set.kind === 'union' ? ' UNION ALL ' : ' INTERSECT '), params: parts.flatMap((part) => part.params) };
    }
  }
}
