import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ArmClient } from '../arm-client';
import { useServices } from '../services-context';
import { APIM_API_VERSION } from './api-versions';
import { queryKeys } from './query-keys';
import { apimServicePath, type ApimServiceRef } from './resource-ids';

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

export async function getApimService(arm: ArmClient, service: ApimServiceRef): Promise<ApimService> {
  return (await arm.send<ApimService>(apimServicePath(service), { apiVersion: APIM_API_VERSION })).data;
}

/** One service's GET, shared by the overview blade and the certificate editor (its identities). */
export const apimServiceQuery = (arm: ArmClient, service: ApimServiceRef) =>
  queryOptions({ queryKey: queryKeys.apimService(service), queryFn: () => getApimService(arm, service) });

export function useApimService(service: ApimServiceRef) {
  const { arm } = useServices();
  return useQuery(apimServiceQuery(arm, service));
}

/** The client ids of the service's user-assigned identities. */
export const userAssignedClientIds = (service: ApimService): string[] =>
  Object.values(service.identity?.userAssignedIdentities ?? {}).flatMap((i) => (i.clientId ? [i.clientId] : []));
