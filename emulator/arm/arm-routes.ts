import type { RouteAccess, RouteEntry } from '../common/route-table.ts';
import { apiVersions } from './api-versions.ts';
import { getService } from './apim-services/get-service.ts';
import { listServicesInResourceGroup, listServicesInSubscription } from './apim-services/list-services.ts';
import { listPermissions } from './authorization/list-permissions.ts';
import { createOrUpdateCertificate } from './certificates/create-or-update-certificate.ts';
import { deleteCertificate } from './certificates/delete-certificate.ts';
import { getCertificate, getCertificateEntityTag } from './certificates/get-certificate.ts';
import { listCertificates } from './certificates/list-certificates.ts';
import { refreshCertificateSecret } from './certificates/refresh-certificate-secret.ts';
import { getResourceGroup } from './resource-groups/get-resource-group.ts';
import { putResourceGroup } from './resource-groups/put-resource-group.ts';
import { deleteResourceGroup, resourceGroupExists } from './resource-groups/delete-resource-group.ts';
import { putService } from './apim-services/put-service.ts';
import { patchService } from './apim-services/patch-service.ts';
import { deleteService } from './apim-services/delete-service.ts';
import { checkNameAvailability } from './apim-services/check-name-availability.ts';
import { getOperationResult, getOperationStatus } from './operations/get-operation.ts';
import { getMetadataEndpoints } from './metadata/get-metadata-endpoints.ts';
import { listTenants } from './tenants/list-tenants.ts';
import { listResourceGroups } from './resource-groups/list-resource-groups.ts';
import { getSubscription } from './subscriptions/get-subscription.ts';
import { listSubscriptions } from './subscriptions/list-subscriptions.ts';
import {
  getTenantAccess,
  getTenantAccessEntityTag,
  listTenantAccessSecrets,
  regenerateAccessKey,
  updateTenantAccess,
} from './tenant-access/tenant-access-operations.ts';
import { getUserSharedAccessToken } from './tenant-access/user-token.ts';

const subscription = '/subscriptions/{subscriptionId}';
const group = `${subscription}/resourceGroups/{resourceGroupName}`;
const services = `${group}/providers/Microsoft.ApiManagement/service`;
const certificate = `${services}/{serviceName}/certificates/{certificateId}`;
const tenantAccess = `${services}/{serviceName}/tenant/{accessName}`;

const read = (action: string, scope: string): RouteAccess => ({ need: 'read', action, scope });
const write = (action: string, scope: string): RouteAccess => ({ need: 'write', action, scope });

const subscriptionVersions = apiVersions('subscriptions', 'subscriptions');
const groupVersions = apiVersions('resourceGroups', 'resourceGroups');
const serviceVersions = apiVersions('apiManagement', 'service');
const certificateVersions = apiVersions('apiManagement', 'service/certificates');

/**
 * ARM: subscriptions, resource groups, API Management services and their certificates. Paths are below
 * `/arm` and double as the scopes AuthorizationFailed names; literal segments match in any case, as ARM's do. The pipeline checks `versions` and `access`
 * before the operation runs.
 */
