import { requireApiVersion } from '../api-versions.ts';
import { json, type ArmOperation } from '../arm-context.ts';
import { pageWithSkipToken } from '../arm-paging.ts';
import { authorize } from '../authorize.ts';
import { listResourceGroups as readResourceGroups } from '../../store/resource-group-store.ts';
import { toResourceGroupContract } from './resource-group-contract.ts';

export const listResourceGroups: ArmOperation = (context) => {
  requireApiVersion(context.request.query, 'resourceGroups', 'resourceGroups');
  const { subscriptionId } = context.params;
  const subscription = authorize(context, subscriptionId, 'Microsoft.Resources/subscriptions/resourceGroups/read', `/subscriptions/${subscriptionId}`);
  const page = pageWithSkipToken(context, readResourceGroups(context.env.db, subscription.id).map(toResourceGroupContract));
  return json(200, { value: page.value, ...(page.nextLink ? { nextLink: page.nextLink } : {}) });
};
