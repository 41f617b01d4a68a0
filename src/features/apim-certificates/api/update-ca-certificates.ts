import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ArmClient } from '../../../lib/arm-client';
import { useServices } from '../../../lib/services-context';
import { APIM_API_VERSION } from '../../../lib/azure/api-versions';
import { queryKeys } from '../../../lib/azure/query-keys';
import { apimServicePath } from '../../../lib/azure/resource-ids';
import type { ServiceRef } from './certificate-contract';
import { MAX_CA_CERTIFICATES, type CaStoreName } from './get-ca-certificates';
import { waitForOperation } from './wait-for-operation';

/** What a PATCH sends for each CA certificate the service is to have: a PATCH replaces the whole list. */
export interface CaCertificateEntry {
  encodedCertificate: string;
  storeName: CaStoreName;
}

export interface UpdateCaCertificatesInput {
  certificates: CaCertificateEntry[];
  /** The service's ETag from the read this list came from: a service changed since then answers 412. */
  etag: string | null;
}

/** PATCHes the service's CA certificates and waits for the long-running update to finish. */
export async function updateCaCertificates(arm: ArmClient, service: ServiceRef, input: UpdateCaCertificatesInput): Promise<void> {
  if (input.certificates.length > MAX_CA_CERTIFICATES) throw new Error(`A service may have at most ${MAX_CA_CERTIFICATES} CA certificates.`);
  const { asyncOperation } = await arm.send(apimServicePath(service), {
    method: 'PATCH',
    apiVersion: APIM_API_VERSION,
    body: { properties: { certificates: input.certificates } },
    ifMatch: input.etag ?? undefined,
  });
  if (asyncOperation) await waitForOperation(arm, asyncOperation);
}

export function useUpdateCaCertificates(service: ServiceRef) {
  const { arm } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCaCertificatesInput) => updateCaCertificates(arm, service, input),
    // Settled, not only succeeded: a PATCH accepted whose update then failed changed the service too.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.apimCaCertificates(service) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.apimService(service) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.inventory() }),
      ]),
  });
}
