import { makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import type { CertificateSummary } from '../../certificates/certificate-summary';
import type { CertificateWarning } from '../../certificates/certificate-warnings';

const useStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: '16px', rowGap: '4px', margin: 0, fontSize: tokens.fontSizeBase200 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, wordBreak: 'break-all', fontFamily: 'inherit' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  warnings: { display: 'flex', flexDirection: 'column', gap: '4px', marginTop: '8px' },
});

function keyText(summary: CertificateSummary): string {
  const { algorithm, sizeBits, curve } = summary.publicKey;
  return [algorithm, sizeBits ? `${sizeBits} bits` : null, curve].filter(Boolean).join(' ');
}

/** What an admin checks before trusting a file: everything renders as text, never as markup. */
export function CertificateDetails({
  summary,
  warnings = [],
  label = 'Certificate details',
}: {
  summary: CertificateSummary;
  warnings?: CertificateWarning[];
  label?: string;
}) {
  const styles = useStyles();
  const rows: Array<[string, string, boolean?]> = [
    ['Subject', summary.subject],
    ['Issuer', summary.issuer],
    ['Valid from', summary.notBefore.toISOString().replace('.000Z', 'Z')],
    ['Valid to', summary.notAfter.toISOString().replace('.000Z', 'Z')],
    ['Thumbprint (SHA-1)', summary.thumbprintSha1, true],
    ['SHA-256', summary.thumbprintSha256, true],
    ['Serial number', summary.serialNumber, true],
    ['Public key', keyText(summary)],
    ['Signature algorithm', summary.signatureAlgorithm],
    ['Enhanced key usage', summary.extendedKeyUsage.map((e) => e.name).join(', ') || '(none: any purpose)'],
    ['Key usage', summary.keyUsage.join(', ') || '(not restricted)'],
    ['Subject alternative names', summary.subjectAltNames.join(', ') || '(none)'],
    ['Self-signed', summary.selfSigned ? 'Yes' : 'No'],
  ];
  return (
    <section aria-label={label}>
      <dl className={styles.list}>
        {rows.map(([term, value, mono]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={mono ? `${styles.value} ${styles.mono}` : styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {warnings.length > 0 && (
        <div className={styles.warnings} aria-label="Warnings">
          {warnings.map((w) => (
            <MessageBar key={w.code} intent={w.severity === 'error' ? 'error' : 'warning'}>
              <MessageBarBody>{w.message}</MessageBarBody>
            </MessageBar>
          ))}
        </div>
      )}
    </section>
  );
}
