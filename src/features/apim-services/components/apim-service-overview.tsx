import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { Link, useParams } from 'react-router';
import { Blade } from '../../../components/blade';
import { ErrorPanel } from '../../../components/error-panel';
import { useApimService } from '../../../lib/azure/apim-service';

const useStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: '24px', rowGap: '6px', margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, wordBreak: 'break-all' },
});

/** What the service is, and where its certificates are. */
export function ApimServiceOverview() {
  const styles = useStyles();
  const { subscriptionId = '', resourceGroup = '', serviceName = '' } = useParams();
  const { data, isPending, error, refetch } = useApimService({ subscriptionId, resourceGroup, serviceName });
  const userIdentities = Object.values(data?.identity?.userAssignedIdentities ?? {})
    .map((i) => i.clientId)
    .filter(Boolean)
    .join(', ');
  const rows: Array<[string, string]> = data
    ? [
        ['Resource group', resourceGroup],
        ['Location', data.location],
        ['Pricing tier', `${data.sku.name} (${data.sku.capacity} unit${data.sku.capacity === 1 ? '' : 's'})`],
        ['Subscription', subscriptionId],
        ['Status', data.properties.provisioningState ?? ''],
        ['Gateway URL', data.properties.gatewayUrl ?? ''],
        ['Developer portal URL', data.properties.developerPortalUrl ?? ''],
        ['Publisher', [data.properties.publisherName, data.properties.publisherEmail].filter(Boolean).join(' · ')],
        ['Managed identity', data.identity?.type ?? 'None'],
        ['User-assigned identities (client id)', userIdentities || '(none)'],
      ]
    : [];
  return (
    <Blade title={serviceName} subtitle="API Management service">
      {isPending && <Spinner label="Loading the service…" />}
      {error && <ErrorPanel error={error} onRetry={() => void refetch()} />}
      {data && (
        <dl className={styles.list} aria-label="Essentials">
          {rows.map(([term, value]) => (
            <div key={term} style={{ display: 'contents' }}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.value}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <p>
        <Link to="certificates">Certificates</Link>: the client certificates this service presents to backends, uploaded or referenced from Key Vault.
      </p>
    </Blade>
  );
}
