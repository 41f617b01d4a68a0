import { authorizedSubscription } from '../../common/operation.ts';
import { json, type ArmOperation } from '../arm-context.ts';
import { pageWithSkipToken } from '../arm-paging.ts';
import { listResourceGroups as readResourceGroups } from '../../store/resource-group-store.ts';
import { toResourceGroupContract } from './resource-group-contract.ts';

export const listResourceGroups: ArmOperation = (context) => {
  const subscription = authorizedSubscription(context);
  const page = pageWithSkipToken(context, readResourceGroups(context.env.db, subscription.id).map(toResourceGroupContract));
  return json(200, { value: page.value, ...(page.nextLink ? { nextLink: page.nextLink } : {}) });
};
