import { bindODataFilter, testOrder, testText, type BoundFilter } from './odata-filter-bind.ts';
import { parseODataFilter } from './odata-filter-parser.ts';

export type FilterFieldSpec<Row> = { type: 'string'; functions: boolean; read: (row: Row) => string } | { type: 'datetime'; read: (row: Row) => Date };

export type FilterFields<Row> = Record<string, FilterFieldSpec<Row>>;

export type RowPredicate<Row> = (row: Row) => boolean;

/**
 * Parses `$filter` and checks it against the fields a collection allows (see bindODataFilter) before any
 * row is read, then tests rows in memory. Strings compare case-insensitively, as API Management's store does.
 */
export function compileODataFilter<Row>(expression: string, fields: FilterFields<Row>): RowPredicate<Row> {
  return compile(bindODataFilter(parseODataFilter(expression), fields), fields);
}

function compile<Row>(node: BoundFilter, fields: FilterFields<Row>): RowPredicate<Row> {
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
    case 'text': {
      const spec = fields[node.field];
      if (spec.type !== 'string') throw new Error(`'${node.field}' is bound as text but declared ${spec.type}`);
      const { test, value } = node;
      return (row) => testText(test, spec.read(row).toLowerCase(), value);
    }
    case 'datetime': {
      const spec = fields[node.field];
      if (spec.type !== 'datetime') throw new Error(`'${node.field}' is bound as a date but declared ${spec.type}`);
      const { operator, value } = node;
      return (row) => testOrder(operator, Math.sign(spec.read(row).getTime() - value));
    }
  }
}
