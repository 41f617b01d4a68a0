import type { ResourceGroupRow } from '../../store/resource-group-store.ts';

function resourceGroupId(row: ResourceGroupRow): string {
  return `/subscriptions/${row.subscription_id}/resourceGroups/${row.name}`;
}

export function toResourceGroupContract(row: ResourceGroupRow) {
  return {
    id: resourceGroupId(row),
    name: row.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: row.location,
    tags: JSON.parse(row.tags ?? '{}') as Record<string, string>,
    properties: { provisioningState: 'Succeeded' },
  };
}
