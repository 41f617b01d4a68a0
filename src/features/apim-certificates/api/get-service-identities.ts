import { useQuery } from '@tanstack/react-query';
import { useServices } from '../../../lib/services-context';
import { apimServiceQuery, userAssignedClientIds } from '../../../lib/azure/apim-service';
import type { ServiceRef } from './certificate-contract';

/** The client ids of the service's user-assigned identities, offered when a Key Vault certificate names one. */
export function useUserAssignedClientIds(service: ServiceRef) {
  const { arm } = useServices();
  // The service's own GET, cached once for the overview blade and this picker alike.
  return useQuery({ ...apimServiceQuery(arm, service), select: userAssignedClientIds, staleTime: 300_000 });
}
