import { ODataFilterError, type ComparisonOperator, type FilterField, type FilterLiteral, type FilterNode, type FilterOperand } from './odata-filter-parser.ts';

export type FilterFieldType = { type: 'string'; functions: boolean } | { type: 'datetime' };

export type TextTest = ComparisonOperator | 'contains' | 'startswith' | 'endswith';

/**
 * A `$filter` checked against a collection's fields: every field is the collection's own spelling of it,
 * every text operand is already lower-cased, every date is milliseconds since the epoch. The JavaScript
 * predicate and the SQL translation both start from here, so they reject the same expressions with the
 * same messages.
 */
export type BoundFilter =
  | { kind: 'and' | 'or'; left: BoundFilter; right: BoundFilter }
  | { kind: 'not'; operand: BoundFilter }
  | { kind: 'text'; field: string; test: TextTest; value: string }
  | { kind: 'datetime'; field: string; operator: ComparisonOperator; value: number };

/** Strings compare case-insensitively, as API Management's store does: both sides lower-cased, then by UTF-16 code unit. */
export function testText(test: TextTest, text: string, value: string): boolean {
  switch (test) {
    case 'contains':
      return text.includes(value);
    case 'startswith':
      return text.startsWith(value);
    case 'endswith':
      return text.endsWith(value);
    default:
      return testOrder(test, text < value ? -1 : text > value ? 1 : 0);
  }
}

export function testOrder(operator: ComparisonOperator, order: number): boolean {
  switch (operator) {
    case 'eq':
      return order === 0;
    case 'ne':
      return order !== 0;
    case 'gt':
      return order > 0;
    case 'ge':
      return order >= 0;
    case 'lt':
      return order < 0;
    case 'le':
      return order <= 0;
  }
}

/**
 * Checks the parsed expression against the fields a collection allows, so that every mistake (an unknown
 * field, a function on a date, a text compared with a date) is reported with its position before any row
 * is read. The first mistake in reading order wins.
 */
export function bindODataFilter(node: FilterNode, fields: Record<string, FilterFieldType>): BoundFilter {
  switch (node.kind) {
    case 'and':
    case 'or':
      return { kind: node.kind, left: bindODataFilter(node.left, fields), right: bindODataFilter(node.right, fields) };
    case 'not':
      return { kind: 'not', operand: bindODataFilter(node.operand, fields) };
    case 'compare':
      return bindComparison(node.operator, node.left, node.right, fields);
    case 'call':
      return bindCall(node, fields);
  }
}

const flipped: Record<ComparisonOperator, ComparisonOperator> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' };

function lookup(field: FilterField, fields: Record<string, FilterFieldType>): [string, FilterFieldType] {
  const key = Object.keys(fields).find((name) => name.toLowerCase() === field.name.toLowerCase());
  if (!key) throw new ODataFilterError(field.position, `unknown field '${field.name}'; you can filter on ${Object.keys(fields).join(', ')}.`);
  return [key, fields[key]];
}

function describeLiteral(literal: FilterLiteral): string {
  switch (literal.kind) {
    case 'string':
      return `the text '${literal.value}'`;
    case 'datetime':
      return `the date ${literal.text}`;
    case 'null':
      return 'null';
    default:
      return `the ${literal.kind} ${String(literal.value)}`;
  }
}

function bindComparison(operator: ComparisonOperator, left: FilterOperand, right: FilterOperand, fields: Record<string, FilterFieldType>): BoundFilter {
  if (left.kind !== 'field' && right.kind === 'field') return bindComparison(flipped[operator], right, left, fields);
  if (left.kind !== 'field') throw new ODataFilterError(left.position, 'a comparison needs a field name on one side.');
  if (right.kind === 'field') throw new ODataFilterError(right.position, `compare '${left.name}' with a value, not with another field.`);
  const [field, spec] = lookup(left, fields);
  if (spec.type === 'string') {
    if (right.kind !== 'string')
      throw new ODataFilterError(
        right.position,
        `'${left.name}' is text: compare it with a quoted string like '${left.name === 'thumbprint' ? 'A1B2…' : 'value'}', not with ${describeLiteral(right)}.`,
      );
    return { kind: 'text', field, test: operator, value: right.value.toLowerCase() };
  }
  let value: number;
  if (right.kind === 'datetime') value = right.value.getTime();
  else if (right.kind === 'string' && !Number.isNaN(Date.parse(right.value)) && /^\d{4}-\d{2}-\d{2}/.test(right.value)) value = Date.parse(right.value);
  else
    throw new ODataFilterError(
      right.position,
      `'${left.name}' is a date: compare it with a date like 2025-01-31T00:00:00Z, not with ${describeLiteral(right)}.`,
    );
  return { kind: 'datetime', field, operator, value };
}

function bindCall(node: Extract<FilterNode, { kind: 'call' }>, fields: Record<string, FilterFieldType>): BoundFilter {
  const [first, second] = node.args;
  // substringof('needle', field) is OData v3's spelling of contains(field, 'needle'); accept either order.
  const field = first.kind === 'field' ? first : second.kind === 'field' ? second : undefined;
  const value = field === first ? second : first;
  if (!field) throw new ODataFilterError(node.position, `${node.name} needs a field name as one of its arguments.`);
  if (value.kind === 'field') throw new ODataFilterError(value.position, `${node.name} compares a field with a quoted string, not with another field.`);
  const [key, spec] = lookup(field, fields);
  if (spec.type !== 'string' || !spec.functions)
    throw new ODataFilterError(field.position, `${node.name} does not apply to '${field.name}'; use eq, ne, gt, ge, lt or le.`);
  if (value.kind !== 'string') throw new ODataFilterError(value.position, `${node.name} needs a quoted string, not ${describeLiteral(value)}.`);
  const bound: BoundFilter = { kind: 'text', field: key, test: node.name === 'substringof' ? 'contains' : node.name, value: value.value.toLowerCase() };
  return node.expected ? bound : { kind: 'not', operand: bound };
}
