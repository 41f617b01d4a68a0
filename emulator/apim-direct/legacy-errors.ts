import type { ApiResponse } from '../common/api-types.ts';
import type { ErrorFormat } from '../common/service-definition.ts';

export interface LegacyErrorField {
  code: string;
  target: string;
  message: string;
}

/** The legacy API's Error entity: `{"error":{"code","message","details"}}`, details naming the fields at fault. */
export class LegacyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: LegacyErrorField[] | null = null,
  ) {
    super(message);
  }

  toBody() {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

const validation = (target: string, message: string) =>
  new LegacyError(400, 'ValidationError', 'One or more fields contain incorrect values:', [{ code: 'ValidationError', target, message }]);

export const legacyErrors = {
  validation,
  unauthorized: (message: string) => new LegacyError(401, 'Unauthorized', message),
  missingVersion: () => validation('api-version', 'The api-version query parameter is required: ?api-version=2014-02-14-preview.'),
  unsupportedVersion: (version: string, supported: readonly string[]) =>
    validation('api-version', `The api-version '${version}' is not supported; use ${supported.join(' or ')}.`),
  serviceNotFound: (serviceName: string) => new LegacyError(404, 'ResourceNotFound', `No API Management service named '${serviceName}' is served here.`),
  ambiguousService: (serviceName: string) =>
    new LegacyError(
      409,
      'AmbiguousServiceName',
      `More than one API Management service is named '${serviceName}' (Azure's names are global, the emulator's only per resource group); rename one to use its management API.`,
    ),
  certificateNotFound: (cid: string) => new LegacyError(404, 'ResourceNotFound', `Certificate '${cid}' not found.`),
  noRoute: (method: string, path: string) => new LegacyError(404, 'ResourceNotFound', `No resource answers ${method} ${path}.`),
  methodNotAllowed: (method: string, allowed: string[]) =>
    new LegacyError(405, 'MethodNotAllowed', `The ${method} method is not allowed here; use ${allowed.join(' or ')}.`),
  certificateExists: (cid: string) =>
    new LegacyError(409, 'EntityAlreadyExists', `Certificate '${cid}' already exists. Send If-Match with its ETag, or *, to replace it.`),
  preconditionFailed: (cid: string) =>
    new LegacyError(412, 'PreconditionFailed', `Certificate '${cid}' has changed since the ETag in If-Match was read (or does not exist).`),
  ifMatchRequired: () => validation('If-Match', 'Removing a certificate requires If-Match: its ETag, or * to remove it whatever its state.'),
  certificateInUse: (cid: string, users: string[]) =>
    new LegacyError(
      400,
      'CertificateInUse',
      `Certificate '${cid}' cannot be deleted since it is being used by ${users.join(', ')}.`,
      users.map((user) => ({ code: 'CertificateInUse', target: user, message: `Used by ${user}.` })),
    ),
  payloadTooLarge: (limit: number) => new LegacyError(413, 'RequestEntityTooLarge', `The request body is larger than the limit of ${limit} bytes.`),
  internal: () => new LegacyError(500, 'InternalError', 'The emulator hit an unexpected error; see its log for the request id.'),
};

const legacyResponse = (error: LegacyError): ApiResponse => ({
  status: error.status,
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
  body: error.toBody(),
});

export const legacyErrorFormat: ErrorFormat = {
  unauthenticated: (message) => legacyErrors.unauthorized(message),
  payloadTooLarge: (limit) => legacyErrors.payloadTooLarge(limit),
  toResponse: (error) => (error instanceof LegacyError ? legacyResponse(error) : undefined),
  internal: () => legacyResponse(legacyErrors.internal()),
};
