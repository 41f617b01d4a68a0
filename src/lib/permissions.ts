import { useQuery } from '@tanstack/react-query';
import { useServices } from './services-context';

interface Permission {
  actions: string[];
  notActions: string[];
}

const matches = (pattern: string, action: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i').test(action);

/** Whether the caller may perform `action` at this subscription, from ARM's own permissions API. */
export function allows(permissions: Permission[], action: string): boolean {
  return permissions.some((p) => p.actions.some((a) => matches(a, action)) && !p.notActions.some((n) => matches(n, action)));
}

export function useSubscriptionPermissions(subscriptionId: string) {
  const { arm } = useServices();
  return useQuery({
    queryKey: ['arm', 'permissions', subscriptionId.toLowerCase()],
    queryFn: () => arm.listAll<Permission>(`/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/permissions`, { apiVersion: '2022-04-01' }),
    staleTime: 300_000,
  });
}

/** true / false once known; undefined while loading (write buttons stay disabled meanwhile). */
export function useCanWrite(subscriptionId: string, action = 'Microsoft.ClassicSubscription/managementCertificates/write'): boolean | undefined {
  const { data } = useSubscriptionPermissions(subscriptionId);
  return data ? allows(data, action) : undefined;
}
