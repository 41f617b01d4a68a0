export const APIM_API_VERSION = '2024-05-01';

export interface KeyVaultLastStatus {
  code: string;
  message?: string;
  timeStampUtc: string;
}

export interface CertificateContract {
  id: string;
  name: string;
  type: string;
  properties: {
    subject: string;
    thumbprint: string;
    expirationDate: string;
    keyVault?: { secretIdentifier: string; identityClientId?: string | null; lastStatus?: KeyVaultLastStatus };
  };
}

/** A certificate as last read, with the ETag that a write must send back in If-Match. */
export interface VersionedCertificate {
  certificate: CertificateContract;
  etag: string;
}

export interface ServiceRef {
  subscriptionId: string;
  resourceGroup: string;
  serviceName: string;
}

export const serviceKey = (s: ServiceRef) =>
  ['arm', 'apim', s.subscriptionId.toLowerCase(), s.resourceGroup.toLowerCase(), s.serviceName.toLowerCase()] as const;
export const certificatesKey = (s: ServiceRef) => [...serviceKey(s), 'certificates'] as const;
export const certificateKey = (s: ServiceRef, id: string) => [...serviceKey(s), 'certificate', id] as const;

export const certificatesPath = (s: ServiceRef) =>
  `/subscriptions/${encodeURIComponent(s.subscriptionId)}/resourceGroups/${encodeURIComponent(s.resourceGroup)}/providers/Microsoft.ApiManagement/service/${encodeURIComponent(s.serviceName)}/certificates`;
export const certificatePath = (s: ServiceRef, id: string) => `${certificatesPath(s)}/${encodeURIComponent(id)}`;

export const isKeyVault = (c: CertificateContract) => Boolean(c.properties.keyVault);
