import { lazy, Suspense } from 'react';
import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { EXPIRY_BAND_LABELS, EXPIRY_BANDS } from '../../../lib/expiry';
import type { ExpiryBucket } from '../inventory/expiry-buckets';
import type { StatusCounts } from '../inventory/inventory-view';

const ExpiryChart = lazy(() => import('./expiry-chart'));

const useStyles = makeStyles({
  counts: { display: 'flex', flexWrap: 'wrap', gap: '8px', listStyle: 'none', margin: 0, padding: 0 },
  count: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: '96px',
    padding: '8px 12px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  number: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, '& th, & td': { textAlign: 'left', padding: '2px 12px 2px 0' } },
  details: { '& summary': { cursor: 'pointer', color: tokens.colorBrandForegroundLink } },
});

/** Counts per status, and the chart of expirations with its data table (the chart's text alternative). */
export function ExpiryOverview({ counts, buckets }: { counts: StatusCounts; buckets: ExpiryBucket[] }) {
  const styles = useStyles();
  const items: Array<[string, number]> = [
    ...EXPIRY_BANDS.map((band): [string, number] => [EXPIRY_BAND_LABELS[band], counts[band]]),
    ['Key Vault refresh failed', counts['key-vault-failed']],
  ];
  if (counts.unknown > 0) items.push(['Unreadable', counts.unknown]);
  return (
    <>
      <ul className={styles.counts} aria-label="Certificates per status">
        {items.map(([label, count]) => (
          <li key={label} className={styles.count} aria-label={`${label}: ${count}`}>
            <span className={styles.number}>{count}</span>
            <Text size={200}>{label}</Text>
          </li>
        ))}
      </ul>
      <figure className={styles.figure} aria-labelledby="expiry-chart-caption">
        <Text as="h2" weight="semibold" id="expiry-chart-caption">
          Expirations over time
        </Text>
        <Suspense fallback={<Spinner size="tiny" label="Loading the chart" />}>
          <ExpiryChart buckets={buckets} />
        </Suspense>
        <details className={styles.details}>
          <summary>Expirations as a table</summary>
          <table className={styles.table} aria-label="Expirations over time">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Certificates</th>
              </tr>
            </thead>
            <tbody>
              {buckets.map((bucket) => (
                <tr key={bucket.description}>
                  <th scope="row">{bucket.description}</th>
                  <td>{bucket.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figure>
    </>
  );
}
