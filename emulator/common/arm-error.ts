import type { ApiResponse } from './api-types.ts';
import type { ErrorFormat } from './service-definition.ts';

/** ARM's error envelope: `{"error":{"code","message","target","details"}}`, with its status. */
export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly target?: string,
    readonly details?: Array<{ code: string; message: string; target?: string }>,
  ) {
    super(message);
  }

  toBody(): { error: { code: string; message: string; target?: string; details?: Array<{ code: string; message: string; target?: string }> } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.target !== undefined ? { target: this.target } : {}),
        ...(this.details?.length ? { details: this.details } : {}),
      },
    };
  }
}

export const armErrors = {
  invalidAuthenticationToken: (message: string) => new ArmError(401, 'InvalidAuthenticationToken', message),
  authenticationFailed: (message: string) => new ArmError(401, 'AuthenticationFailed', message),
  authorizationFailed: (principalId: string, action: string, scope: string) =>
    new ArmError(
      403,
      'AuthorizationFailed',
      `The client '${principalId}' with object id '${principalId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    ),
  subscriptionNotFound: (subscriptionId: string) => new ArmError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`),
  invalidSubscriptionId: (subscriptionId: string) =>
    new ArmError(400, 'InvalidSubscriptionId', `The provided subscription identifier '${subscriptionId}' is malformed or invalid.`),
  resourceGroupNotFound: (name: string) => new ArmError(404, 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`),
  resourceNotFound: (message: string) => new ArmError(404, 'ResourceNotFound', message),
  missingApiVersion: () => new ArmError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.'),
  invalidApiVersion: (version: string, supported: string[]) =>
    new ArmError(400, 'InvalidApiVersionParameter', `The api-version '${version}' is invalid. The supported versions are '${supported.join(',')}'.`),
  noRoute: (method: string, path: string) =>
    new ArmError(404, 'InvalidResourceType', `No route matches ${method} ${path}: the resource type could not be found in this emulator.`),
  methodNotAllowed: (method: string) => new ArmError(405, 'MethodNotAllowed', `The ${method} method is not allowed on this resource.`),
  payloadTooLarge: (limit: number) => new ArmError(413, 'RequestEntityTooLarge', `The request body is larger than the limit of ${limit} bytes.`),
  unsupportedMediaType: (type: string) =>
    new ArmError(415, 'UnsupportedMediaType', `The content media type '${type}' is not supported. Only 'application/json' is supported.`),
  invalidRequestContent: (message: string) => new ArmError(400, 'InvalidRequestContent', message),
  internal: () => new ArmError(500, 'InternalServerError', 'The emulator hit an unexpected error; see its log for the request id.'),
};

const armErrorResponse = (error: ArmError): ApiResponse => ({
  status: error.status,
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
  body: error.toBody(),
});

/** ARM's errors on the wire: the JSON envelope, 401 InvalidAuthenticationToken, 500 InternalServerError. */
export const armErrorFormat: ErrorFormat = {
  unauthenticated: (message) => armErrors.invalidAuthenticationToken(message),
  payloadTooLarge: (limit) => armErrors.payloadTooLarge(limit),
  toResponse: (error) => (error instanceof ArmError ? armErrorResponse(error) : undefined),
  internal: () => armErrorResponse(armErrors.internal()),
};
