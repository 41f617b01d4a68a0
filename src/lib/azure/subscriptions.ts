import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ArmClient } from '../arm-client';
import { useServices } from '../services-context';
import { SUBSCRIPTIONS_API_VERSION } from './api-versions';
import { queryKeys } from './query-keys';
import { subscriptionsPath } from './resource-ids';

export interface Subscription {
  id: string;
  subscriptionId: string;
  displayName: string;
  state: 'Enabled' | 'Warned' | 'PastDue' | 'Disabled' | 'Deleted';
  tenantId: string;
}

/** The subscriptions the signed-in admin can see: every blade that lists or picks one reads this. */
export function getSubscriptions(arm: ArmClient): Promise<Subscription[]> {
  return arm.listAll<Subscription>(subscriptionsPath(), { apiVersion: SUBSCRIPTIONS_API_VERSION });
}

export const subscriptionsQuery = (arm: ArmClient) => queryOptions({ queryKey: queryKeys.subscriptions(), queryFn: () => getSubscriptions(arm) });

export function useSubscriptions() {
  const { arm } = useServices();
  return useQuery(subscriptionsQuery(arm));
}
