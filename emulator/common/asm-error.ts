import { XMLBuilder } from 'fast-xml-parser';
import type { ApiResponse } from './api-types.ts';
import type { ErrorFormat } from './service-definition.ts';

export const AZURE_XMLNS = 'http://schemas.microsoft.com/windowsazure';

/** Classic Service Management's XML error: `<Error xmlns=...><Code/><Message/></Error>`. */
export class AsmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  toXml(): string {
    const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: false });
    return '<?xml version="1.0" encoding="utf-8"?>' + builder.build({ Error: { '@_xmlns': AZURE_XMLNS, Code: this.code, Message: this.message } });
  }
}

export const asmErrors = {
  missingVersion: () =>
    new AsmError(
      400,
      'MissingOrIncorrectVersionHeader',
      'The versioning header is not specified or was specified incorrectly. x-ms-version must be 2012-03-01 or later.',
    ),
  authenticationFailed: (message: string) => new AsmError(403, 'AuthenticationFailed', message),
  forbidden: (message: string) => new AsmError(403, 'ForbiddenError', message),
  subscriptionDisabled: (subscriptionId: string) =>
    new AsmError(403, 'SubscriptionDisabled', `The subscription ${subscriptionId} is disabled; it accepts no management operations.`),
  resourceNotFound: (message: string) => new AsmError(404, 'ResourceNotFound', message),
  badRequest: (message: string) => new AsmError(400, 'BadRequest', message),
  invalidXml: (message: string) => new AsmError(400, 'InvalidXmlRequest', message),
  conflict: (message: string) => new AsmError(409, 'ConflictError', message),
  payloadTooLarge: (limit: number) => new AsmError(413, 'RequestEntityTooLarge', `The request body is larger than the limit of ${limit} bytes.`),
  internal: () => new AsmError(500, 'InternalError', 'The server encountered an internal error. Please retry the request.'),
};

const asmErrorResponse = (error: AsmError): ApiResponse => ({
  status: error.status,
  headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  body: error.toXml(),
});

/** Service Management's errors on the wire: the XML Error element, 401 AuthenticationFailed, 500 InternalError. */
export const asmErrorFormat: ErrorFormat = {
  unauthenticated: (message) => new AsmError(401, 'AuthenticationFailed', message),
  payloadTooLarge: (limit) => asmErrors.payloadTooLarge(limit),
  toResponse: (error) => (error instanceof AsmError ? asmErrorResponse(error) : undefined),
  internal: () => asmErrorResponse(asmErrors.internal()),
};
