import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ArmClient } from '../../../lib/arm-client';
import { useServices } from '../../../lib/services-context';

export const APIM_API_VERSION = '2024-05-01';
const SUBSCRIPTIONS_API_VERSION = '2022-12-01';

interface SubscriptionEntry {
  subscriptionId: string;
  displayName: string;
  state: string;
}

export interface ApimService {
  id: string;
  name: string;
  location: string;
  sku: { name: string; capacity: number };
  identity?: { type: string; principalId?: string; userAssignedIdentities?: Record<string, { principalId?: string; clientId?: string }> };
  properties: {
    publisherEmail?: string;
    publisherName?: string;
    provisioningState?: string;
    gatewayUrl?: string;
    managementApiUrl?: string;
    developerPortalUrl?: string;
    platformVersion?: string;
  };
}

export interface ApimServiceRow extends ApimService {
  resourceGroup: string;
  subscriptionId: string;
  subscriptionName: string;
}

export interface ApimServicesResult {
  services: ApimServiceRow[];
  /** Subscriptions whose services could not be listed: the rest still show. */
  failures: Array<{ subscriptionName: string; error: unknown }>;
}

export const resourceGroupOf = (id: string) => /\/resourceGroups\/([^/]+)\//i.exec(id)?.[1] ?? '';

export async function listApimServices(arm: ArmClient): Promise<ApimServicesResult> {
  const subscriptions = await arm.listAll<SubscriptionEntry>('/subscriptions', { apiVersion: SUBSCRIPTIONS_API_VERSION });
  const results = await Promise.allSettled(
    subscriptions.map(async (s) => {
      const services = await arm.listAll<ApimService>(`/subscriptions/${encodeURIComponent(s.subscriptionId)}/providers/Microsoft.ApiManagement/service`, {
        apiVersion: APIM_API_VERSION,
      });
      return services.map<ApimServiceRow>((service) => ({
        ...service,
        resourceGroup: resourceGroupOf(service.id),
        subscriptionId: s.subscriptionId,
        subscriptionName: s.displayName,
      }));
    }),
  );
  const services: ApimServiceRow[] = [];
  const failures: ApimServicesResult['failures'] = [];
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') services.push(...result.value);
    else failures.push({ subscriptionName: subscriptions[index].displayName, error: result.reason });
  });
  services.sort((a, b) => a.name.localeCompare(b.name));
  return { services, failures };
}

export const apimServicesQuery = (arm: ArmClient) => queryOptions({ queryKey: ['arm', 'apim', 'services'], queryFn: () => listApimServices(arm) });

export function useApimServices() {
  const { arm } = useServices();
  return useQuery(apimServicesQuery(arm));
}

export const servicePath = (subscriptionId: string, resourceGroup: string, serviceName: string) =>
  `/subscriptions/${encodeURIComponent(subscriptionId)}/resourceGroups/${encodeURIComponent(resourceGroup)}/providers/Microsoft.ApiManagement/service/${encodeURIComponent(serviceName)}`;

export const apimServiceQuery = (arm: ArmClient, subscriptionId: string, resourceGroup: string, serviceName: string) =>
  queryOptions({
    queryKey: ['arm', 'apim', subscriptionId.toLowerCase(), resourceGroup.toLowerCase(), serviceName.toLowerCase(), 'service'],
    queryFn: async () => (await arm.send<ApimService>(servicePath(subscriptionId, resourceGroup, serviceName), { apiVersion: APIM_API_VERSION })).data,
  });

export function useApimService(subscriptionId: string, resourceGroup: string, serviceName: string) {
  const { arm } = useServices();
  return useQuery(apimServiceQuery(arm, subscriptionId, resourceGroup, serviceName));
}
