import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { VersionedCertificate } from '../api/certificate-contract';
import { certificateFacts } from './certificate-details-pane';

const useStyles = makeStyles({
  current: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: '12px', rowGap: '2px', margin: 0, fontSize: tokens.fontSizeBase200 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, wordBreak: 'break-all' },
});

const SHOWN = ['Subject', 'Thumbprint', 'Expiration date', 'Source', 'Secret identifier', 'Last sync status'];

/** The version a replacement is based on: what the admin is about to overwrite. */
export function CurrentVersion({ base }: { base: VersionedCertificate }) {
  const styles = useStyles();
  return (
    <section aria-label="Current version">
      <Text weight="semibold" block>
        Current version
      </Text>
      <dl className={styles.current}>
        {certificateFacts(base)
          .filter(([term]) => SHOWN.includes(term))
          .map(([term, value]) => (
            <div key={term} style={{ display: 'contents' }}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.value}>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
