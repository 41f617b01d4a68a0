import { useMemo, useState } from 'react';
import {
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  SearchBox,
  Spinner,
  Text,
  Toolbar,
  ToolbarButton,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { Link } from 'react-router';
import { Blade } from '../../../components/blade';
import { ErrorPanel } from '../../../components/error-panel';
import { describeError } from '../../../lib/api-error';
import { useApimServices, type ApimServiceRow } from '../api/apim-services';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' },
  grid: { minWidth: '800px' },
  empty: { padding: '32px 0' },
});

const serviceLink = (s: ApimServiceRow) => `/apim/${s.subscriptionId}/${encodeURIComponent(s.resourceGroup)}/${encodeURIComponent(s.name)}`;

const columns: TableColumnDefinition<ApimServiceRow>[] = [
  createTableColumn({
    columnId: 'name',
    compare: (a, b) => a.name.localeCompare(b.name),
    renderHeaderCell: () => 'Name',
    renderCell: (s) => <Link to={serviceLink(s)}>{s.name}</Link>,
  }),
  createTableColumn({
    columnId: 'resourceGroup',
    compare: (a, b) => a.resourceGroup.localeCompare(b.resourceGroup),
    renderHeaderCell: () => 'Resource group',
    renderCell: (s) => s.resourceGroup,
  }),
  createTableColumn({
    columnId: 'location',
    compare: (a, b) => a.location.localeCompare(b.location),
    renderHeaderCell: () => 'Location',
    renderCell: (s) => s.location,
  }),
  createTableColumn({
    columnId: 'sku',
    compare: (a, b) => a.sku.name.localeCompare(b.sku.name),
    renderHeaderCell: () => 'Pricing tier',
    renderCell: (s) => `${s.sku.name} (${s.sku.capacity} unit${s.sku.capacity === 1 ? '' : 's'})`,
  }),
  createTableColumn({
    columnId: 'subscription',
    compare: (a, b) => a.subscriptionName.localeCompare(b.subscriptionName),
    renderHeaderCell: () => 'Subscription',
    renderCell: (s) => s.subscriptionName,
  }),
];

/** Every API Management service across the admin's subscriptions. */
export function ApimServicesBlade() {
  const styles = useStyles();
  const { data, isPending, isFetching, error, refetch } = useApimServices();
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const all = data?.services ?? [];
    if (!needle) return all;
    return all.filter((s) => [s.name, s.resourceGroup, s.location, s.sku.name, s.subscriptionName].some((v) => v.toLowerCase().includes(needle)));
  }, [data, filter]);

  return (
    <Blade title="API Management services">
      <Toolbar aria-label="Commands">
        <ToolbarButton icon={<ArrowClockwiseRegular />} onClick={() => void refetch()}>
          Refresh
        </ToolbarButton>
      </Toolbar>
      <div className={styles.bar}>
        <SearchBox
          placeholder="Filter by name, resource group, location, tier or subscription"
          aria-label="Filter API Management services"
          value={filter}
          onChange={(_, d) => setFilter(d.value)}
        />
        {data && <Text aria-live="polite">{filter ? `Showing ${rows.length} of ${data.services.length} records` : `${data.services.length} services`}</Text>}
        {isFetching && !isPending && <Spinner size="tiny" label="Refreshing" />}
      </div>
      {isPending && <Spinner label="Loading API Management services…" />}
      {error && <ErrorPanel error={error} onRetry={() => void refetch()} />}
      {data?.failures.map((f) => (
        <MessageBar key={f.subscriptionName} intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{`Could not list the services of ${f.subscriptionName}`}</MessageBarTitle>
            {describeError(f.error)}
          </MessageBarBody>
        </MessageBar>
      ))}
      {data && data.services.length === 0 && (
        <div className={styles.empty}>
          <Text weight="semibold" block>
            No API Management services
          </Text>
          <Text block>None of your subscriptions holds an API Management service you can read.</Text>
        </div>
      )}
      {data && data.services.length > 0 && (
        <DataGrid
          className={styles.grid}
          items={rows}
          columns={columns}
          sortable
          getRowId={(s: ApimServiceRow) => s.id}
          aria-label="API Management services"
          focusMode="composite"
        >
          <DataGridHeader>
            <DataGridRow>{({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
          </DataGridHeader>
          <DataGridBody<ApimServiceRow>>
            {({ item, rowId }) => <DataGridRow<ApimServiceRow> key={rowId}>{({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}</DataGridRow>}
          </DataGridBody>
        </DataGrid>
      )}
      {data && data.services.length > 0 && rows.length === 0 && <Text>No service matches “{filter}”.</Text>}
    </Blade>
  );
}
