import { useMemo, useState } from 'react';
import { createTableColumn, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, type TableColumnDefinition } from '@fluentui/react-components';
import { Link } from 'react-router';
import { GridBlade } from '../../../components/grid-blade';
import { ListGrid } from '../../../components/list-grid';
import { describeError } from '../../../lib/api-error';
import { useApimServices, type ApimServiceRow } from '../api/apim-services';

const useStyles = makeStyles({
  grid: { minWidth: '800px' },
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
    <GridBlade
      title="API Management services"
      onRefresh={() => void refetch()}
      search={{
        label: 'Filter API Management services',
        placeholder: 'Filter by name, resource group, location, tier or subscription',
        value: filter,
        onChange: setFilter,
      }}
      count={data && (filter ? `Showing ${rows.length} of ${data.services.length} records` : `${data.services.length} services`)}
      reloading={isFetching && !isPending ? 'Refreshing' : undefined}
      loading={isPending ? 'Loading API Management services…' : undefined}
      error={error}
      warnings={data?.failures.map((f) => (
        <MessageBar key={f.subscriptionName} intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{`Could not list the services of ${f.subscriptionName}`}</MessageBarTitle>
            {describeError(f.error)}
          </MessageBarBody>
        </MessageBar>
      ))}
      empty={
        data && data.services.length === 0
          ? { title: 'No API Management services', text: 'None of your subscriptions holds an API Management service you can read.' }
          : undefined
      }
    >
      {data && data.services.length > 0 && (
        <ListGrid label="API Management services" className={styles.grid} items={rows} columns={columns} getRowId={(s: ApimServiceRow) => s.id} />
      )}
      {data && data.services.length > 0 && rows.length === 0 && <Text>No service matches “{filter}”.</Text>}
    </GridBlade>
  );
}
