import type { ApiRequest, ApiResponse, EmulatorEnv } from '../common/api-types.ts';
import { listManagementCertificates } from '../store/management-certificate-store.ts';
import { authorizeSubscription } from './subscription-access.ts';
import { subscriptionCertificatesXml } from './subscription-certificate-xml.ts';
import { xmlResponse } from './xml-response.ts';

export function listCertificates(request: ApiRequest, env: EmulatorEnv, subscriptionId: string): ApiResponse {
  const subscription = authorizeSubscription(request, env, subscriptionId, 'read');
  return xmlResponse(subscriptionCertificatesXml(listManagementCertificates(env.db, subscription.id)));
}
