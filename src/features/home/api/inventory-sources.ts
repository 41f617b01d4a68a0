import type { ArmClient } from '../../../lib/arm-client';
import { AZURE_XMLNS, childText, type AsmClient } from '../../../lib/asm-client';
import { APIM_API_VERSION } from '../../../lib/azure/api-versions';
import type { ApimService } from '../../../lib/azure/apim-service';
import { apimCertificatesPath, apimServicesPath, managementCertificatesPath, resourceGroupOf, type ApimServiceRef } from '../../../lib/azure/resource-ids';
import type { Subscription } from '../../../lib/azure/subscriptions';
import type { InventoryRow } from '../inventory/inventory-row';

/** A service's CA certificate, as `properties.certificates` holds it (API Management 2024-05-01). */
interface CaCertificateConfiguration {
  encodedCertificate?: string;
  storeName?: string;
  certificate?: { subject?: string; thumbprint?: string; expiry?: string };
}

export interface InventoryService extends ApimServiceRef {
  subscriptionName: string;
  caCertificates: CaCertificateConfiguration[];
}

interface ApimCertificate {
  name: string;
  properties: { subject: string; thumbprint: string; expirationDate: string; keyVault?: { lastStatus?: { code: string } } };
}

const segment = encodeURIComponent;
const servicePage = (s: ApimServiceRef) => `/apim/${segment(s.subscriptionId)}/${segment(s.resourceGroup)}/${segment(s.serviceName)}`;

export async function listManagementCertificateRows(asm: AsmClient, subscription: Subscription): Promise<InventoryRow[]> {
  const doc = await asm.send(managementCertificatesPath(subscription.subscriptionId));
  const elements = doc ? Array.from(doc.getElementsByTagNameNS(AZURE_XMLNS, 'SubscriptionCertificate')) : [];
  if (elements.length === 0) return [];
  // The glance reader (a DER walker, ~2 KB) rather than the full toolkit (pkijs, ~90 KB): a row needs the
  // subject and the expiry only. Its own chunk, loaded once the first management certificate needs reading.
  const [{ glanceCertificate }, { fromBase64 }] = await Promise.all([
    import('../../../../certificates/certificate-glance'),
    import('../../../../certificates/encoding'),
  ]);
  return Promise.all(
    elements.map(async (el): Promise<InventoryRow> => {
      const thumbprint = childText(el, 'SubscriptionCertificateThumbprint').toUpperCase();
      const summary = await glanceCertificate(fromBase64(childText(el, 'SubscriptionCertificateData'))).catch(() => null);
      return {
        key: `management/${subscription.subscriptionId}/${thumbprint}`,
        kind: 'management',
        name: thumbprint,
        subject: summary?.subject ?? '',
        thumbprint,
        expiry: summary ? summary.notAfter.toISOString() : null,
        keyVaultRefreshFailed: false,
        subscriptionId: subscription.subscriptionId,
        subscriptionName: subscription.displayName,
        serviceName: '',
        link: `/subscriptions/${segment(subscription.subscriptionId)}/management-certificates`,
      };
    }),
  );
}

export async function listInventoryServices(arm: ArmClient, subscription: Subscription): Promise<InventoryService[]> {
  const services = await arm.listAll<ApimService & { properties: { certificates?: CaCertificateConfiguration[] | null } }>(
    apimServicesPath(subscription.subscriptionId),
    { apiVersion: APIM_API_VERSION },
  );
  return services.map((service) => ({
    subscriptionId: subscription.subscriptionId,
    subscriptionName: subscription.displayName,
    resourceGroup: resourceGroupOf(service.id),
    serviceName: service.name,
    caCertificates: service.properties.certificates ?? [],
  }));
}

/** The CA certificates a service's GET already carried: no request of their own. */
export function caCertificateRows(service: InventoryService): InventoryRow[] {
  return service.caCertificates.flatMap((ca, index) => {
    const info = ca.certificate;
    if (!info) return [];
    const thumbprint = (info.thumbprint ?? '').toUpperCase();
    return [
      {
        key: `ca/${service.subscriptionId}/${service.resourceGroup}/${service.serviceName}/${ca.storeName ?? ''}/${thumbprint || index}`,
        kind: 'apim-ca',
        name: `${ca.storeName ?? 'CA'} ${thumbprint.slice(0, 8)}`.trim(),
        subject: info.subject ?? '',
        thumbprint,
        expiry: info.expiry ? new Date(info.expiry).toISOString() : null,
        keyVaultRefreshFailed: false,
        subscriptionId: service.subscriptionId,
        subscriptionName: service.subscriptionName,
        serviceName: service.serviceName,
        link: servicePage(service),
      },
    ];
  });
}

export async function listApimCertificateRows(arm: ArmClient, service: InventoryService): Promise<InventoryRow[]> {
  const certificates = await arm.listAll<ApimCertificate>(apimCertificatesPath(service), { apiVersion: APIM_API_VERSION, query: { $top: 1000 } });
  return certificates.map((c) => {
    const keyVault = c.properties.keyVault;
    return {
      key: `apim/${service.subscriptionId}/${service.resourceGroup}/${service.serviceName}/${c.name}`,
      kind: keyVault ? 'apim-key-vault' : 'apim-custom',
      name: c.name,
      subject: c.properties.subject,
      thumbprint: c.properties.thumbprint.toUpperCase(),
      expiry: new Date(c.properties.expirationDate).toISOString(),
      keyVaultRefreshFailed: Boolean(keyVault?.lastStatus && keyVault.lastStatus.code !== 'Success'),
      subscriptionId: service.subscriptionId,
      subscriptionName: service.subscriptionName,
      serviceName: service.serviceName,
      link: `${servicePage(service)}/certificates`,
    };
  });
}
