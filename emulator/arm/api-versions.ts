import { ArmError, armErrors } from '../common/arm-error.ts';
import type { VersionRule } from '../common/route-table.ts';

/** What each kind of resource answers to; ARM's own types and the resource provider's differ in their errors. */
export const API_VERSIONS = {
  subscriptions: ['2014-04-01', '2015-01-01', '2016-06-01', '2018-06-01', '2019-06-01', '2019-11-01', '2020-01-01', '2021-01-01', '2022-01-01', '2022-12-01'],
  resourceGroups: [
    '2019-10-01',
    '2020-06-01',
    '2021-04-01',
    '2022-09-01',
    '2023-07-01',
    '2024-03-01',
    '2024-07-01',
    '2024-11-01',
    '2025-01-01',
    '2025-03-01',
    '2025-04-01',
  ],
  authorization: ['2015-07-01', '2018-01-01-preview', '2022-04-01'],
  apiManagement: ['2021-08-01', '2022-08-01', '2023-03-01-preview', '2023-05-01-preview', '2023-09-01-preview', '2024-05-01'],
} as const;

export type ApiVersionFamily = keyof typeof API_VERSIONS;

const wellFormed = /^\d{4}-\d{2}-\d{2}(-(preview|beta|alpha|privatepreview))?$/i;

/** ARM checks api-version before anything else, and names the versions it would have taken. */
export function requireApiVersion(version: string | undefined, family: ApiVersionFamily, resourceType: string): string {
  if (version === undefined || version === '') throw armErrors.missingApiVersion();
  const supported: readonly string[] = API_VERSIONS[family];
  if (supported.includes(version.toLowerCase())) return version;
  if (family !== 'apiManagement' || !wellFormed.test(version)) throw armErrors.invalidApiVersion(version, [...supported]);
  throw new ArmError(
    400,
    'NoRegisteredProviderFound',
    `No registered resource provider found for location 'global' and API version '${version}' for type '${resourceType}'. The supported api-versions are '${supported.join(', ')}'. The supported locations are 'global'.`,
  );
}

/** A route's api-versions: those of its family; `resourceType` is what NoRegisteredProviderFound names. */
export const apiVersions = (family: ApiVersionFamily, resourceType: string): VersionRule => ({
  check: (version) => void requireApiVersion(version, family, resourceType),
});
