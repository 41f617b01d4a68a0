import type { ApiResponse } from '../common/api-types.ts';
import { authorizedSubscription, type OperationContext } from '../common/operation.ts';
import { listManagementCertificates } from '../store/management-certificate-store.ts';
import { subscriptionCertificatesXml } from './subscription-certificate-xml.ts';
import { xmlResponse } from './xml-response.ts';

export function listCertificates(context: OperationContext): ApiResponse {
  const subscription = authorizedSubscription(context);
  return xmlResponse(subscriptionCertificatesXml(listManagementCertificates(context.env.db, subscription.id)));
}
