import type { ApiResponse } from '../common/api-types.ts';
import { authorizedSubscription, type OperationContext } from '../common/operation.ts';
import { findManagementCertificate } from '../store/management-certificate-store.ts';
import { subscriptionCertificateXml } from './subscription-certificate-xml.ts';
import { certificateNotFound, thumbprintParameter } from './thumbprint-parameter.ts';
import { xmlResponse } from './xml-response.ts';

export function getCertificate(context: OperationContext): ApiResponse {
  const subscription = authorizedSubscription(context);
  const thumbprint = thumbprintParameter(context.params.thumbprint);
  const certificate = findManagementCertificate(context.env.db, subscription.id, thumbprint);
  if (!certificate) throw certificateNotFound(thumbprint, subscription.id);
  return xmlResponse(subscriptionCertificateXml(certificate));
}
