import { useQuery } from '@tanstack/react-query';
import { useServices } from '../../../lib/services-context';
import { APIM_API_VERSION, serviceKey, type ServiceRef } from './certificate-contract';

interface ServiceIdentity {
  identity?: { type?: string; userAssignedIdentities?: Record<string, { clientId?: string }> };
}

/** The client ids of the service's user-assigned identities, offered when a Key Vault certificate names one. */
export function useUserAssignedClientIds(service: ServiceRef) {
  const { arm } = useServices();
  return useQuery({
    queryKey: [...serviceKey(service), 'identities'],
    queryFn: async () => {
      const path = `/subscriptions/${encodeURIComponent(service.subscriptionId)}/resourceGroups/${encodeURIComponent(service.resourceGroup)}/providers/Microsoft.ApiManagement/service/${encodeURIComponent(service.serviceName)}`;
      const { data } = await arm.send<ServiceIdentity>(path, { apiVersion: APIM_API_VERSION });
      return Object.values(data.identity?.userAssignedIdentities ?? {}).flatMap((i) => (i.clientId ? [i.clientId] : []));
    },
    staleTime: 300_000,
  });
}
