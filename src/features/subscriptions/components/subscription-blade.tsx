import { useParams } from 'react-router';
import { ResourceMenuLayout } from '../../../components/resource-menu-layout';
import { useSubscription } from '../api/use-subscription';

export function SubscriptionBlade() {
  const { subscriptionId = '' } = useParams();
  const { subscription } = useSubscription(subscriptionId);
  return (
    <ResourceMenuLayout
      title={subscription?.displayName ?? subscriptionId}
      menuLabel="Subscription menu"
      items={[
        { to: `/subscriptions/${subscriptionId}`, label: 'Overview', end: true },
        { to: `/subscriptions/${subscriptionId}/management-certificates`, label: 'Management certificates' },
      ]}
    />
  );
}