export const armRoutes: RouteEntry[] = [
  // What `az cloud register --endpoint-resource-manager` reads: anonymous, any api-version, as in Azure.
  { method: 'GET', path: '/metadata/endpoints', operation: getMetadataEndpoints, anonymous: true },
  { method: 'GET', path: '/tenants', operation: listTenants, versions: subscriptionVersions },
  { method: 'GET', path: '/subscriptions', operation: listSubscriptions, versions: subscriptionVersions },
  {
    method: 'GET',
    path: subscription,
    operation: getSubscription,
    versions: subscriptionVersions,
    access: read('Microsoft.Resources/subscriptions/read', subscription),
  },
  {
    method: 'GET',
    path: `${subscription}/providers/Microsoft.Authorization/permissions`,
    operation: listPermissions,
    versions: apiVersions('authorization', 'permissions'),
    access: read('Microsoft.Authorization/permissions/read', subscription),
  },
  {
    method: 'GET',
    path: `${subscription}/resourceGroups`,
    operation: listResourceGroups,
    versions: groupVersions,
    access: read('Microsoft.Resources/subscriptions/resourceGroups/read', subscription),
  },
  ...[
    { method: 'GET', operation: getResourceGroup, access: read('Microsoft.Resources/subscriptions/resourceGroups/read', group) },
    { method: 'HEAD', operation: resourceGroupExists, access: read('Microsoft.Resources/subscriptions/resourceGroups/read', group) },
    { method: 'PUT', operation: putResourceGroup, access: write('Microsoft.Resources/subscriptions/resourceGroups/write', group) },
    { method: 'DELETE', operation: deleteResourceGroup, access: write('Microsoft.Resources/subscriptions/resourceGroups/delete', group) },
  ].map((entry) => ({ ...entry, path: group, versions: groupVersions })),
  // Long-running operations: the status (`Azure-AsyncOperation`) and the result (`Location`) a poller follows.
  {
    method: 'GET',
    path: `${subscription}/providers/Microsoft.ApiManagement/operationsStatus/{operationId}`,
    operation: getOperationStatus,
    access: read('Microsoft.ApiManagement/operationsStatus/read', subscription),
  },
  {
    method: 'GET',
    path: `${subscription}/operationresults/{operationId}`,
    operation: getOperationResult,
    access: read('Microsoft.Resources/operationresults/read', subscription),
  },
  {
    method: 'POST',
    path: `${subscription}/providers/Microsoft.ApiManagement/checkNameAvailability`,
    operation: checkNameAvailability,
    versions: serviceVersions,
    access: read('Microsoft.ApiManagement/checkNameAvailability/action', subscription),
  },
  {
    method: 'GET',
    path: `${subscription}/providers/Microsoft.ApiManagement/service`,
    operation: listServicesInSubscription,
    versions: serviceVersions,
    access: read('Microsoft.ApiManagement/service/read', subscription),
  },
  {
    method: 'GET',
    path: services,
    operation: listServicesInResourceGroup,
    versions: serviceVersions,
    access: read('Microsoft.ApiManagement/service/read', group),
  },
  ...[
    { method: 'GET', operation: getService, access: read('Microsoft.ApiManagement/service/read', `${services}/{serviceName}`) },
    { method: 'PUT', operation: putService, access: write('Microsoft.ApiManagement/service/write', `${services}/{serviceName}`) },
    { method: 'PATCH', operation: patchService, access: write('Microsoft.ApiManagement/service/write', `${services}/{serviceName}`) },
    { method: 'DELETE', operation: deleteService, access: write('Microsoft.ApiManagement/service/delete', `${services}/{serviceName}`) },
  ].map((entry) => ({ ...entry, path: `${services}/{serviceName}`, versions: serviceVersions })),
  {
    method: 'GET',
    path: `${services}/{serviceName}/certificates`,
    operation: listCertificates,
    versions: certificateVersions,
    access: read('Microsoft.ApiManagement/service/certificates/read', `${services}/{serviceName}/certificates`),
  },
  ...[
    { method: 'GET', operation: getCertificate, access: read('Microsoft.ApiManagement/service/certificates/read', certificate) },
    { method: 'HEAD', operation: getCertificateEntityTag, access: read('Microsoft.ApiManagement/service/certificates/read', certificate) },
    { method: 'PUT', operation: createOrUpdateCertificate, access: write('Microsoft.ApiManagement/service/certificates/write', certificate) },
    { method: 'DELETE', operation: deleteCertificate, access: write('Microsoft.ApiManagement/service/certificates/delete', certificate) },
  ].map((entry) => ({ ...entry, path: certificate, versions: certificateVersions })),
  {
    method: 'POST',
    path: `${certificate}/refreshSecret`,
    operation: refreshCertificateSecret,
    versions: certificateVersions,
    access: write('Microsoft.ApiManagement/service/certificates/refreshSecret/action', certificate),
  },
  // The direct management API's switch, keys and tokens: secrets and changes need Owner or Contributor.
  ...[
    { method: 'GET', path: tenantAccess, operation: getTenantAccess, access: read('Microsoft.ApiManagement/service/tenant/read', tenantAccess) },
    { method: 'HEAD', path: tenantAccess, operation: getTenantAccessEntityTag, access: read('Microsoft.ApiManagement/service/tenant/read', tenantAccess) },
    { method: 'PATCH', path: tenantAccess, operation: updateTenantAccess, access: write('Microsoft.ApiManagement/service/tenant/write', tenantAccess) },
    { method: 'PUT', path: tenantAccess, operation: updateTenantAccess, access: write('Microsoft.ApiManagement/service/tenant/write', tenantAccess) },
    {
      method: 'POST',
      path: `${tenantAccess}/listSecrets`,
      operation: listTenantAccessSecrets,
      access: write('Microsoft.ApiManagement/service/tenant/listSecrets/action', tenantAccess),
    },
    {
      method: 'POST',
      path: `${tenantAccess}/regeneratePrimaryKey`,
      operation: regenerateAccessKey('primary'),
      access: write('Microsoft.ApiManagement/service/tenant/regeneratePrimaryKey/action', tenantAccess),
    },
    {
      method: 'POST',
      path: `${tenantAccess}/regenerateSecondaryKey`,
      operation: regenerateAccessKey('secondary'),
      access: write('Microsoft.ApiManagement/service/tenant/regenerateSecondaryKey/action', tenantAccess),
    },
    {
      method: 'POST',
      path: `${services}/{serviceName}/users/{userId}/token`,
      operation: getUserSharedAccessToken,
      access: write('Microsoft.ApiManagement/service/users/token/action', `${services}/{serviceName}/users/{userId}`),
    },
  ].map((entry) => ({ ...entry, versions: serviceVersions })),
];
