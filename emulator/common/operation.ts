import type { ApiRequest, ApiResponse, EmulatorEnv } from './api-types.ts';
import type { Caller } from './caller.ts';
import type { SubscriptionRow } from '../store/subscription-store.ts';

/** What every operation of every service gets from the pipeline, once the route's checks have passed. */
export interface OperationContext {
  request: ApiRequest;
  env: EmulatorEnv;
  caller: Caller;
  /** The route's `{name}` segments, decoded. */
  params: Record<string, string>;
  /** The subscription the authorize step resolved: set when the route declares an access. */
  subscription?: SubscriptionRow;
}

/** One REST operation: data in, a response as data out; it never writes to the socket. */
export type Operation = (context: OperationContext) => ApiResponse | Promise<ApiResponse>;

/** The subscription the pipeline authorized the caller on; a route without an access has none, which is a bug in its entry. */
export function authorizedSubscription(context: OperationContext): SubscriptionRow {
  if (!context.subscription)
    throw new Error(`The route for ${context.request.method} ${context.request.path} declares no access, so no subscription was authorized.`);
  return context.subscription;
}
