export type CertificateKind = 'management' | 'apim-custom' | 'apim-key-vault' | 'apim-ca';

export const KIND_LABELS: Record<CertificateKind, string> = {
  management: 'Management',
  'apim-custom': 'API Management (custom)',
  'apim-key-vault': 'API Management (Key Vault)',
  'apim-ca': 'API Management CA',
};

/** One certificate wherever it lives, as the inventory shows it. Days left and status are derived at render time. */
export interface InventoryRow {
  /** Unique across the inventory: kind, place and name. */
  key: string;
  kind: CertificateKind;
  /** The certificate id (API Management) or the thumbprint (management certificates). */
  name: string;
  subject: string;
  thumbprint: string;
  /** Expiry as ISO 8601, or null when the stored certificate cannot be read. */
  expiry: string | null;
  keyVaultRefreshFailed: boolean;
  subscriptionId: string;
  subscriptionName: string;
  /** The API Management service, '' for management certificates. */
  serviceName: string;
  /** The app's own path of the blade that manages it. */
  link: string;
}

/** A place whose certificates could not be read, and why, while the rest of the inventory shows. */
export interface SourceFailure {
  source: string;
  reason: string;
}
