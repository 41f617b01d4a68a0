import type { ApiResponse } from '../common/api-types.ts';
import type { Operation, OperationContext } from '../common/operation.ts';

/** ARM operations are the pipeline's operations; the names stay for the files that use them. */
export type ArmContext = OperationContext;
export type ArmOperation = Operation;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body };
}

/** A link to the same collection under the emulator's origin, with `changes` applied to its query. */
export function linkToSelf(context: ArmContext, changes: Record<string, string | undefined>): string {
  const query = new URLSearchParams(context.request.query);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) query.delete(key);
    else query.set(key, value);
  }
  return `${context.env.origin}/arm${context.request.path}?${query.toString()}`;
}
