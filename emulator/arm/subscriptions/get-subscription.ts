import { authorizedSubscription } from '../../common/operation.ts';
import { json, type ArmOperation } from '../arm-context.ts';
import { toSubscriptionContract } from './subscription-contract.ts';

export const getSubscription: ArmOperation = (context) => json(200, toSubscriptionContract(authorizedSubscription(context)));
