/**
 * A recursive descent parser for the OData `$filter` subset ARM resource providers accept:
 *
 *   filter     := or EOF
 *   or         := and ('or' and)*
 *   and        := unary ('and' unary)*
 *   unary      := 'not' unary | primary
 *   primary    := '(' or ')' | call [('eq' | 'ne') boolean] | operand comparison operand
 *   call       := ('contains' | 'startswith' | 'endswith' | 'substringof') '(' operand ',' operand ')'
 *   operand    := identifier | string | datetime | number | 'true' | 'false' | 'null'
 *   comparison := 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'
 *
 * Strings are single-quoted with '' for a quote; datetimes are bare ISO 8601 (OData v4) or `datetime'…'` (v3).
 * Positions are 1-based character offsets into the expression, for messages a person can act on.
 * The length, the number of terms and the nesting are bounded (ODATA_FILTER_LIMITS), so neither this
 * parser's recursion nor anything built from its tree grows past a known size.
 */

import { ODATA_FILTER_LIMITS } from './odata-filter-limits.ts';

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type StringFunction = 'contains' | 'startswith' | 'endswith' | 'substringof';

export type FilterLiteral =
  | { kind: 'string'; value: string; position: number }
  | { kind: 'datetime'; value: Date; text: string; position: number }
  | { kind: 'number'; value: number; position: number }
  | { kind: 'boolean'; value: boolean; position: number }
  | { kind: 'null'; position: number };

export interface FilterField {
  kind: 'field';
  name: string;
  position: number;
}

export type FilterOperand = FilterField | FilterLiteral;

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode; position: number }
  | { kind: 'not'; operand: FilterNode; position: number }
  | { kind: 'compare'; operator: ComparisonOperator; left: FilterOperand; right: FilterOperand; position: number }
  | { kind: 'call'; name: StringFunction; args: [FilterOperand, FilterOperand]; expected: boolean; position: number };

export class ODataFilterError extends Error {
  constructor(
    readonly position: number,
    readonly reason: string,
  ) {
    super(`Invalid $filter at position ${position}: ${reason}`);
  }
}

type Token =
  | { type: 'word'; text: string; position: number }
  | { type: 'string'; value: string; text: string; position: number }
  | { type: 'datetime'; value: Date; text: string; position: number }
  | { type: 'number'; value: number; text: string; position: number }
  | { type: '(' | ')' | ','; text: string; position: number }
  | { type: 'end'; text: string; position: number };

const comparisonOperators: readonly string[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];
const stringFunctions: readonly string[] = ['contains', 'startswith', 'endswith', 'substringof'];
const reservedWords: readonly string[] = [...comparisonOperators, 'and', 'or', 'not'];
const dateTimePattern = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})?)?/;

