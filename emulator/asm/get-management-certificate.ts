import type { ApiRequest, ApiResponse, EmulatorEnv } from '../common/api-types.ts';
import { findManagementCertificate } from '../store/management-certificate-store.ts';
import { authorizeSubscription } from './subscription-access.ts';
import { subscriptionCertificateXml } from './subscription-certificate-xml.ts';
import { certificateNotFound, thumbprintParameter } from './thumbprint-parameter.ts';
import { xmlResponse } from './xml-response.ts';

export function getCertificate(request: ApiRequest, env: EmulatorEnv, subscriptionId: string, thumbprintText: string): ApiResponse {
  const subscription = authorizeSubscription(request, env, subscriptionId, 'read');
  const thumbprint = thumbprintParameter(thumbprintText);
  const certificate = findManagementCertificate(env.db, subscription.id, thumbprint);
  if (!certificate) throw certificateNotFound(thumbprint, subscription.id);
  return xmlResponse(subscriptionCertificateXml(certificate));
}
