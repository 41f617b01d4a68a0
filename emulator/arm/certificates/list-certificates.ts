import { ODataFilterError } from '../../common/odata-filter-parser.ts';
import { compileODataFilter, type FilterFields } from '../../common/odata-filter-predicate.ts';
import { apimErrors, validationError } from '../apim-errors.ts';
import { resolveService } from '../apim-services/resolve-service.ts';
import { json, linkToSelf, type ArmOperation } from '../arm-context.ts';
import { keyVaultOf, listCertificates as readCertificates, toCertificateContract, type CertificateRow } from './certificate-store.ts';

/** The page size when the caller sends no `$top`, and the most one page holds. */
export const CERTIFICATE_PAGE_SIZE = 100;
export const CERTIFICATE_MAX_PAGE_SIZE = 1000;

const filterFields: FilterFields<CertificateRow> = {
  name: { type: 'string', functions: true, read: (row) => row.certificate_id },
  subject: { type: 'string', functions: true, read: (row) => row.subject },
  thumbprint: { type: 'string', functions: true, read: (row) => row.thumbprint },
  expirationDate: { type: 'datetime', read: (row) => new Date(row.expiration_date) },
};

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
  const { key } = resolveService(context, 'Microsoft.ApiManagement/service/certificates/read', '/certificates');
  const top = integerParameter(query, '$top', 1);
  const skip = integerParameter(query, '$skip', 0) ?? 0;
  const failedOnly = failedRefreshOnly(query);
  const filter = query.get('$filter');
  let matches: (row: CertificateRow) => boolean = () => true;
  if (filter !== null && filter.trim() !== '') {
    try {
      matches = compileODataFilter(filter, filterFields);
    } catch (error) {
      if (error instanceof ODataFilterError) throw apimErrors.invalidFilter(error);
      throw error;
    }
  }
  const rows = readCertificates(context.env.db, key).filter((row) => {
    if (failedOnly && keyVaultOf(row)?.lastStatus.code === 'Success') return false;
    if (failedOnly && !row.key_vault) return false;
    return matches(row);
  });
  const pageSize = Math.min(top ?? CERTIFICATE_PAGE_SIZE, CERTIFICATE_MAX_PAGE_SIZE);
  const page = rows.slice(skip, skip + pageSize);
  const next = skip + pageSize;
  const nextLink = next < rows.length ? linkToSelf(context, { $top: top === undefined ? undefined : String(pageSize), $skip: String(next) }) : undefined;
  return json(200, { value: page.map(toCertificateContract), count: rows.length, ...(nextLink ? { nextLink } : {}) });
};
