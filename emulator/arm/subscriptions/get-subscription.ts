import { requireApiVersion } from '../api-versions.ts';
import { json, type ArmOperation } from '../arm-context.ts';
import { authorize } from '../authorize.ts';
import { toSubscriptionContract } from './subscription-contract.ts';

export const getSubscription: ArmOperation = (context) => {
  requireApiVersion(context.request.query, 'subscriptions', 'subscriptions');
  const { subscriptionId } = context.params;
  const row = authorize(context, subscriptionId, 'Microsoft.Resources/subscriptions/read', `/subscriptions/${subscriptionId}`);
  return json(200, toSubscriptionContract(row));
};
