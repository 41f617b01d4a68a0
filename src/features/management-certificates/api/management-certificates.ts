import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AsmClient } from '../../../lib/asm-client';
import { AZURE_XMLNS, childText, escapeXml } from '../../../lib/asm-client';
import { useServices } from '../../../lib/services-context';
import { queryKeys } from '../../../lib/azure/query-keys';
import { managementCertificatePath, managementCertificatesPath } from '../../../lib/azure/resource-ids';
import type { CertificateSummary } from '../../../../certificates/certificate-summary';

export interface ManagementCertificate {
  thumbprint: string;
  created: string;
  /** The certificate as the service stores it (SubscriptionCertificateData), for Download .cer and PEM. */
  der: Uint8Array;
  /** Parsed from SubscriptionCertificateData; null when the stored data cannot be read. */
  summary: CertificateSummary | null;
}

export const MANAGEMENT_CERTIFICATE_LIMIT = 25;

export async function listManagementCertificates(asm: AsmClient, subscriptionId: string): Promise<ManagementCertificate[]> {
  const doc = await asm.send(managementCertificatesPath(subscriptionId));
  const elements = doc ? Array.from(doc.getElementsByTagNameNS(AZURE_XMLNS, 'SubscriptionCertificate')) : [];
  // The toolkit is its own chunk: loaded with this blade, not with the app.
  const [{ summarizeCertificate }, { fromBase64 }] = await Promise.all([
    import('../../../../certificates/certificate-summary'),
    import('../../../../certificates/encoding'),
  ]);
  return Promise.all(
    elements.map(async (el) => {
      const thumbprint = childText(el, 'SubscriptionCertificateThumbprint').toUpperCase();
      let der: Uint8Array = new Uint8Array(0);
      let summary: CertificateSummary | null = null;
      try {
        der = fromBase64(childText(el, 'SubscriptionCertificateData'));
        summary = await summarizeCertificate(der);
      } catch {
        summary = null;
      }
      return { thumbprint, created: childText(el, 'Created'), der, summary };
    }),
  );
}

export const managementCertificatesQuery = (asm: AsmClient, subscriptionId: string) =>
  queryOptions({ queryKey: queryKeys.managementCertificates(subscriptionId), queryFn: () => listManagementCertificates(asm, subscriptionId) });

export function useManagementCertificates(subscriptionId: string) {
  const { asm } = useServices();
  return useQuery(managementCertificatesQuery(asm, subscriptionId));
}

/** The Add Management Certificate body, elements in the order the service expects. */
export function addCertificateXml(input: { publicKeyBase64: string; thumbprint: string; dataBase64: string }): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?>` +
    `<SubscriptionCertificate xmlns="${AZURE_XMLNS}">` +
    `<SubscriptionCertificatePublicKey>${escapeXml(input.publicKeyBase64)}</SubscriptionCertificatePublicKey>` +
    `<SubscriptionCertificateThumbprint>${escapeXml(input.thumbprint)}</SubscriptionCertificateThumbprint>` +
    `<SubscriptionCertificateData>${escapeXml(input.dataBase64)}</SubscriptionCertificateData>` +
    `</SubscriptionCertificate>`
  );
}

export async function addManagementCertificate(asm: AsmClient, subscriptionId: string, certificateDer: Uint8Array): Promise<string> {
  const [{ summarizeCertificate }, { dotNetPublicKey }, { toBase64 }] = await Promise.all([
    import('../../../../certificates/certificate-summary'),
    import('../../../../certificates/dotnet-public-key'),
    import('../../../../certificates/encoding'),
  ]);
  const summary = await summarizeCertificate(certificateDer);
  await asm.send(managementCertificatesPath(subscriptionId), {
    method: 'POST',
    xml: addCertificateXml({
      publicKeyBase64: toBase64(dotNetPublicKey(certificateDer)),
      thumbprint: summary.thumbprintSha1,
      dataBase64: toBase64(certificateDer),
    }),
  });
  return summary.thumbprintSha1;
}

export function useAddManagementCertificate(subscriptionId: string) {
  const { asm } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (der: Uint8Array) => addManagementCertificate(asm, subscriptionId, der),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.managementCertificates(subscriptionId) }),
  });
}

export function useDeleteManagementCertificates(subscriptionId: string) {
  const { asm } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (thumbprints: string[]) => {
      for (const thumbprint of thumbprints) {
        await asm.send(managementCertificatePath(subscriptionId, thumbprint), { method: 'DELETE' });
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.managementCertificates(subscriptionId) }),
  });
}
