import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { EXPIRY_BAND_LABELS, EXPIRY_BANDS } from '../../../lib/expiry';
import type { StatusCounts as Counts } from '../inventory/inventory-view';

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
});

/** Counts per status, at the top of Home: the glance a person comes for. */
export function StatusCounts({ counts }: { counts: Counts }) {
  const styles = useStyles();
  const items: Array<[string, number]> = [
    ...EXPIRY_BANDS.map((band): [string, number] => [EXPIRY_BAND_LABELS[band], counts[band]]),
    ['Key Vault refresh failed', counts['key-vault-failed']],
  ];
  if (counts.unknown > 0) items.push(['Unreadable', counts.unknown]);
  return (
    <ul className={styles.counts} aria-label="Certificates per status">
      {items.map(([label, count]) => (
        <li key={label} className={styles.count} aria-label={`${label}: ${count}`}>
          <span className={styles.number}>{count}</span>
          <Text size={200}>{label}</Text>
        </li>
      ))}
    </ul>
  );
}
