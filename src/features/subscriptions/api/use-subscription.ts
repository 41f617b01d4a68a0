import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ArmClient } from '../../../lib/arm-client';
import { useServices } from '../../../lib/services-context';

export interface Subscription {
  id: string;
  subscriptionId: string;
  displayName: string;
  state: 'Enabled' | 'Warned' | 'PastDue' | 'Disabled' | 'Deleted';
  tenantId: string;
}

export const SUBSCRIPTIONS_API_VERSION = '2022-12-01';

export function getSubscriptions(arm: ArmClient): Promise<Subscription[]> {
  return arm.listAll<Subscription>('/subscriptions', { apiVersion: SUBSCRIPTIONS_API_VERSION });
}

export const subscriptionsQuery = (arm: ArmClient) => queryOptions({ queryKey: ['arm', 'subscriptions'], queryFn: () => getSubscriptions(arm) });

export function useSubscriptions() {
  const { arm } = useServices();
  return useQuery(subscriptionsQuery(arm));
}

export function useSubscription(subscriptionId: string | undefined) {
  const query = useSubscriptions();
  const subscription = query.data?.find((s) => s.subscriptionId.toLowerCase() === subscriptionId?.toLowerCase());
  return { ...query, subscription };
}
