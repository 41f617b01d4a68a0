import { makeStyles, tokens } from '@fluentui/react-components';
import { expiresInText, expiryStatus } from '../../../components/expiry';
import type { CertificateContract } from '../api/certificate-contract';

// Plain spans, not Fluent's Badge: a re-sort re-renders every visible row of the grid.
const useStyles = makeStyles({
  pill: { borderRadius: '10px', padding: '1px 8px', fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  danger: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground1, color: tokens.colorNeutralForeground1 },
  success: { backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorPaletteGreenForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function StatusPill({ notAfter }: { notAfter: Date | null }) {
  const styles = useStyles();
  const { status, days } = expiryStatus(notAfter);
  if (status === 'expired') return <span className={`${styles.pill} ${styles.danger}`}>Expired</span>;
  if (status === 'expiring') return <span className={`${styles.pill} ${styles.warning}`}>{expiresInText(days ?? 0)}</span>;
  if (status === 'valid') return <span className={`${styles.pill} ${styles.success}`}>Valid</span>;
  return <span className={styles.pill}>Unknown</span>;
}

export function KeyVaultPill({ certificate }: { certificate: CertificateContract }) {
  const styles = useStyles();
  const keyVault = certificate.properties.keyVault;
  if (!keyVault) return <span className={styles.muted}>—</span>;
  const status = keyVault.lastStatus;
  if (!status) return <span className={styles.pill}>Not checked</span>;
  if (status.code === 'Success') return <span className={`${styles.pill} ${styles.success}`}>Success</span>;
  return <span className={`${styles.pill} ${styles.danger}`}>{`Failed: ${status.code}`}</span>;
}
