import { jsonList } from '../../common/json-list.ts';
import { cachedFilterCompiler } from '../../common/odata-filter-cache.ts';
import { FilterBudgetExceeded } from '../../common/odata-filter-budget.ts';
import { ODataFilterError } from '../../common/odata-filter-parser.ts';
import { apimErrors, validationError } from '../apim-errors.ts';
import { resolveService } from '../apim-services/resolve-service.ts';
import { json, linkToSelf, type ArmOperation } from '../arm-context.ts';
import { compileCertificateFilter, type CertificateFilter, type CertificateFilterFields } from '../../store/apim-certificate-list/certificate-filter.ts';
import { listCertificatePage } from '../../store/apim-certificate-list/list-page.ts';
import { certificateJson } from './certificate-contract.ts';

/** The page size when the caller sends no `$top`, and the most one page holds. */
export const CERTIFICATE_PAGE_SIZE = 100;
export const CERTIFICATE_MAX_PAGE_SIZE = 1000;

export const certificateFilterFields: CertificateFilterFields = {
  name: { type: 'string', functions: true, column: 'certificate_id' },
  subject: { type: 'string', functions: true, column: 'subject' },
  thumbprint: { type: 'string', functions: true, column: 'thumbprint' },
  expirationDate: { type: 'datetime', column: 'expiration_date' },
};

const compileFilter = cachedFilterCompiler((text) => compileCertificateFilter(text, certificateFilterFields));

function integerParameter(query: URLSearchParams, name: '$top' | '$skip', minimum: number): number | undefined {
  const text = query.get(name);
  if (text === null) return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < minimum || Number(text) > 2 ** 31 - 1) {
    throw validationError(name, `${name} must be a whole number of at least ${minimum}, not '${text}'.`);
  }
  return Number(text);
}

function failedRefreshOnly(query: URLSearchParams): boolean {
  const text = query.get('isKeyVaultRefreshFailed');
  if (text === null) return false;
  if (!/^(true|false)$/i.test(text)) throw validationError('isKeyVaultRefreshFailed', `isKeyVaultRefreshFailed must be true or false, not '${text}'.`);
  return text.toLowerCase() === 'true';
}

/**
 * GET .../certificates. As API Management does, `$top` sets the page size and `nextLink` carries on with
 * `$skip`; `count` is the number of matches across all pages.
 */
export const listCertificates: ArmOperation = (context) => {
  const { query } = context.request;
  const { key } = resolveService(context);
  const top = integerParameter(query, '$top', 1);
  const skip = integerParameter(query, '$skip', 0) ?? 0;
  const failedOnly = failedRefreshOnly(query);
  const text = query.get('$filter');
  let filter: CertificateFilter | null = null;
  if (text !== null && text.trim() !== '') {
    try {
      filter = compileFilter(text);
    } catch (error) {
      if (error instanceof ODataFilterError) throw apimErrors.invalidFilter(error);
      throw error;
    }
  }
  const pageSize = Math.min(top ?? CERTIFICATE_PAGE_SIZE, CERTIFICATE_MAX_PAGE_SIZE);
  const { rows, count } = listFiltered(context.env.db, key, { filter, failedRefreshOnly: failedOnly, skip, pageSize });
  const next = skip + pageSize;
  const nextLink = next < count ? linkToSelf(context, { $top: top === undefined ? undefined : String(pageSize), $skip: String(next) }) : undefined;
  return json(200, jsonList(certificateJson, rows, { count, nextLink }));
};

/** A filter that runs past its time budget is the caller's to narrow: a 400 naming the budget, not a 500. */
function listFiltered(...args: Parameters<typeof listCertificatePage>): ReturnType<typeof listCertificatePage> {
  try {
    return listCertificatePage(...args);
  } catch (error) {
    if (error instanceof FilterBudgetExceeded) throw validationError('$filter', error.message);
    throw error;
  }
}
