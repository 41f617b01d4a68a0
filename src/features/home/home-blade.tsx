import { lazy, Suspense, useDeferredValue, useMemo, useRef, useState } from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowDownloadRegular, SettingsRegular } from '@fluentui/react-icons';
import { Blade } from '../../components/blade';
import { downloadBytes } from '../../lib/download';
import { useInventory } from './api/inventory-query';
import { useExpiryAlerts } from './alerts/use-expiry-alerts';
import { ExpiryOverview } from './components/expiry-overview';
import { InventoryFilters } from './components/inventory-filters';
import { InventoryTable } from './components/inventory-table';
import { StatusCounts } from './components/status-counts';
import { expiryBuckets } from './inventory/expiry-buckets';
import { toCsv, toJson } from './inventory/export-rows';
import { filterRows, noFilter, sortRows, statusCounts, withDaysLeft, type InventoryFilter, type InventorySort } from './inventory/inventory-view';

const useStyles = makeStyles({
  progress: { display: 'flex', flexDirection: 'column', gap: '4px', maxWidth: '480px' },
  // A native <progress>: Fluent's ProgressBar and its motion are ~3 KB gzip of Home's first load for a bar.
  bar: {
    width: '100%',
    height: '6px',
    accentColor: tokens.colorCompoundBrandBackground,
    backgroundColor: tokens.colorNeutralBackground6,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
  },
  commands: { display: 'flex', flexWrap: 'wrap', gap: '4px' },
});

// The settings pane (a Fluent Drawer, with its motion and focus trap) loads when it is first opened.
const InventoryNotices = lazy(() => import('./components/inventory-notices'));
const AlertSettingsPane = lazy(() => import('./components/alert-settings-pane').then((m) => ({ default: m.AlertSettingsPane })));

const encoder = new TextEncoder();
const stamp = (now: Date) => now.toISOString().slice(0, 10);

/** Home: every certificate the signed-in admin can read, across subscriptions and services, by expiry. */
export function HomeBlade() {
  const styles = useStyles();
  const inventory = useInventory();
  const data = inventory.data;
  const complete = inventory.isSuccess && !inventory.isFetching;
  // "Now" is read once per reading of the inventory, so days left do not shift while a person reads.
  const updatedAt = inventory.dataUpdatedAt;
  const now = useMemo(() => new Date(updatedAt || Date.now()), [updatedAt]);
  const [filter, setFilter] = useState<InventoryFilter>(noFilter);
  const [sort, setSort] = useState<InventorySort>({ column: 'expiry', direction: 'ascending' });
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const deferredFilter = useDeferredValue(filter);

  const all = useMemo(() => withDaysLeft(data?.rows ?? [], now), [data, now]);
  const shown = useMemo(() => sortRows(filterRows(all, deferredFilter), sort), [all, deferredFilter, sort]);
  const counts = useMemo(() => statusCounts(all), [all]);
  const buckets = useMemo(() => expiryBuckets(all, now), [all, now]);
  const subscriptions = useMemo(() => choices(all.map((r) => [r.subscriptionId, r.subscriptionName])), [all]);
  const services = useMemo(() => choices(all.filter((r) => r.serviceName).map((r) => [r.serviceName, r.serviceName])), [all]);
  const alerts = useExpiryAlerts(data?.rows ?? [], complete, now);

  const total = data?.sourcesTotal ?? 0;
  const done = data?.sourcesDone ?? 0;
  const exportAs = (format: 'csv' | 'json') => {
    const text = format === 'csv' ? toCsv(shown, window.location.origin) : toJson(shown, window.location.origin);
    downloadBytes(encoder.encode(text), `certificates-${stamp(now)}.${format}`, format === 'csv' ? 'text/csv' : 'application/json');
  };

  return (
    <Blade title="Home" subtitle="Every certificate you can read, across subscriptions and services, by expiry" titleContext={null}>
      {/* A group of buttons, each a tab stop, not Fluent's Toolbar: its arrow-key navigation brings tabster
          (~16 KB gzip) into Home's first load, and four buttons are as quick to reach with Tab. */}
      <div role="group" aria-label="Inventory commands" className={styles.commands}>
        <Button appearance="subtle" icon={<ArrowClockwiseRegular />} disabled={inventory.isFetching} onClick={() => void inventory.refetch()}>
          Refresh
        </Button>
        <Button appearance="subtle" icon={<ArrowDownloadRegular />} disabled={shown.length === 0} onClick={() => exportAs('csv')}>
          Export CSV
        </Button>
        <Button appearance="subtle" icon={<ArrowDownloadRegular />} disabled={shown.length === 0} onClick={() => exportAs('json')}>
          Export JSON
        </Button>
        <Button appearance="subtle" icon={<SettingsRegular />} ref={settingsButton} onClick={() => setSettingsOpen(true)}>
          Alert settings
        </Button>
      </div>
      <div className={styles.progress}>
        <progress
          className={styles.bar}
          aria-label="Sources read"
          aria-valuetext={`${done} of ${total} sources`}
          value={total === 0 ? undefined : done / total}
          max={1}
        />
        <Text size={200} aria-live="polite">
          {inventory.isFetching ? `Reading… ${done} of ${total} sources` : `${done} of ${total} sources read`}
        </Text>
      </div>
      {(inventory.isError || (data?.failures.length ?? 0) > 0 || alerts.length > 0) && (
        <Suspense fallback={null}>
          <InventoryNotices error={inventory.isError ? inventory.error : null} failures={data?.failures ?? []} alerts={alerts} />
        </Suspense>
      )}
      {all.length > 0 && <StatusCounts counts={counts} />}
      <InventoryFilters filter={filter} onChange={setFilter} subscriptions={subscriptions} services={services} />
      <Text size={200} aria-live="polite">
        {`${shown.length} of ${all.length} certificates shown`}
      </Text>
      <InventoryTable rows={shown} sort={sort} onSort={setSort} />
      {all.length > 0 && <ExpiryOverview buckets={buckets} />}
      {settingsOpen && (
        <Suspense fallback={null}>
          <AlertSettingsPane
            open
            onClose={() => {
              setSettingsOpen(false);
              settingsButton.current?.focus();
            }}
          />
        </Suspense>
      )}
    </Blade>
  );
}

function choices(pairs: Array<[string, string]>) {
  return [...new Map(pairs).entries()].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
}
