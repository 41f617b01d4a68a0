import { ODataFilterError } from '../../common/odata-filter-parser.ts';
import { FilterBudgetExceeded } from '../../common/odata-filter-budget.ts';
import { jsonList, jsonRenderer } from '../../common/json-list.ts';
import { cachedFilterCompiler } from '../../common/odata-filter-cache.ts';
import type { Operation } from '../../common/operation.ts';
import { compileCertificateFilter, type CertificateFilter, type CertificateFilterFields } from '../../store/apim-certificate-list/certificate-filter.ts';
import { listCertificatePage } from '../../store/apim-certificate-list/list-page.ts';
import { directService } from '../direct-service-target.ts';
import { directJson } from '../direct-response.ts';
import { legacyErrors } from '../legacy-errors.ts';
import { toLegacyCertificate } from './legacy-certificate.ts';

export const LEGACY_PAGE_SIZE = 100;
const LEGACY_MAX_PAGE_SIZE = 1000;

/** The seed's fields: `id` is the certificate identifier (cid); the strings take substringof, startswith, endswith. */
export const legacyCertificateFields: CertificateFilterFields = {
  id: { type: 'string', functions: true, column: 'certificate_id' },
  subject: { type: 'string', functions: true, column: 'subject' },
  thumbprint: { type: 'string', functions: true, column: 'thumbprint' },
  expirationDate: { type: 'datetime', column: 'expiration_date' },
};

const legacyCertificateJson = jsonRenderer(toLegacyCertificate);
const compileFilter = cachedFilterCompiler((text) => compileCertificateFilter(text, legacyCertificateFields));

function count(query: URLSearchParams, name: '$top' | '$skip', minimum: number): number | undefined {
  const text = query.get(name);
  if (text === null) return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < minimum || Number(text) > 2 ** 31 - 1)
    throw legacyErrors.validation(name, `${name} must be a whole number of at least ${minimum}, not '${text}'.`);
  return Number(text);
}

/** GET /certificates: `{value, count, nextLink}`, nextLink null on the last page as the seed shows. */
export const listLegacyCertificates: Operation = (context) => {
  const { query } = context.request;
  const { key, service } = directService(context.env.db, context.params.serviceName);
  const top = count(query, '$top', 1);
  const skip = count(query, '$skip', 0) ?? 0;
  const text = query.get('$filter');
  let filter: CertificateFilter | null = null;
  if (text !== null && text.trim() !== '') {
    try {
      filter = compileFilter(text);
    } catch (error) {
      if (error instanceof ODataFilterError) throw legacyErrors.validation('$filter', error.message);
      throw error;
    }
  }
  const pageSize = Math.min(top ?? LEGACY_PAGE_SIZE, LEGACY_MAX_PAGE_SIZE);
  let page: ReturnType<typeof listCertificatePage>;
  try {
    page = listCertificatePage(context.env.db, key, { filter, failedRefreshOnly: false, skip, pageSize });
  } catch (error) {
    if (error instanceof FilterBudgetExceeded) throw legacyErrors.validation('$filter', error.message);
    throw error;
  }
  let nextLink: string | null = null;
  if (skip + pageSize < page.count) {
    const next = new URLSearchParams(query);
    next.set('$skip', String(skip + pageSize));
    if (top !== undefined) next.set('$top', String(pageSize));
    nextLink = `${context.env.origin}/apim-direct/${encodeURIComponent(service.name)}/certificates?${next.toString()}`;
  }
  return directJson(200, jsonList(legacyCertificateJson, page.rows, { count: page.count, nextLink }));
};
