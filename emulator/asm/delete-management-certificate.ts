import type { ApiResponse } from '../common/api-types.ts';
import { authorizedSubscription, type OperationContext } from '../common/operation.ts';
import { deleteManagementCertificate } from '../store/management-certificate-store.ts';
import { certificateNotFound, thumbprintParameter } from './thumbprint-parameter.ts';
import { emptyResponse } from './xml-response.ts';

export function deleteCertificate(context: OperationContext): ApiResponse {
  const subscription = authorizedSubscription(context);
  const thumbprint = thumbprintParameter(context.params.thumbprint);
  if (!deleteManagementCertificate(context.env.db, subscription.id, thumbprint)) throw certificateNotFound(thumbprint, subscription.id);
  return emptyResponse();
}
