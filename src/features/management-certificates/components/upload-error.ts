import { AzureApiError, describeError, NetworkError } from '../../../lib/api-error';
import { isTransient } from '../../../lib/retry';
import { isNoAccess, noAccessText } from '../../../lib/access-error';
import { MANAGEMENT_CERTIFICATE_LIMIT } from '../api/management-certificates';

/** What went wrong with an upload, in the admin's terms, and whether trying again can help. */
export function explainUploadError(error: unknown, currentCount: number | undefined): { title: string; message: string; retry: boolean } {
  const retry = isTransient(error);
  if (error instanceof NetworkError) return { title: 'Network problem', message: error.message, retry };
  if (error instanceof AzureApiError) {
    if (error.status === 400 && /\b25\b|limit|maximum/i.test(error.message)) {
      const count = currentCount === undefined ? '' : ` It holds ${currentCount} now.`;
      return {
        title: `Limit of ${MANAGEMENT_CERTIFICATE_LIMIT} reached`,
        message: `A subscription can hold at most ${MANAGEMENT_CERTIFICATE_LIMIT} management certificates.${count} Delete one before uploading another. (${error.message})`,
        retry,
      };
    }
    if (error.status === 409)
      return { title: 'Already uploaded', message: `This certificate is already uploaded to this subscription. (${error.message})`, retry };
    if (error.status === 403 && error.code === 'SubscriptionDisabled') return { title: 'Subscription disabled', message: error.message, retry };
    if (isNoAccess(error)) return { ...noAccessText('write'), retry };
    if (retry) return { title: 'The service failed', message: describeError(error), retry };
    return { title: 'Upload refused', message: describeError(error), retry };
  }
  return { title: 'Upload failed', message: describeError(error), retry };
}
