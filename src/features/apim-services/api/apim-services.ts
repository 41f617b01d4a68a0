import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ArmClient } from '../../../lib/arm-client';
import { useServices } from '../../../lib/services-context';
import { APIM_API_VERSION } from '../../../lib/azure/api-versions';
import type { ApimService } from '../../../lib/azure/apim-service';
import { queryKeys } from '../../../lib/azure/query-keys';
import { apimServicesPath, resourceGroupOf } from '../../../lib/azure/resource-ids';
import { getSubscriptions } from '../../../lib/azure/subscriptions';

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

export async function listApimServices(arm: ArmClient): Promise<ApimServicesResult> {
  const subscriptions = await getSubscriptions(arm);
  const results = await Promise.allSettled(
    subscriptions.map(async (s) => {
      const services = await arm.listAll<ApimService>(apimServicesPath(s.subscriptionId), { apiVersion: APIM_API_VERSION });
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

export const apimServicesQuery = (arm: ArmClient) => queryOptions({ queryKey: queryKeys.apimServices(), queryFn: () => listApimServices(arm) });

export function useApimServices() {
  const { arm } = useServices();
  return useQuery(apimServicesQuery(arm));
}
