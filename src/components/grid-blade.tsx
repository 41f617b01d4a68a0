import type { ReactNode } from 'react';
import { makeStyles, mergeClasses, MessageBar, MessageBarBody, SearchBox, Spinner, Text, Toolbar, ToolbarButton } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { Blade } from './blade';
import { ErrorPanel } from './error-panel';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' },
  // Labelled fields (a search, a date) line up on their inputs, not on their labels.
  fieldsBar: { gap: '16px', alignItems: 'end' },
  empty: { padding: '32px 0' },
  // At 320 px the commands wrap instead of running off the page.
  toolbar: { flexWrap: 'wrap' },
});

export interface GridBladeProps {
  title: string;
  subtitle?: string;
  /** Tabs between the title and the commands (e.g. a page's kinds of certificates). */
  tabs?: ReactNode;
  /** Whether the admin may change what the blade lists: `false` shows `readOnlyNotice` (unknown yet shows nothing). */
  canWrite?: boolean;
  readOnlyNotice?: string;
  /** Toolbar buttons before Refresh (add, upload); Refresh reloads the list, as Retry does after an error. */
  createCommands?: ReactNode;
  /** Toolbar buttons after Refresh, that act on the selected rows. */
  selectionCommands?: ReactNode;
  onRefresh: () => void;
  /** One search box that filters the list as the admin types... */
  search?: { label: string; placeholder: string; value: string; onChange: (value: string) => void };
  /** ...or labelled filter fields (a search, a date). */
  filterFields?: ReactNode;
  /** How many rows there are, once loaded; read out politely as it changes. */
  count?: ReactNode;
  /** The label of the small spinner while a loaded list reloads; none when it does not. */
  reloading?: string;
  /** The label of the spinner while the list first loads; none once loaded. */
  loading?: string;
  error: unknown;
  /** Warnings about part of the list (e.g. one subscription that could not be read). */
  warnings?: ReactNode;
  /** What an empty list says; none while there are rows (or nothing loaded yet). */
  empty?: { title: string; text: string };
  /** The grid, and the dialogs and panes it opens. */
  children: ReactNode;
}

/** The shape of every list blade: notice, commands, filters with the count, loading and error, the empty state, the grid. */
export function GridBlade(props: GridBladeProps) {
  const styles = useStyles();
  const { title, subtitle, tabs, canWrite, readOnlyNotice, createCommands, selectionCommands, onRefresh, search, filterFields, count } = props;
  const { reloading, loading, error, warnings, empty, children } = props;
  return (
    <Blade title={title} subtitle={subtitle}>
      {tabs}
      {canWrite === false && readOnlyNotice && (
        <MessageBar intent="info">
          <MessageBarBody>{readOnlyNotice}</MessageBarBody>
        </MessageBar>
      )}
      <Toolbar aria-label="Commands" className={styles.toolbar}>
        {createCommands}
        <ToolbarButton icon={<ArrowClockwiseRegular />} onClick={onRefresh}>
          Refresh
        </ToolbarButton>
        {selectionCommands}
      </Toolbar>
      <div className={mergeClasses(styles.bar, filterFields !== undefined && styles.fieldsBar)}>
        {search && <SearchBox placeholder={search.placeholder} aria-label={search.label} value={search.value} onChange={(_, d) => search.onChange(d.value)} />}
        {filterFields}
        {count !== undefined && <Text aria-live="polite">{count}</Text>}
        {reloading && <Spinner size="tiny" label={reloading} />}
      </div>
      {loading && <Spinner label={loading} />}
      {Boolean(error) && <ErrorPanel error={error} onRetry={onRefresh} />}
      {warnings}
      {empty && (
        <div className={styles.empty}>
          <Text weight="semibold" block>
            {empty.title}
          </Text>
          <Text block>{empty.text}</Text>
        </div>
      )}
      {children}
    </Blade>
  );
}
