import type { ApiRequest, ApiResponse, EmulatorEnv } from '../common/api-types.ts';
import { deleteManagementCertificate } from '../store/management-certificate-store.ts';
import { authorizeSubscription } from './subscription-access.ts';
import { certificateNotFound, thumbprintParameter } from './thumbprint-parameter.ts';
import { emptyResponse } from './xml-response.ts';

export function deleteCertificate(request: ApiRequest, env: EmulatorEnv, subscriptionId: string, thumbprintText: string): ApiResponse {
  const subscription = authorizeSubscription(request, env, subscriptionId, 'write');
  const thumbprint = thumbprintParameter(thumbprintText);
  if (!deleteManagementCertificate(env.db, subscription.id, thumbprint)) throw certificateNotFound(thumbprint, subscription.id);
  return emptyResponse();
}
