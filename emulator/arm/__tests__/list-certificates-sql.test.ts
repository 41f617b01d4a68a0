import { describe, expect, it } from 'vitest';
import { ODataFilterError } from '../../common/odata-filter-parser.ts';
import { compileODataFilter } from '../../common/odata-filter-predicate.ts';
import { compileODataFilterToSql } from '../../common/odata-filter-sql.ts';
import { certificateTextIndex, listCertificatePage } from '../../store/apim-certificate-store.ts';
import { certificateFilterFields } from '../certificates/list-certificates.ts';
import {
  db,
  fixedFilters,
  jsFields,
  pagings,
  randomFilter,
  referencePage,
  service,
  services,
  setUpRandomCertificateStore,
  sqlPage,
  withDates,
} from './list-certificates-reference.ts';

setUpRandomCertificateStore();

describe('the SQL list against the JavaScript predicate it replaces', () => {
  it('returns the same page, order, count and contracts for fixed and random filters', () => {
    let compared = 0;
    let nonEmpty = 0;
    const randomFilters = Array.from({ length: 40 }, () => randomFilter(3));
    for (const filter of ['', ...fixedFilters.map(withDates), ...randomFilters]) {
      for (const key of services) {
        for (const failedOnly of [false, true]) {
          for (const [skip, pageSize] of pagings) {
            const expected = referencePage(db, key, filter, failedOnly, skip, pageSize);
            for (const indexed of [false, true]) {
              expect(
                sqlPage(db, key, filter, failedOnly, skip, pageSize, indexed),
                `${filter} (skip ${skip}, top ${pageSize}, failed only ${failedOnly}, indexed ${indexed}) on ${key.serviceName}`,
              ).toEqual(expected);
            }
            compared++;
            if (expected.ids.length > 0) nonEmpty++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(2000);
    expect(nonEmpty).toBeGreaterThan(compared / 3);
    const narrowed = [...fixedFilters.map(withDates), ...randomFilters].filter(
      (filter) => compileODataFilterToSql(filter, certificateFilterFields, certificateTextIndex(db)).rowids !== null,
    );
    expect(narrowed.length).toBeGreaterThan(20);
  });

  it('the fixed filters each select some rows and leave out others, so they test something', () => {
    const informative = fixedFilters.map(withDates).filter((filter) => {
      const { count } = referencePage(db, service, filter, false, 0, 1);
      return count > 0 && count < 400;
    });
    expect(informative.length).toBeGreaterThan(fixedFilters.length * 0.8);
  });

  it('rejects the same expressions with the same messages', () => {
    const bad = [
      '',
      "name eq 'a' && name eq 'b'",
      'name eq',
      "startswith(name 'a')",
      "contains(name,'a') eq maybe",
      'subject eq name',
      "'a' eq 'b'",
      "endswith('a','b')",
      'expirationDate gt 2025-13-01',
      "colour eq 'red'",
      "contains(expirationDate,'2025')",
      "expirationDate gt 'soon'",
      'name eq 42',
      "name eq 'ok' or colour eq 'red' or name eq 1",
    ];
    const message = (compile: () => unknown) => {
      try {
        compile();
      } catch (error) {
        if (error instanceof ODataFilterError) return error.message;
        throw error;
      }
      return 'accepted';
    };
    for (const filter of bad) {
      const expected = message(() => compileODataFilter(filter, jsFields));
      expect(expected).not.toBe('accepted');
      expect(message(() => compileODataFilterToSql(filter, certificateFilterFields))).toBe(expected);
    }
  });

  it('passes values as parameters, never as SQL text', () => {
    const { sql, params } = compileODataFilterToSql("contains(subject,'x'') OR 1=1 --') or name eq 'Y'", certificateFilterFields);
    expect(sql).not.toMatch(/1=1|'y'/i);
    expect(params).toEqual(expect.arrayContaining(["%x') or 1=1 --%", 'y']));
  });

  it('never reads the certificate data for a list', () => {
    const { rows } = listCertificatePage(db, service, { filter: null, failedRefreshOnly: false, skip: 0, pageSize: 5 });
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(Object.keys(row)).not.toContain('data');
  });
});
