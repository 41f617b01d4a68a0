import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ArmClient } from '../../../lib/arm-client';
import { useServices } from '../../../lib/services-context';
import {
  APIM_API_VERSION,
  certificateKey,
  certificatePath,
  certificatesKey,
  type CertificateContract,
  type ServiceRef,
  type VersionedCertificate,
} from './certificate-contract';

/** Asks the service to read the Key Vault secret again; a failed read is recorded in lastStatus, not thrown. */
export async function refreshCertificateSecret(arm: ArmClient, service: ServiceRef, id: string): Promise<VersionedCertificate> {
  const { data, etag } = await arm.send<CertificateContract>(`${certificatePath(service, id)}/refreshSecret`, { method: 'POST', apiVersion: APIM_API_VERSION });
  return { certificate: data, etag: etag ?? '*' };
}

export function useRefreshCertificateSecret(service: ServiceRef) {
  const { arm } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => refreshCertificateSecret(arm, service, id),
    onSuccess: (refreshed, id) => {
      queryClient.setQueryData(certificateKey(service, id), refreshed);
      return queryClient.invalidateQueries({ queryKey: certificatesKey(service) });
    },
  });
}
