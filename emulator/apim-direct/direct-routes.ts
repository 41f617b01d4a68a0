import type { RouteAccess, RouteEntry, VersionRule } from '../common/route-table.ts';
import { deleteLegacyCertificate } from './certificates/delete-legacy-certificate.ts';
import { getLegacyCertificate, headLegacyCertificate } from './certificates/get-legacy-certificate.ts';
import { listLegacyCertificates } from './certificates/list-legacy-certificates.ts';
import { putLegacyCertificate } from './certificates/put-legacy-certificate.ts';
import { legacyErrors } from './legacy-errors.ts';

/** The versions of the direct management API the seed's scripts send. */
export const LEGACY_API_VERSIONS = ['2014-02-14-preview', '2014-02-14'] as const;

export const legacyVersions: VersionRule = {
  check(version) {
    if (version === undefined || version.trim() === '') throw legacyErrors.missingVersion();
    if (!(LEGACY_API_VERSIONS as readonly string[]).includes(version.trim().toLowerCase())) throw legacyErrors.unsupportedVersion(version, LEGACY_API_VERSIONS);
  },
};

// The service's key is the whole of the access: any valid token may read and write (as in Azure).
const access = (need: RouteAccess['need']): RouteAccess => ({ need, action: 'certificates', scope: '/{serviceName}' });
const certificate = '/{serviceName}/certificates/{cid}';

/** Below `/apim-direct`: `{serviceName}` stands for Azure's host name `{serviceName}.management.azure-api.net`. */
export const directRoutes: RouteEntry[] = [
  { method: 'GET', path: '/{serviceName}/certificates', operation: listLegacyCertificates, versions: legacyVersions, access: access('read') },
  { method: 'GET', path: certificate, operation: getLegacyCertificate, versions: legacyVersions, access: access('read') },
  { method: 'HEAD', path: certificate, operation: headLegacyCertificate, versions: legacyVersions, access: access('read') },
  { method: 'PUT', path: certificate, operation: putLegacyCertificate, versions: legacyVersions, access: access('write') },
  { method: 'DELETE', path: certificate, operation: deleteLegacyCertificate, versions: legacyVersions, access: access('write') },
];
