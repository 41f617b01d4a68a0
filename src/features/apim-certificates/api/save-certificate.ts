import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ArmClient } from '../../../lib/arm-client';
import { useServices } from '../../../lib/services-context';
import { APIM_API_VERSION } from '../../../lib/azure/api-versions';
import { queryKeys } from '../../../lib/azure/query-keys';
import { apimCertificatePath } from '../../../lib/azure/resource-ids';
import type { CertificateContract, ServiceRef, VersionedCertificate } from './certificate-contract';

export type CertificateSource =
  { kind: 'custom'; data: string; password: string } | { kind: 'keyVault'; secretIdentifier: string; identityClientId: string | null };

export interface SaveCertificateInput {
  id: string;
  source: CertificateSource;
  /** Absent: create (fails with 409 if the id is taken). An ETag or `*`: replace. */
  ifMatch?: string;
}

export function certificateBody(source: CertificateSource) {
  return source.kind === 'custom'
    ? { properties: { data: source.data, password: source.password } }
    : { properties: { keyVault: { secretIdentifier: source.secretIdentifier, identityClientId: source.identityClientId } } };
}

export async function saveCertificate(arm: ArmClient, service: ServiceRef, input: SaveCertificateInput): Promise<VersionedCertificate & { created: boolean }> {
  const { data, etag, status } = await arm.send<CertificateContract>(apimCertificatePath(service, input.id), {
    method: 'PUT',
    apiVersion: APIM_API_VERSION,
    body: certificateBody(input.source),
    ifMatch: input.ifMatch,
  });
  return { certificate: data, etag: etag ?? '*', created: status === 201 };
}

export function useSaveCertificate(service: ServiceRef) {
  const { arm } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveCertificateInput) => saveCertificate(arm, service, input),
    // The variables hold the .pfx password: drop them from the mutation cache as soon as nothing watches.
    gcTime: 0,
    onSuccess: (saved, input) => {
      queryClient.setQueryData(queryKeys.apimCertificate(service, input.id), { certificate: saved.certificate, etag: saved.etag });
      return queryClient.invalidateQueries({ queryKey: queryKeys.apimCertificates(service) });
    },
  });
}
