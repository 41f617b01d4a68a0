import type { ApiResponse } from '../common/api-types.ts';
import { authorizedSubscription, type OperationContext } from '../common/operation.ts';
import { asmErrors } from '../common/asm-error.ts';
import { checkCertificateUpload } from './certificate-upload-checks.ts';
import { addManagementCertificate, MANAGEMENT_CERTIFICATE_LIMIT } from '../store/management-certificate-store.ts';
import { parseAddCertificateBody } from './subscription-certificate-xml.ts';
import { emptyResponse } from './xml-response.ts';

export async function addCertificate(context: OperationContext): Promise<ApiResponse> {
  const { request, env } = context;
  const subscription = authorizedSubscription(context);
  const certificate = await checkCertificateUpload(parseAddCertificateBody(request.body));
  const outcome = addManagementCertificate(env.db, { subscriptionId: subscription.id, ...certificate, created: env.now().toISOString() });
  if (outcome.kind === 'duplicate') {
    throw asmErrors.conflict(`A management certificate with thumbprint ${certificate.thumbprint} already exists in subscription '${subscription.id}'.`);
  }
  if (outcome.kind === 'limit-reached') {
    throw asmErrors.badRequest(
      `The subscription '${subscription.id}' already has ${outcome.count} management certificates: the limit is ${MANAGEMENT_CERTIFICATE_LIMIT} per subscription. Delete one before adding another.`,
    );
  }
  return emptyResponse();
}
