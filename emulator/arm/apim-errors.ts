import { ArmError } from '../common/arm-error.ts';
import type { ODataFilterError } from '../common/odata-filter-parser.ts';
import type { CertificateReference } from '../store/apim-certificate-reference-store.ts';

/** A 400 the way API Management words it: a summary, with the offending field in `target` and `details`. */
export function validationError(target: string, message: string): ArmError {
  return new ArmError(400, 'ValidationError', message, target, [{ code: 'ValidationError', target, message }]);
}

const describeReference = (reference: CertificateReference) => `${reference.kind} '${reference.name}'`;

export const apimErrors = {
  validation: validationError,
  invalidFilter: (error: ODataFilterError) => validationError('$filter', error.message),
  certificateNotFound: (certificateId: string, serviceName: string) =>
    new ArmError(404, 'ResourceNotFound', `Certificate '${certificateId}' was not found in API Management service '${serviceName}'.`),
  serviceNotFound: (serviceName: string, resourceGroup: string) =>
    new ArmError(
      404,
      'ResourceNotFound',
      `The Resource 'Microsoft.ApiManagement/service/${serviceName}' under resource group '${resourceGroup}' was not found.`,
    ),
  certificateExists: (certificateId: string) =>
    new ArmError(
      409,
      'Conflict',
      `Certificate '${certificateId}' already exists. To replace it, send the ETag from your last read in the If-Match header, or If-Match: * to overwrite it whatever its state.`,
    ),
  preconditionFailed: (certificateId: string) =>
    new ArmError(
      412,
      'PreconditionFailed',
      `Certificate '${certificateId}' has changed since the ETag in If-Match was read (or does not exist). Read it again to get its current ETag.`,
    ),
  servicePreconditionFailed: (serviceName: string) =>
    new ArmError(
      412,
      'PreconditionFailed',
      `Service '${serviceName}' has changed since the ETag in If-Match was read. Read it again to get its current ETag and its current CA certificates.`,
    ),
  ifMatchRequired: (certificateId: string) =>
    new ArmError(
      400,
      'ValidationError',
      `Deleting certificate '${certificateId}' requires an If-Match header: the ETag from your last read, or * to delete it whatever its state.`,
      'If-Match',
      [{ code: 'ValidationError', target: 'If-Match', message: 'The If-Match header is required.' }],
    ),
  certificateInUse: (certificateId: string, references: CertificateReference[]) =>
    new ArmError(
      400,
      'CertificateInUse',
      `Certificate '${certificateId}' cannot be deleted because it is used by ${references.map(describeReference).join(', ')}. Remove it from ${references.length === 1 ? 'that' : 'those'} first.`,
      certificateId,
      references.map((reference) => ({ code: 'CertificateInUse', target: reference.name, message: `Used by ${describeReference(reference)}.` })),
    ),
  notKeyVaultCertificate: (certificateId: string) =>
    validationError('certificateId', `Certificate '${certificateId}' was uploaded, not referenced from Key Vault, so there is no secret to refresh it from.`),
  readOnlyDisabledSubscription: (subscriptionId: string) =>
    new ArmError(
      409,
      'ReadOnlyDisabledSubscription',
      `The subscription '${subscriptionId}' is disabled and therefore marked as read only. You cannot perform any write actions on this subscription until it is re-enabled.`,
    ),
};
