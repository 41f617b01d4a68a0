import { useMemo, useState } from 'react';
import { Badge, makeStyles, SearchBox, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { Link } from 'react-router';
import { Blade } from '../../../components/blade';
import { ErrorPanel } from '../../../components/error-panel';
import { useSubscriptions } from '../../../lib/azure/subscriptions';

const useStyles = makeStyles({ toolbar: { display: 'flex', gap: '12px', alignItems: 'center' } });

export function SubscriptionsBlade() {
  const styles = useStyles();
  const { data, isPending, error, refetch } = useSubscriptions();
  const [search, setSearch] = useState('');
  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (data ?? []).filter((s) => !needle || s.displayName.toLowerCase().includes(needle) || s.subscriptionId.includes(needle));
  }, [data, search]);
  return (
    <Blade title="Subscriptions">
      <div className={styles.toolbar}>
        <SearchBox placeholder="Search subscriptions" aria-label="Search subscriptions" value={search} onChange={(_, d) => setSearch(d.value)} />
        {data && <Text aria-live="polite">{`Showing ${rows.length} of ${data.length} subscriptions`}</Text>}
      </div>
      {isPending && <Spinner label="Loading subscriptions…" />}
      {error && <ErrorPanel error={error} onRetry={() => void refetch()} />}
      {data && data.length === 0 && <Text>You have no access to any subscription. Ask an owner for a role assignment.</Text>}
      {data && data.length > 0 && (
        <Table aria-label="Subscriptions">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Subscription name</TableHeaderCell>
              <TableHeaderCell>Subscription ID</TableHeaderCell>
              <TableHeaderCell>State</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((s) => (
              <TableRow key={s.subscriptionId}>
                <TableCell>
                  <Link to={`/subscriptions/${s.subscriptionId}`}>{s.displayName}</Link>
                </TableCell>
                <TableCell>{s.subscriptionId}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={s.state === 'Enabled' ? 'success' : 'danger'}>
                    {s.state}
                  </Badge>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Blade>
  );
}
