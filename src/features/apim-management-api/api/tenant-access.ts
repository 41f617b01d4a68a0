import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ArmClient } from '../../../lib/arm-client';
import { useServices } from '../../../lib/services-context';
import { APIM_API_VERSION } from '../../../lib/azure/api-versions';
import { queryKeys } from '../../../lib/azure/query-keys';
import { apimServicePath, type ApimServiceRef } from '../../../lib/azure/resource-ids';

export interface TenantAccess {
  identifier: string;
  enabled: boolean;
  etag: string;
}

interface AccessContract {
  properties: { id?: string; principalId?: string; enabled: boolean };
}

export const tenantAccessPath = (service: ApimServiceRef) => `${apimServicePath(service)}/tenant/access`;

export async function getTenantAccess(arm: ArmClient, service: ApimServiceRef): Promise<TenantAccess> {
  const { data, etag } = await arm.send<AccessContract>(tenantAccessPath(service), { apiVersion: APIM_API_VERSION });
  return { identifier: data.properties.principalId ?? data.properties.id ?? '', enabled: data.properties.enabled, etag: etag ?? '*' };
}

export const tenantAccessQuery = (arm: ArmClient, service: ApimServiceRef) =>
  queryOptions({ queryKey: queryKeys.apimTenantAccess(service), queryFn: () => getTenantAccess(arm, service) });

export function useTenantAccess(service: ApimServiceRef) {
  const { arm } = useServices();
  return useQuery(tenantAccessQuery(arm, service));
}

/** PATCH with the ETag last read: a change made elsewhere meanwhile is a 412, not silently overwritten. */
export function useSetTenantAccessEnabled(service: ApimServiceRef) {
  const { arm } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ enabled, etag }: { enabled: boolean; etag: string }) =>
      arm.send<AccessContract>(tenantAccessPath(service), { method: 'PATCH', apiVersion: APIM_API_VERSION, ifMatch: etag, body: { properties: { enabled } } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.apimTenantAccess(service) }),
  });
}
