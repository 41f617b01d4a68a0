import { lazy, Suspense, useRef } from 'react';
import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import type { ExpiryBucket } from '../inventory/expiry-buckets';
import { useLoadWhenSeen } from './use-load-when-seen';

const ExpiryChart = lazy(() => import('./expiry-chart'));

const CHART_HEIGHT = '240px';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  // The same height before and after the chart arrives, so nothing below it moves.
  chart: { minHeight: CHART_HEIGHT, display: 'flex', alignItems: 'center', justifyContent: 'center' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, '& th, & td': { textAlign: 'left', padding: '2px 12px 2px 0' } },
  details: { '& summary': { cursor: 'pointer', color: tokens.colorBrandForegroundLink } },
});

/**
 * The chart of expirations and its data table (the chart's text alternative, there from the start). recharts
 * is fetched when this region nears the viewport and the browser is idle (useLoadWhenSeen), not with Home.
 */
export function ExpiryOverview({ buckets }: { buckets: ExpiryBucket[] }) {
  const styles = useStyles();
  const region = useRef<HTMLElement>(null);
  const load = useLoadWhenSeen(region);
  return (
    <figure className={styles.figure} aria-labelledby="expiry-chart-caption" ref={region}>
      <Text as="h2" weight="semibold" id="expiry-chart-caption">
        Expirations over time
      </Text>
      <div className={styles.chart}>
        {load ? (
          <Suspense fallback={<Spinner size="tiny" label="Loading the chart" />}>
            <ExpiryChart buckets={buckets} />
          </Suspense>
        ) : null}
      </div>
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
  );
}
