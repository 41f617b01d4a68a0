import { useSubscriptions } from '../lib/azure/subscriptions';

/** A subscription's display name, as the portal shows it; its id until the list (already cached) has it. */
export function useSubscriptionName(subscriptionId: string | undefined): string {
  const { data } = useSubscriptions();
  return data?.find((s) => s.subscriptionId.toLowerCase() === subscriptionId?.toLowerCase())?.displayName ?? subscriptionId ?? '';
}

export function SubscriptionName({ id }: { id: string | undefined }) {
  return <>{useSubscriptionName(id)}</>;
}
