import type { ApiRequest, ApiResponse, EmulatorEnv } from '../common/api-types.ts';
import type { Caller } from '../identity/verify-token.ts';

/** What one ARM operation gets: the request, the environment, the caller and the decoded path parameters. */
export interface ArmContext {
  request: ApiRequest;
  env: EmulatorEnv;
  caller: Caller;
  params: Record<string, string>;
}

export type ArmOperation = (context: ArmContext) => ApiResponse | Promise<ApiResponse>;

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
