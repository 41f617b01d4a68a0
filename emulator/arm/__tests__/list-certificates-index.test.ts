import { describe, expect, it } from 'vitest';
import { compileCertificateFilter } from '../../store/apim-certificate-list/certificate-filter.ts';
import { listCertificatePage, serviceIndex } from '../../store/apim-certificate-list/list-page.ts';
import { certificateFilterFields } from '../certificates/list-certificates.ts';
import {
  db,
  fixedFilters,
  indexPage,
  pagings,
  randomFilter,
  referencePage,
  service,
  services,
  setUpRandomCertificateStore,
  withDates,
} from './list-certificates-reference.ts';

setUpRandomCertificateStore();

describe('the indexed list against the plain read-and-test it replaces', () => {
  it('returns the same page, order, count and contracts for fixed and random filters', () => {
    let compared = 0;
    let nonEmpty = 0;
    const randomFilters = Array.from({ length: 40 }, () => randomFilter(3));
    for (const filter of ['', ...fixedFilters.map(withDates), ...randomFilters]) {
      for (const key of services) {
        for (const failedOnly of [false, true]) {
          for (const [skip, pageSize] of pagings) {
            const expected = referencePage(db, key, filter, failedOnly, skip, pageSize);
            expect(
              indexPage(db, key, filter, failedOnly, skip, pageSize),
              `${filter} (skip ${skip}, top ${pageSize}, failed only ${failedOnly}) on ${key.serviceName}`,
            ).toEqual(expected);
            compared++;
            if (expected.ids.length > 0) nonEmpty++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(2000);
    expect(nonEmpty).toBeGreaterThan(compared / 3);
  });

  it('narrows most filters from the index instead of testing every row', () => {
    const index = serviceIndex(db, service);
    const narrowed = [...fixedFilters.map(withDates), ...Array.from({ length: 40 }, () => randomFilter(3))].filter(
      (filter) => compileCertificateFilter(filter, certificateFilterFields).candidates(index) !== null,
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

  it('never holds the certificate data for a list', () => {
    const { rows } = listCertificatePage(db, service, { filter: null, failedRefreshOnly: false, skip: 0, pageSize: 5 });
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(Object.keys(row)).not.toContain('data');
  });
});
