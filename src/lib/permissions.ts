import { useQuery } from '@tanstack/react-query';
import { useServices } from './services-context';
import { PERMISSIONS_API_VERSION } from './azure/api-versions';
import { queryKeys } from './azure/query-keys';
import { permissionsPath } from './azure/resource-ids';

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
    queryKey: queryKeys.permissions(subscriptionId),
    queryFn: () => arm.listAll<Permission>(permissionsPath(subscriptionId), { apiVersion: PERMISSIONS_API_VERSION }),
    staleTime: 300_000,
  });
}

/** true / false once known; undefined while loading (write buttons stay disabled meanwhile). */
export function useCanWrite(subscriptionId: string, action = 'Microsoft.ClassicSubscription/managementCertificates/write'): boolean | undefined {
  const { data } = useSubscriptionPermissions(subscriptionId);
  return data ? allows(data, action) : undefined;
}
