import { subscriptionsVisibleTo } from '../../store/subscription-store.ts';
import { json, type ArmOperation } from '../arm-context.ts';
import { pageWithSkipToken } from '../arm-paging.ts';
import { toSubscriptionContract } from './subscription-contract.ts';

/** GET /subscriptions: only those the caller holds a role on, as ARM lists them. */
export const listSubscriptions: ArmOperation = (context) => {
  const rows = subscriptionsVisibleTo(context.env.db, context.caller.principalId);
  const page = pageWithSkipToken(context, rows.map(toSubscriptionContract));
  return json(200, { value: page.value, ...(page.nextLink ? { nextLink: page.nextLink } : {}) });
};
