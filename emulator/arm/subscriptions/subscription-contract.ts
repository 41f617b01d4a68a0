import type { SubscriptionRow } from '../../store/subscription-store.ts';

export function toSubscriptionContract(row: SubscriptionRow) {
  return {
    id: `/subscriptions/${row.id}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: row.id,
    tenantId: row.tenant_id,
    displayName: row.display_name,
    state: row.state,
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
  };
}
