import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ArmClient } from '../../../lib/arm-client';
import { useServices } from '../../../lib/services-context';
import { APIM_API_VERSION } from '../../../lib/azure/api-versions';
import { queryKeys } from '../../../lib/azure/query-keys';
import { apimServicePath } from '../../../lib/azure/resource-ids';
import type { ServiceRef } from './certificate-contract';

/** Azure's limit on a service's CA certificates. */
export const MAX_CA_CERTIFICATES = 10;

export type CaStoreName = 'Root' | 'CertificateAuthority';

/** One entry of the service's `properties.certificates` (CertificateConfiguration), as the service returns it. */
interface CertificateConfiguration {
  encodedCertificate?: string | null;
  storeName: CaStoreName;
  certificate?: { expiry: string; thumbprint: string; subject: string } | null;
}

export interface CaCertificate {
  storeName: CaStoreName;
  subject: string;
  thumbprint: string;
  expiry: string;
  /** The public certificate (base64 DER); null when the service does not return it, and then it cannot be kept by a write. */
  encodedCertificate: string | null;
}

/** The service's CA certificates and the service's ETag, which a write sends back in If-Match. */
export interface ServiceCaCertificates {
  certificates: CaCertificate[];
  etag: string | null;
}

export async function getCaCertificates(arm: ArmClient, service: ServiceRef): Promise<ServiceCaCertificates> {
  const { data, etag } = await arm.send<{ etag?: string; properties: { certificates?: CertificateConfiguration[] | null } }>(apimServicePath(service), {
    apiVersion: APIM_API_VERSION,
  });
  const certificates = (data.properties.certificates ?? []).map((c) => ({
    storeName: c.storeName,
    subject: c.certificate?.subject ?? '',
    thumbprint: c.certificate?.thumbprint ?? '',
    expiry: c.certificate?.expiry ?? '',
    encodedCertificate: c.encodedCertificate ?? null,
  }));
  return { certificates, etag: etag ?? data.etag ?? null };
}

export const caCertificatesQuery = (arm: ArmClient, service: ServiceRef) =>
  queryOptions({ queryKey: queryKeys.apimCaCertificates(service), queryFn: () => getCaCertificates(arm, service) });

export function useCaCertificates(service: ServiceRef) {
  const { arm } = useServices();
  return useQuery(caCertificatesQuery(arm, service));
}
