import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ArmClient } from '../../../lib/arm-client';
import { useServices } from '../../../lib/services-context';
import { APIM_API_VERSION } from '../../../lib/azure/api-versions';
import { queryKeys } from '../../../lib/azure/query-keys';
import { apimCertificatePath } from '../../../lib/azure/resource-ids';
import type { CertificateContract, ServiceRef, VersionedCertificate } from './certificate-contract';

/** Asks the service to read the Key Vault secret again; a failed read is recorded in lastStatus, not thrown. */
export async function refreshCertificateSecret(arm: ArmClient, service: ServiceRef, id: string): Promise<VersionedCertificate> {
  const { data, etag } = await arm.send<CertificateContract>(`${apimCertificatePath(service, id)}/refreshSecret`, {
    method: 'POST',
    apiVersion: APIM_API_VERSION,
  });
  return { certificate: data, etag: etag ?? '*' };
}

export function useRefreshCertificateSecret(service: ServiceRef) {
  const { arm } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => refreshCertificateSecret(arm, service, id),
    onSuccess: (refreshed, id) => {
      queryClient.setQueryData(queryKeys.apimCertificate(service, id), refreshed);
      return queryClient.invalidateQueries({ queryKey: queryKeys.apimCertificates(service) });
    },
  });
}
