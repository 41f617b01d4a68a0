import { ODataFilterError, parseODataFilter, type ComparisonOperator, type FilterField, type FilterLiteral, type FilterNode, type FilterOperand } from './odata-filter-parser.ts';

export type FilterFieldSpec<Row> =
  | { type: 'string'; functions: boolean; read: (row: Row) => string }
  | { type: 'datetime'; read: (row: Row) => Date };

export type FilterFields<Row> = Record<string, FilterFieldSpec<Row>>;

export type RowPredicate<Row> = (row: Row) => boolean;

/**
 * Parses `$filter` and checks it against the fields a collection allows, so that every mistake (an unknown
 * field, a function on a date, a text compared with a date) is reported with its position before any row
 * is read. Strings compare case-insensitively, as API Management's store does.
 */
export function compileODataFilter<Row>(expression: string, fields: FilterFields<Row>): RowPredicate<Row> {
  return compile(parseODataFilter(expression), fields);
}

function compile<Row>(node: FilterNode, fields: FilterFields<Row>): RowPredicate<Row> {
  switch (node.kind) {
    case 'and': {
      const [left, right] = [compile(node.left, fields), compile(node.right, fields)];
      return (row) => left(row) && right(row);
    }
    case 'or': {
      const [left, right] = [compile(node.left, fields), compile(node.right, fields)];
      return (row) => left(row) || right(row);
    }
    case 'not': {
      const operand = compile(node.operand, fields);
      return (row) => !operand(row);
    }
    case 'compare':
      return compileComparison(node.operator, node.left, node.right, fields);
    case 'call':
      return compileCall(node, fields);
  }
}

const flipped: Record<ComparisonOperator, ComparisonOperator> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' };

function lookup<Row>(field: FilterField, fields: FilterFields<Row>): FilterFieldSpec<Row> {
  const key = Object.keys(fields).find((name) => name.toLowerCase() === field.name.toLowerCase());
  if (!key) throw new ODataFilterError(field.position, `unknown field '${field.name}'; you can filter on ${Object.keys(fields).join(', ')}.`);
  return fields[key];
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

function compileComparison<Row>(operator: ComparisonOperator, left: FilterOperand, right: FilterOperand, fields: FilterFields<Row>): RowPredicate<Row> {
  if (left.kind !== 'field' && right.kind === 'field') return compileComparison(flipped[operator], right, left, fields);
  if (left.kind !== 'field') throw new ODataFilterError(left.position, 'a comparison needs a field name on one side.');
  if (right.kind === 'field') throw new ODataFilterError(right.position, `compare '${left.name}' with a value, not with another field.`);
  const spec = lookup(left, fields);
  if (spec.type === 'string') {
    if (right.kind !== 'string') throw new ODataFilterError(right.position, `'${left.name}' is text: compare it with a quoted string like '${left.name === 'thumbprint' ? 'A1B2…' : 'value'}', not with ${describeLiteral(right)}.`);
    const wanted = right.value.toLowerCase();
    return (row) => test(operator, compareText(spec.read(row).toLowerCase(), wanted));
  }
  let wanted: number;
  if (right.kind === 'datetime') wanted = right.value.getTime();
  else if (right.kind === 'string' && !Number.isNaN(Date.parse(right.value)) && /^\d{4}-\d{2}-\d{2}/.test(right.value)) wanted = Date.parse(right.value);
  else throw new ODataFilterError(right.position, `'${left.name}' is a date: compare it with a date like 2025-01-31T00:00:00Z, not with ${describeLiteral(right)}.`);
  return (row) => test(operator, Math.sign(spec.read(row).getTime() - wanted));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function test(operator: ComparisonOperator, order: number): boolean {
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

function compileCall<Row>(node: Extract<FilterNode, { kind: 'call' }>, fields: FilterFields<Row>): RowPredicate<Row> {
  const [first, second] = node.args;
  // substringof('needle', field) is OData v3's spelling of contains(field, 'needle'); accept either order.
  const field = first.kind === 'field' ? first : second.kind === 'field' ? second : undefined;
  const value = field === first ? second : first;
  if (!field) throw new ODataFilterError(node.position, `${node.name} needs a field name as one of its arguments.`);
  if (value.kind === 'field') throw new ODataFilterError(value.position, `${node.name} compares a field with a quoted string, not with another field.`);
  const spec = lookup(field, fields);
  if (spec.type !== 'string' || !spec.functions) throw new ODataFilterError(field.position, `${node.name} does not apply to '${field.name}'; use eq, ne, gt, ge, lt or le.`);
  if (value.kind !== 'string') throw new ODataFilterError(value.position, `${node.name} needs a quoted string, not ${describeLiteral(value)}.`);
  const needle = value.value.toLowerCase();
  const expected = node.expected;
  const match =
    node.name === 'startswith'
      ? (text: string) => text.startsWith(needle)
      : node.name === 'endswith'
        ? (text: string) => text.endsWith(needle)
        : (text: string) => text.includes(needle);
  return (row) => match(spec.read(row).toLowerCase()) === expected;
}
