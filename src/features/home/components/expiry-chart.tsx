import { makeStyles, tokens } from '@fluentui/react-components';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ExpiryBucket } from '../inventory/expiry-buckets';

// Recharts draws SVG with fill attributes; colours come from Fluent's theme tokens through CSS, so the
// chart follows the light and dark theme with the rest of the page.
const useStyles = makeStyles({
  chart: {
    height: '240px',
    width: '100%',
    minWidth: 0,
    '& .recharts-cartesian-axis-tick-value': { fill: tokens.colorNeutralForeground2 },
    '& .recharts-cartesian-grid line': { stroke: tokens.colorNeutralStroke2 },
    '& .bar-upcoming': { fill: tokens.colorBrandBackground },
    '& .bar-expired': { fill: tokens.colorPaletteRedBackground3 },
    '& .recharts-tooltip-wrapper': { color: tokens.colorNeutralForeground1 },
    '& .recharts-default-tooltip': { backgroundColor: `${tokens.colorNeutralBackground1} !important` },
    '& .recharts-surface:focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

/** Expirations over time. Its own chunk with recharts: the page's first load never carries it. */
export default function ExpiryChart({ buckets }: { buckets: ExpiryBucket[] }) {
  const styles = useStyles();
  return (
    <div className={styles.chart}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={buckets} accessibilityLayer title="Certificate expirations over time" margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="label" interval="preserveStartEnd" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} width={40} tick={{ fontSize: 11 }} />
          <Tooltip labelFormatter={(_, payload) => payload[0]?.payload?.description ?? ''} formatter={(value) => [value, 'Certificates']} />
          <Bar dataKey="count" name="Certificates" isAnimationActive={false}>
            {buckets.map((bucket) => (
              <Cell key={bucket.description} className={bucket.expired ? 'bar-expired' : 'bar-upcoming'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
