import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ArmClient } from '../../../lib/arm-client';
import { useServices } from '../../../lib/services-context';
import { APIM_API_VERSION } from '../../../lib/azure/api-versions';
import { queryKeys } from '../../../lib/azure/query-keys';
import type { ApimServiceRef } from '../../../lib/azure/resource-ids';
import { tenantAccessPath } from './tenant-access';

export interface AccessSecrets {
  id: string;
  primaryKey: string;
  secondaryKey: string;
}

export type AccessKeyKind = 'primary' | 'secondary';

// The keys are read with a POST each time they are needed and never go into the query cache: they live in
// the page's state only, and go when it unmounts.
export async function listAccessSecrets(arm: ArmClient, service: ApimServiceRef): Promise<AccessSecrets> {
  const { data } = await arm.send<AccessSecrets>(`${tenantAccessPath(service)}/listSecrets`, { method: 'POST', apiVersion: APIM_API_VERSION });
  return { id: data.id, primaryKey: data.primaryKey, secondaryKey: data.secondaryKey };
}

export function useListAccessSecrets(service: ApimServiceRef) {
  const { arm } = useServices();
  return useMutation({ mutationFn: () => listAccessSecrets(arm, service) });
}

export function useRegenerateAccessKey(service: ApimServiceRef) {
  const { arm } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    // A new key is a new ETag of tenant access: the switch must not PATCH with the old one.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.apimTenantAccess(service) }),
    mutationFn: async (kind: AccessKeyKind) => {
      const action = kind === 'primary' ? 'regeneratePrimaryKey' : 'regenerateSecondaryKey';
      await arm.send<void>(`${tenantAccessPath(service)}/${action}`, { method: 'POST', apiVersion: APIM_API_VERSION });
      return listAccessSecrets(arm, service);
    },
  });
}
