import { useSubscriptions } from '../../../lib/azure/subscriptions';

/** One subscription, picked from the list the portal has already read: no request of its own. */
export function useSubscription(subscriptionId: string | undefined) {
  const query = useSubscriptions();
  const subscription = query.data?.find((s) => s.subscriptionId.toLowerCase() === subscriptionId?.toLowerCase());
  return { ...query, subscription };
}
