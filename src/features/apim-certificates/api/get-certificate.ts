import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ArmClient } from '../../../lib/arm-client';
import { AzureApiError } from '../../../lib/api-error';
import { useServices } from '../../../lib/services-context';
import { APIM_API_VERSION } from '../../../lib/azure/api-versions';
import { queryKeys } from '../../../lib/azure/query-keys';
import { apimCertificatePath } from '../../../lib/azure/resource-ids';
import type { CertificateContract, ServiceRef, VersionedCertificate } from './certificate-contract';

export async function getCertificate(arm: ArmClient, service: ServiceRef, id: string): Promise<VersionedCertificate> {
  const { data, etag } = await arm.send<CertificateContract>(apimCertificatePath(service, id), { apiVersion: APIM_API_VERSION });
  return { certificate: data, etag: etag ?? '*' };
}

/** HEAD: whether an id is taken, without reading the certificate. */
export async function certificateExists(arm: ArmClient, service: ServiceRef, id: string): Promise<boolean> {
  try {
    await arm.send(apimCertificatePath(service, id), { method: 'HEAD', apiVersion: APIM_API_VERSION });
    return true;
  } catch (error) {
    if (error instanceof AzureApiError && error.status === 404) return false;
    throw error;
  }
}

export const certificateQuery = (arm: ArmClient, service: ServiceRef, id: string) =>
  queryOptions({ queryKey: queryKeys.apimCertificate(service, id), queryFn: () => getCertificate(arm, service, id), staleTime: 0 });

export function useCertificate(service: ServiceRef, id: string | undefined) {
  const { arm } = useServices();
  return useQuery({ ...certificateQuery(arm, service, id ?? ''), enabled: Boolean(id) });
}
