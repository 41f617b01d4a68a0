import { statement, type Db } from '../../store/database.ts';

export interface ResourceGroupRow {
  subscription_id: string;
  name: string;
  location: string;
}

export function listResourceGroups(db: Db, subscriptionId: string): ResourceGroupRow[] {
  return statement(db, 'SELECT * FROM resource_groups WHERE subscription_id = ? ORDER BY name').all(subscriptionId) as ResourceGroupRow[];
}

export function getResourceGroup(db: Db, subscriptionId: string, name: string): ResourceGroupRow | undefined {
  return statement(db, 'SELECT * FROM resource_groups WHERE subscription_id = ? AND name = ?').get(subscriptionId, name) as ResourceGroupRow | undefined;
}

export function resourceGroupId(row: ResourceGroupRow): string {
  return `/subscriptions/${row.subscription_id}/resourceGroups/${row.name}`;
}

export function toResourceGroupContract(row: ResourceGroupRow) {
  return {
    id: resourceGroupId(row),
    name: row.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: row.location,
    properties: { provisioningState: 'Succeeded' },
  };
}
