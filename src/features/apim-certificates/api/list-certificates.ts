import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { ArmClient } from '../../../lib/arm-client';
import { useServices } from '../../../lib/services-context';
import { APIM_API_VERSION } from '../../../lib/azure/api-versions';
import { queryKeys } from '../../../lib/azure/query-keys';
import { apimCertificatesPath } from '../../../lib/azure/resource-ids';
import type { CertificateContract, ServiceRef } from './certificate-contract';

export const CERTIFICATE_PAGE_SIZE = 100;

export interface CertificatePage {
  value: CertificateContract[];
  count?: number;
  nextLink?: string;
}

export function listCertificatesPage(arm: ArmClient, service: ServiceRef, filter: string | undefined, nextLink: string | null): Promise<CertificatePage> {
  if (nextLink) return arm.send<CertificatePage>(nextLink, { apiVersion: APIM_API_VERSION }).then((r) => r.data);
  return arm
    .send<CertificatePage>(apimCertificatesPath(service), { apiVersion: APIM_API_VERSION, query: { $filter: filter, $top: CERTIFICATE_PAGE_SIZE } })
    .then((r) => r.data);
}

export const certificatesQuery = (arm: ArmClient, service: ServiceRef, filter: string | undefined) =>
  infiniteQueryOptions({
    queryKey: [...queryKeys.apimCertificates(service), { filter: filter ?? '' }],
    queryFn: ({ pageParam }) => listCertificatesPage(arm, service, filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextLink ?? undefined,
  });

export function useCertificates(service: ServiceRef, filter: string | undefined) {
  const { arm } = useServices();
  // The last answer stays on screen (narrowed in the browser) while the service answers a new $filter.
  return useInfiniteQuery({ ...certificatesQuery(arm, service, filter), placeholderData: keepPreviousData });
}