function parseDateTime(text: string, position: number): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(text);
  if (!match) throw new ODataFilterError(position, `'${text}' is not a date and time like 2025-01-31T00:00:00Z.`);
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = match;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}.${fraction.padEnd(3, '0').slice(0, 3)}${zone}`;
  const date = new Date(iso);
  // Date accepts 2025-02-31 by rolling over; a person meant a real day.
  if (
    Number.isNaN(date.getTime()) ||
    Number(mo) < 1 ||
    Number(mo) > 12 ||
    Number(d) < 1 ||
    Number(d) > new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate() ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    throw new ODataFilterError(position, `'${text}' is not a valid date and time.`);
  }
  return date;
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    const position = i + 1;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ type: ch, text: ch, position });
      i++;
    } else if (ch === "'") {
      const { value, end } = readQuoted(input, i);
      tokens.push({ type: 'string', value, text: input.slice(i, end), position });
      i = end;
    } else if (/\d/.test(ch) && dateTimePattern.test(input.slice(i))) {
      const text = dateTimePattern.exec(input.slice(i))![0];
      tokens.push({ type: 'datetime', value: parseDateTime(text, position), text, position });
      i += text.length;
    } else if (/[-\d]/.test(ch)) {
      const match = /^-?\d+(?:\.\d+)?/.exec(input.slice(i));
      if (!match) throw new ODataFilterError(position, `unexpected character '${ch}'.`);
      tokens.push({ type: 'number', value: Number(match[0]), text: match[0], position });
      i += match[0].length;
    } else if (/[A-Za-z_$]/.test(ch)) {
      const text = /^[A-Za-z_$][A-Za-z0-9_./]*/.exec(input.slice(i))![0];
      if (text.toLowerCase() === 'datetime' && input[i + text.length] === "'") {
        const { value, end } = readQuoted(input, i + text.length);
        tokens.push({ type: 'datetime', value: parseDateTime(value, position), text: input.slice(i, end), position });
        i = end;
      } else {
        tokens.push({ type: 'word', text, position });
        i += text.length;
      }
    } else {
      throw new ODataFilterError(position, `unexpected character '${ch}'.`);
    }
  }
  tokens.push({ type: 'end', text: 'the end of the expression', position: input.length + 1 });
  return tokens;
}

function readQuoted(input: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= input.length)
      throw new ODataFilterError(start + 1, 'this string is never closed: add the closing quote (write a quote inside a string as two quotes).');
    if (input[i] === "'") {
      if (input[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += input[i++];
  }
}

const describe = (token: Token): string => (token.type === 'end' ? token.text : `'${token.text}'`);

class Parser {
  private index = 0;
  private terms = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    if (this.peek().type === 'end') throw new ODataFilterError(1, 'the expression is empty.');
    const node = this.or();
    const next = this.peek();
    if (next.type !== 'end') throw new ODataFilterError(next.position, `expected 'and', 'or' or the end of the expression, found ${describe(next)}.`);
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    return this.tokens[this.index++];
  }

  private isWord(word: string): boolean {
    const token = this.peek();
    return token.type === 'word' && token.text.toLowerCase() === word;
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.isWord('or')) {
      const { position } = this.next();
      left = { kind: 'or', left, right: this.and(), position };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.isWord('and')) {
      const { position } = this.next();
      left = { kind: 'and', left, right: this.unary(), position };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.isWord('not')) {
      const { position } = this.next();
      this.enter(position);
      const operand = this.unary();
      this.depth--;
      return { kind: 'not', operand, position };
    }
    return this.primary();
  }

  /** One level deeper (a `not` or a parenthesis), refused past the limit before recursing. */
  private enter(position: number): void {
    if (++this.depth > ODATA_FILTER_LIMITS.maxDepth)
      throw new ODataFilterError(position, `parentheses and 'not' are nested more than ${ODATA_FILTER_LIMITS.maxDepth} deep, the limit.`);
  }

  private countTerm(position: number): void {
    if (++this.terms > ODATA_FILTER_LIMITS.maxTerms)
      throw new ODataFilterError(position, `the expression has more than ${ODATA_FILTER_LIMITS.maxTerms} comparisons, the limit; narrow it or split it.`);
  }

  private primary(): FilterNode {
    const token = this.peek();
    if (token.type === '(') {
      this.next();
      this.enter(token.position);
      const inner = this.or();
      this.expect(')', "')' to close the parenthesis");
      this.depth--;
      return inner;
    }
    this.countTerm(token.position);
    if (token.type === 'word' && stringFunctions.includes(token.text.toLowerCase()) && this.tokens[this.index + 1]?.type === '(') {
      return this.call();
    }
    const left = this.operand('a field name or a value');
    const operator = this.peek();
    if (operator.type !== 'word' || !comparisonOperators.includes(operator.text.toLowerCase())) {
      throw new ODataFilterError(
        operator.position,
        `expected a comparison operator (eq, ne, gt, ge, lt, le) after ${describe(token)}, found ${describe(operator)}.`,
      );
    }
    this.next();
    const right = this.operand(`a value after '${operator.text}'`);
    return { kind: 'compare', operator: operator.text.toLowerCase() as ComparisonOperator, left, right, position: left.position };
  }

  private call(): FilterNode {
    const nameToken = this.next();
    const name = nameToken.text.toLowerCase() as StringFunction;
    this.expect('(', `'(' after ${name}`);
    const first = this.operand(`the first argument of ${name}`);
    this.expect(',', `',' between the two arguments of ${name}`);
    const second = this.operand(`the second argument of ${name}`);
    this.expect(')', `')' after the two arguments of ${name}`);
    let expected = true;
    if (this.isWord('eq') || this.isWord('ne')) {
      const operator = this.next().text.toLowerCase();
      const value = this.next();
      if (value.type !== 'word' || !['true', 'false'].includes(value.text.toLowerCase())) {
        throw new ODataFilterError(value.position, `expected true or false after '${operator}', found ${describe(value)}.`);
      }
      expected = (value.text.toLowerCase() === 'true') === (operator === 'eq');
    }
    return { kind: 'call', name, args: [first, second], expected, position: nameToken.position };
  }

  private operand(what: string): FilterOperand {
    const token = this.next();
    switch (token.type) {
      case 'string':
        return { kind: 'string', value: token.value, position: token.position };
      case 'datetime':
        return { kind: 'datetime', value: token.value, text: token.text, position: token.position };
      case 'number':
        return { kind: 'number', value: token.value, position: token.position };
      case 'word': {
        const word = token.text.toLowerCase();
        if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true', position: token.position };
        if (word === 'null') return { kind: 'null', position: token.position };
        if (reservedWords.includes(word)) break;
        return { kind: 'field', name: token.text, position: token.position };
      }
      default:
        break;
    }
    throw new ODataFilterError(token.position, `expected ${what}, found ${describe(token)}.`);
  }

  private expect(type: '(' | ')' | ',', what: string): void {
    const token = this.next();
    if (token.type !== type) throw new ODataFilterError(token.position, `expected ${what}, found ${describe(token)}.`);
  }
}

export function parseODataFilter(expression: string): FilterNode {
  if (expression.length > ODATA_FILTER_LIMITS.maxLength)
    throw new ODataFilterError(
      ODATA_FILTER_LIMITS.maxLength + 1,
      `the expression is ${expression.length} characters long; the limit is ${ODATA_FILTER_LIMITS.maxLength}.`,
    );
  return new Parser(tokenize(expression)).parse();
}
