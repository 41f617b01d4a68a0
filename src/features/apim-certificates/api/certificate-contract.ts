import type { ApimServiceRef } from '../../../lib/azure/resource-ids';

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

/** The service whose certificates this feature manages (the shared reference, by this feature's short name). */
export type ServiceRef = ApimServiceRef;

export const isKeyVault = (c: CertificateContract) => Boolean(c.properties.keyVault);
