import { jsonRenderer } from '../../common/json-list.ts';
import { keyVaultOf, type CertificateSummaryRow } from '../../store/apim-certificate-store.ts';

/** CertificateContract, closed as the spec declares it: nothing beyond id, name, type and the four properties. */
export function toCertificateContract(row: CertificateSummaryRow) {
  const keyVault = keyVaultOf(row);
  return {
    id: `/subscriptions/${row.subscription_id}/resourceGroups/${row.resource_group}/providers/Microsoft.ApiManagement/service/${row.service_name}/certificates/${row.certificate_id}`,
    type: 'Microsoft.ApiManagement/service/certificates',
    name: row.certificate_id,
    properties: {
      subject: row.subject,
      thumbprint: row.thumbprint,
      expirationDate: row.expiration_date,
      ...(keyVault
        ? {
            keyVault: {
              secretIdentifier: keyVault.secretIdentifier,
              // null means the system-assigned identity; the spec types it as a string, so it is left out.
              ...(keyVault.identityClientId ? { identityClientId: keyVault.identityClientId } : {}),
              lastStatus: keyVault.lastStatus,
            },
          }
        : {}),
    },
  };
}

/** toCertificateContract as JSON, worked out once per row object (the list index keeps row objects until they change). */
export const certificateJson = jsonRenderer(toCertificateContract);
