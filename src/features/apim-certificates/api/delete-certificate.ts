import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ArmClient } from '../../../lib/arm-client';
import { useServices } from '../../../lib/services-context';
import { APIM_API_VERSION } from '../../../lib/azure/api-versions';
import { queryKeys } from '../../../lib/azure/query-keys';
import { apimCertificatePath } from '../../../lib/azure/resource-ids';
import type { ServiceRef } from './certificate-contract';

export async function deleteCertificate(arm: ArmClient, service: ServiceRef, id: string, etag: string): Promise<void> {
  await arm.send(apimCertificatePath(service, id), { method: 'DELETE', apiVersion: APIM_API_VERSION, ifMatch: etag });
}

export function useDeleteCertificate(service: ServiceRef) {
  const { arm } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, etag }: { id: string; etag: string }) => deleteCertificate(arm, service, id, etag),
    onSuccess: (_, { id }) => {
      queryClient.removeQueries({ queryKey: queryKeys.apimCertificate(service, id) });
      return queryClient.invalidateQueries({ queryKey: queryKeys.apimCertificates(service) });
    },
  });
}
