import { Badge, Text, tokens } from '@fluentui/react-components';
import type { CertificateContract } from '../api/certificate-contract';

export const sourceText = (c: CertificateContract) => (c.properties.keyVault ? 'Key Vault' : 'Custom');

/** Key Vault's last sync: Success, or the failure code with the service's own message beside it. */
export function KeyVaultStatus({ certificate, showMessage = false }: { certificate: CertificateContract; showMessage?: boolean }) {
  const status = certificate.properties.keyVault?.lastStatus;
  if (!certificate.properties.keyVault) return <Text style={{ color: tokens.colorNeutralForeground3 }}>—</Text>;
  if (!status)
    return (
      <Badge appearance="tint" color="informative">
        Not checked
      </Badge>
    );
  if (status.code === 'Success')
    return (
      <Badge appearance="tint" color="success">
        Success
      </Badge>
    );
  return (
    <span>
      <Badge appearance="tint" color="danger">{`Failed: ${status.code}`}</Badge>
      {showMessage && status.message && <Text block>{status.message}</Text>}
    </span>
  );
}
