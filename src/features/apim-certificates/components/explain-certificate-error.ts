import { AzureApiError, describeError, NetworkError } from '../../../lib/api-error';
import { isTransient } from '../../../lib/retry';
import { isNoAccess, noAccessText } from '../../../lib/access-error';

export interface ExplainedError {
  title: string;
  message: string;
  /** Each policy or backend that still uses the certificate, as the service names them. */
  usedBy: string[];
  retry: boolean;
}

/** What went wrong with a write, in the admin's terms, and whether trying again can help. */
export function explainCertificateError(error: unknown, action: 'save' | 'delete' | 'refresh'): ExplainedError {
  const base = { usedBy: [] as string[], retry: isTransient(error) };
  if (error instanceof NetworkError) return { ...base, title: 'Network problem', message: error.message };
  if (error instanceof AzureApiError) {
    if (error.code === 'CertificateInUse' || (action === 'delete' && error.status === 400 && /\bused by\b/i.test(error.message))) {
      const usedBy = (error.details ?? []).map((d) => d.message.replace(/^Used by /, '').replace(/\.$/, ''));
      return { ...base, title: 'This certificate is in use', message: error.message, usedBy };
    }
    if (error.status === 412) return { ...base, title: 'Changed by someone else', message: error.message };
    if (error.status === 409 && action === 'save') return { ...base, title: 'This id is taken', message: error.message };
    if (isNoAccess(error)) return { ...base, ...noAccessText('write') };
    if (error.status === 404) return { ...base, title: 'Not found', message: error.message };
    if (isTransient(error)) return { ...base, title: 'The service failed', message: describeError(error) };
    const what = action === 'save' ? 'Save refused' : action === 'delete' ? 'Delete refused' : 'Refresh refused';
    return { ...base, title: what, message: error.target ? `${error.message} (${error.target})` : error.message };
  }
  return { ...base, title: 'Something went wrong', message: describeError(error) };
}
