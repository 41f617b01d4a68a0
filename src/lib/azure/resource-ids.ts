/** Which API Management service: the three parts of its resource id that the routes carry. */
export interface ApimServiceRef {
  subscriptionId: string;
  resourceGroup: string;
  serviceName: string;
}

const segment = encodeURIComponent;

export const subscriptionsPath = () => '/subscriptions';
export const permissionsPath = (subscriptionId: string) => `/subscriptions/${segment(subscriptionId)}/providers/Microsoft.Authorization/permissions`;
export const apimServicesPath = (subscriptionId: string) => `/subscriptions/${segment(subscriptionId)}/providers/Microsoft.ApiManagement/service`;
export const apimServicePath = (s: ApimServiceRef) =>
  `/subscriptions/${segment(s.subscriptionId)}/resourceGroups/${segment(s.resourceGroup)}/providers/Microsoft.ApiManagement/service/${segment(s.serviceName)}`;
export const apimCertificatesPath = (s: ApimServiceRef) => `${apimServicePath(s)}/certificates`;
export const apimCertificatePath = (s: ApimServiceRef, id: string) => `${apimCertificatesPath(s)}/${segment(id)}`;

/** Service Management paths sit under the subscription id, without ARM's /subscriptions prefix. */
export const managementCertificatesPath = (subscriptionId: string) => `/${segment(subscriptionId)}/certificates`;
export const managementCertificatePath = (subscriptionId: string, thumbprint: string) => `${managementCertificatesPath(subscriptionId)}/${segment(thumbprint)}`;

/** The resource group named in an ARM resource id ('' when it names none); ARM ids are case-insensitive. */
export const resourceGroupOf = (id: string) => /\/resourceGroups\/([^/]+)\//i.exec(id)?.[1] ?? '';
