import type { ApiRequest, ApiResponse, ClientCertificate, EmulatorEnv } from './api-types.ts';
import type { Caller } from './caller.ts';
import type { SubscriptionRow } from '../store/subscription-store.ts';
import type { RouteAccess, RouteTable } from './route-table.ts';

/** The credentials a request carries; the peer certificate is read from the TLS socket only when asked. */
export interface Credentials {
  authorization: string | undefined;
  clientCertificate(): ClientCertificate | undefined;
}

export interface Authenticated {
  caller: Caller;
  clientCertificate?: ClientCertificate;
}

/** One way to authenticate (bearer token, client certificate, shared access signature). */
export interface Authenticator {
  /** undefined: the request carries no credential of this kind, try the next; throws AuthenticationRejected for a bad one. */
  authenticate(credentials: Credentials): Promise<Authenticated | undefined>;
}

/** A credential of the authenticator's kind that does not pass; the service words the 401. */
export class AuthenticationRejected extends Error {}

export interface AuthorizationRequest {
  request: ApiRequest;
  env: EmulatorEnv;
  caller: Caller;
  params: Record<string, string>;
  access: RouteAccess;
}

/** Checks the caller may do what the route needs on the subscription in its path; throws the service's error if not. */
export type Authorizer = (request: AuthorizationRequest) => SubscriptionRow;

/** A service's wire format for errors (ARM JSON, Service Management XML). */
export interface ErrorFormat {
  unauthenticated(message: string): Error;
  payloadTooLarge(limitBytes: number): Error;
  /** The service's own error as a response; undefined for any other error. */
  toResponse(error: unknown): ApiResponse | undefined;
  /** What an unexpected error answers (the pipeline logs it). */
  internal(): ApiResponse;
}

/** One emulated API surface: everything the pipeline needs to know about it, so that the pipeline names none. */
export interface ServiceDefinition {
  /** For the log. */
  name: string;
  /** Where it is mounted, e.g. `/arm`. */
  prefix: string;
  /** Tried in order; the first that recognises the request's credential decides. */
  authenticators: Authenticator[];
  /** The WWW-Authenticate header a 401 carries. */
  challenge: string;
  /** Where a request names its version (a query parameter or a header). */
  version(request: ApiRequest): string | undefined;
  routes: RouteTable;
  authorize: Authorizer;
  errors: ErrorFormat;
}

export const versionFromQuery =
  (name: string) =>
  (request: ApiRequest): string | undefined =>
    request.query.get(name) ?? undefined;

export const versionFromHeader =
  (name: string) =>
  (request: ApiRequest): string | undefined => {
    const value = request.headers[name.toLowerCase()];
    return typeof value === 'string' ? value : undefined;
  };
