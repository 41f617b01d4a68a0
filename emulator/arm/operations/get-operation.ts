import { armErrors } from '../../common/arm-error.ts';
import { authorizedSubscription } from '../../common/operation.ts';
import { json, type ArmContext, type ArmOperation } from '../arm-context.ts';
import { getOperation, type ArmOperationRow } from '../../store/arm-operation-store.ts';
import { getService } from '../../store/apim-service-store.ts';
import { toServiceContract } from '../apim-services/service-contract.ts';
import { retryAfterSeconds } from './long-running.ts';

function findOperation(context: ArmContext): ArmOperationRow {
  const subscription = authorizedSubscription(context);
  const operation = getOperation(context.env.db, subscription.id, context.params.operationId);
  if (!operation) throw armErrors.resourceNotFound(`The operation '${context.params.operationId}' was not found in subscription '${subscription.id}'.`);
  return operation;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** `Azure-AsyncOperation`: `{status: InProgress | Succeeded}`, polled until it is terminal. */
export const getOperationStatus: ArmOperation = (context) => {
  const operation = findOperation(context);
  const now = context.env.now().getTime();
  const done = now >= operation.completes_at;
  return json(
    200,
    {
      id: `/subscriptions/${operation.subscription_id}/providers/Microsoft.ApiManagement/operationsStatus/${operation.id}`,
      name: operation.id,
      status: done ? 'Succeeded' : 'InProgress',
      startTime: iso(operation.started_at),
      ...(done ? { endTime: iso(operation.completes_at), percentComplete: 100 } : {}),
    },
    done ? {} : { 'Retry-After': retryAfterSeconds(operation.completes_at, now) },
  );
};

const SERVICE_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.ApiManagement\/service\/([^/]+)$/i;

/** `Location`: 202 while the operation runs; then the resource it made or changed (200), or 204 when it deleted it. */
export const getOperationResult: ArmOperation = (context) => {
  const operation = findOperation(context);
  const now = context.env.now().getTime();
  if (now < operation.completes_at) {
    return {
      status: 202,
      headers: {
        Location: `${context.env.origin}/arm${context.request.path}?${context.request.query.toString()}`,
        'Retry-After': retryAfterSeconds(operation.completes_at, now),
      },
    };
  }
  const match = SERVICE_ID.exec(operation.resource_id);
  const service = match && getService(context.env.db, { subscriptionId: match[1], resourceGroup: match[2], serviceName: match[3] });
  if (service) return json(200, toServiceContract(service, context.caller.tenantId, context.env.origin, now));
  return { status: 204 };
};
