import { json, type ArmOperation } from '../arm-context.ts';
import { ARM_AUDIENCE, ASM_AUDIENCE } from '../../identity/directory.ts';

/** The versions whose answer is an array of clouds; the others (2015-01-01, 2022-09-01) answer one object. */
const ARRAY_VERSIONS = new Set(['2019-05-01', '2020-06-01']);

/**
 * `GET {arm}/metadata/endpoints`, anonymous as in Azure and Azure Stack Hub: what `az cloud register
 * --endpoint-resource-manager` reads. It carries the 2015-01-01 keys (`galleryEndpoint`, `graphEndpoint`,
 * `portalEndpoint`, `authentication`) and the later ones (`name`, `resourceManager`, `suffixes`…).
 * `audiences[0]` is the resource the CLI asks tokens for: Service Management's, as Azure's metadata says.
 * The login endpoint is the AD FS-style authority, which MSAL Python uses without instance discovery.
 */
export const getMetadataEndpoints: ArmOperation = (context) => {
  const origin = context.env.origin;
  const host = new URL(origin).host;
  const cloud = {
    name: 'certportal-emulator',
    galleryEndpoint: `${origin}/gallery/`,
    graphEndpoint: `${origin}/graph/`,
    portalEndpoint: `${origin}/`,
    authentication: { loginEndpoint: `${origin}/adfs`, audiences: [ASM_AUDIENCE, ARM_AUDIENCE], tenant: 'adfs', identityProvider: 'ADFS' },
    resourceManager: `${origin}/arm/`,
    portal: `${origin}/`,
    gallery: `${origin}/gallery/`,
    graph: `${origin}/graph/`,
    graphAudience: `${origin}/graph/`,
    microsoftGraphResourceId: `${origin}/graph/`,
    suffixes: { storage: host, keyVaultDns: 'vault.azure.net', acrLoginServer: 'azurecr.io', sqlServerHostname: 'database.windows.net' },
  };
  const version = context.request.query.get('api-version') ?? '';
  return json(200, ARRAY_VERSIONS.has(version) ? [cloud] : cloud);
};
