import type { Db } from '../store/database.ts';
import { bindODataFilter, testText, type BoundFilter, type FilterFieldType, type TextTest } from './odata-filter-bind.ts';
import { parseODataFilter, type ComparisonOperator } from './odata-filter-parser.ts';

/** A filterable field and the column holding it. Column names come from code, never from the request. */
export type SqlFilterFields = Record<string, FilterFieldType & { column: string }>;

export type SqlValue = string | number;

/** A condition for a WHERE clause, with one parameter per `?` in order. */
export interface SqlCondition {
  sql: string;
  params: SqlValue[];
}

/** testText in SQL: JavaScript's full Unicode lower-casing, for the rows SQLite's ASCII-only case folding cannot judge. */
const TEXT_FUNCTION = 'odata_text_matches';

const textTests: readonly string[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'contains', 'startswith', 'endswith'];
const isTextTest = (value: unknown): value is TextTest => typeof value === 'string' && textTests.includes(value);

const withFunctions = new WeakSet<Db>();

/** Registers the SQL function the translation may call; once per connection, before preparing a translated statement. */
export function registerODataSqlFunctions(db: Db): void {
  if (withFunctions.has(db)) return;
  db.function(TEXT_FUNCTION, { deterministic: true }, (test: unknown, text: unknown, value: unknown) => {
    if (!isTextTest(test) || typeof text !== 'string' || typeof value !== 'string') throw new TypeError(`${TEXT_FUNCTION}(test, text, value) takes three strings`);
    return testText(test, text.toLowerCase(), value) ? 1 : 0;
  });
  withFunctions.add(db);
}

/**
 * The SQL twin of compileODataFilter: the same checks and messages (see bindODataFilter), the same rows.
 * Needs registerODataSqlFunctions on the connection that runs it.
 */
export function compileODataFilterToSql(expression: string, fields: SqlFilterFields): SqlCondition {
  return toSql(bindODataFilter(parseODataFilter(expression), fields), fields);
}

function toSql(node: BoundFilter, fields: SqlFilterFields): SqlCondition {
  switch (node.kind) {
    case 'and':
    case 'or': {
      const [left, right] = [toSql(node.left, fields), toSql(node.right, fields)];
      return { sql: `(${left.sql} ${node.kind.toUpperCase()} ${right.sql})`, params: [...left.params, ...right.params] };
    }
    case 'not': {
      const operand = toSql(node.operand, fields);
      return { sql: `NOT (${operand.sql})`, params: operand.params };
    }
    case 'text':
      return textCondition(fields[node.field].column, node.test, node.value);
    case 'datetime':
      return dateCondition(fields[node.field].column, node.operator, node.value);
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
