import { randomUUID } from 'node:crypto';
import type { ArmContext } from '../arm-context.ts';
import { insertOperation, type ArmOperationRow } from '../../store/arm-operation-store.ts';

/** Seconds a poller should wait before asking again: what is left, at least one, as ARM's Retry-After says. */
export function retryAfterSeconds(completesAt: number, now: number): string {
  return String(Math.max(1, Math.ceil((completesAt - now) / 1000)));
}

/**
 * Starts a long-running operation on `resourceId` and returns the headers that announce it, the ones the
 * SDKs' pollers and the Azure CLI follow: `Azure-AsyncOperation` (the operation's status) and `Location`
 * (its result), both under the emulator's ARM, with `Retry-After`.
 */
export function startOperation(
  context: ArmContext,
  subscriptionId: string,
  resourceId: string,
  asyncOperation = true,
): { headers: Record<string, string>; completesAt: number } {
  const now = context.env.now().getTime();
  const row: ArmOperationRow = {
    id: randomUUID(),
    subscription_id: subscriptionId,
    resource_id: resourceId,
    started_at: now,
    completes_at: now + context.env.provisioningDelayMs,
  };
  insertOperation(context.env.db, row);
  const version = encodeURIComponent(context.request.query.get('api-version') ?? '');
  const arm = `${context.env.origin}/arm/subscriptions/${subscriptionId}`;
  const headers: Record<string, string> = {
    Location: `${arm}/operationresults/${row.id}?api-version=${version}`,
    'Retry-After': retryAfterSeconds(row.completes_at, now),
  };
  if (asyncOperation) headers['Azure-AsyncOperation'] = `${arm}/providers/Microsoft.ApiManagement/operationsStatus/${row.id}?api-version=${version}`;
  return { headers, completesAt: row.completes_at };
}
