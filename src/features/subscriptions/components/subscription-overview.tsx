import { Spinner, Text } from '@fluentui/react-components';
import { useParams } from 'react-router';
import { Blade } from '../../../components/blade';
import { ErrorPanel } from '../../../components/error-panel';
import { useSubscription } from '../api/use-subscription';

export function SubscriptionOverview() {
  const { subscriptionId = '' } = useParams();
  const { subscription, isPending, error, refetch } = useSubscription(subscriptionId);
  return (
    <Blade title={subscription?.displayName ?? 'Subscription'} subtitle="Subscription">
      {isPending && <Spinner label="Loading…" />}
      {error && <ErrorPanel error={error} onRetry={() => void refetch()} />}
      {!isPending && !error && !subscription && <Text>This subscription does not exist or you have no access to it.</Text>}
      {subscription && (
        <dl>
          <dt>Subscription ID</dt>
          <dd>{subscription.subscriptionId}</dd>
          <dt>State</dt>
          <dd>{subscription.state}</dd>
          <dt>Directory</dt>
          <dd>{subscription.tenantId}</dd>
        </dl>
      )}
    </Blade>
  );
}
