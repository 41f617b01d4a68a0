import { Button, Field, makeStyles, ProgressBar } from '@fluentui/react-components';
import { formatCount } from '../../../lib/format-count';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: '12px', alignItems: 'end', flexWrap: 'wrap' },
  field: { flex: '1 1 240px' },
});

/** While a sort waits for the rest of the list: how much is loaded, and a way out. */
export function SortProgress({ column, loaded, total, onCancel }: { column: string; loaded: number; total: number; onCancel: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.bar}>
      <Field
        className={styles.field}
        label={`Loading all certificates to sort by ${column}`}
        validationState="none"
        validationMessage={`${formatCount(loaded)} of ${formatCount(total)} loaded`}
      >
        <ProgressBar value={total ? loaded / total : undefined} />
      </Field>
      <Button onClick={onCancel}>Cancel sort</Button>
    </div>
  );
}

/** After a sort was cancelled or could not load everything: the order shown covers only part of the list. */
export function partialSortText(loaded: number, total: number): string {
  return `Sorted the ${formatCount(loaded)} loaded of ${formatCount(total)} certificates only: the rest were not loaded.`;
}
