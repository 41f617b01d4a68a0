import { describe, expect, it } from 'vitest';
import { compileODataFilter, type FilterFields } from '../../common/odata-filter-predicate.ts';
import { ODataFilterError, parseODataFilter } from '../../common/odata-filter-parser.ts';

interface Row {
  name: string;
  subject: string;
  expires: Date;
}

const fields: FilterFields<Row> = {
  name: { type: 'string', functions: true, read: (row) => row.name },
  subject: { type: 'string', functions: true, read: (row) => row.subject },
  expirationDate: { type: 'datetime', read: (row) => row.expires },
};

const rows: Row[] = [
  { name: 'alpha', subject: "CN=O'Brien, O=Contoso", expires: new Date('2025-01-01T00:00:00Z') },
  { name: 'beta', subject: 'CN=beta.contoso.com', expires: new Date('2026-06-30T12:00:00Z') },
  { name: 'gamma', subject: 'CN=gamma.fabrikam.com', expires: new Date('2030-01-01T00:00:00Z') },
];

const names = (filter: string) => rows.filter(compileODataFilter(filter, fields)).map((r) => r.name);

function failure(filter: string): ODataFilterError {
  try {
    compileODataFilter(filter, fields);
  } catch (error) {
    if (error instanceof ODataFilterError) return error;
    throw error;
  }
  throw new Error(`'${filter}' parsed`);
}

describe('$filter grammar', () => {
  it('binds and tighter than or, and parentheses override', () => {
    expect(parseODataFilter("name eq 'a' or name eq 'b' and name eq 'c'")).toMatchObject({ kind: 'or', right: { kind: 'and' } });
    expect(names("name eq 'alpha' or name eq 'beta' and name eq 'gamma'")).toEqual(['alpha']);
    expect(names("(name eq 'alpha' or name eq 'beta') and name eq 'beta'")).toEqual(['beta']);
    expect(names("not (name eq 'alpha') and not startswith(name,'g')")).toEqual(['beta']);
  });

  it('compares text case-insensitively with every operator', () => {
    expect(names("name eq 'ALPHA'")).toEqual(['alpha']);
    expect(names("name ne 'alpha'")).toEqual(['beta', 'gamma']);
    expect(names("name gt 'beta'")).toEqual(['gamma']);
    expect(names("name ge 'beta'")).toEqual(['beta', 'gamma']);
    expect(names("name lt 'beta'")).toEqual(['alpha']);
    expect(names("name le 'beta'")).toEqual(['alpha', 'beta']);
    expect(names("'beta' lt name")).toEqual(['gamma']);
  });

  it('has contains, startswith, endswith and OData v3 substringof, with eq true/false', () => {
    expect(names("contains(subject,'CONTOSO')")).toEqual(['alpha', 'beta']);
    expect(names("substringof('fabrikam', subject)")).toEqual(['gamma']);
    expect(names("substringof('fabrikam', subject) eq false")).toEqual(['alpha', 'beta']);
    expect(names("startswith(name,'g') eq true")).toEqual(['gamma']);
    expect(names("endswith(subject,'.com') ne true")).toEqual(['alpha']);
    expect(names("contains(subject,'O''Brien')")).toEqual(['alpha']);
  });

  it("compares dates written bare (v4), as datetime'…' (v3) or quoted", () => {
    expect(names('expirationDate lt 2026-01-01T00:00:00Z')).toEqual(['alpha']);
    expect(names("expirationDate ge datetime'2026-06-30T12:00:00'")).toEqual(['beta', 'gamma']);
    expect(names("expirationDate eq '2026-06-30T12:00:00Z'")).toEqual(['beta']);
    expect(names('expirationDate gt 2026-06-30T14:00:00+02:00')).toEqual(['gamma']);
    expect(names('expirationDate le 2025-01-01')).toEqual(['alpha']);
  });

  it('reports the position of the first mistake', () => {
    expect(failure('').message).toBe('Invalid $filter at position 1: the expression is empty.');
    expect(failure("name eq 'a' && name eq 'b'").position).toBe(13);
    expect(failure('name eq').message).toMatch(/position 8: expected a value after 'eq', found the end/);
    expect(failure("startswith(name 'a')").message).toMatch(/position 17: expected ',' between the two arguments of startswith/);
    expect(failure("contains(name,'a') eq maybe").message).toMatch(/position 23: expected true or false/);
    expect(failure("name eq 'a' or").position).toBe(15);
    expect(failure('subject eq name').message).toMatch(/position 12: compare 'subject' with a value, not with another field/);
    expect(failure("'a' eq 'b'").message).toMatch(/position 1: a comparison needs a field name/);
    expect(failure("endswith('a','b')").message).toMatch(/endswith needs a field name/);
    expect(failure('expirationDate gt 2025-13-01').message).toMatch(/position 19: '2025-13-01' is not a valid date/);
  });
});
