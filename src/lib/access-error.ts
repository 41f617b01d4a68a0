import { AzureApiError } from './api-error';

/** The roles that may read, and those that may change, what a subscription holds (Azure's built-in roles). */
export const READ_ROLES = 'Reader, Contributor or Owner';
export const WRITE_ROLES = 'Owner or Contributor';

/**
 * Whether the service refused the signed-in admin (not the request): a 403 for a role they lack, or the 404 a
 * token caller gets for a subscription it has no role on. The service's own text names object ids and scopes,
 * which the page folds away behind a plain sentence.
 */
export function isNoAccess(error: unknown): boolean {
  if (!(error instanceof AzureApiError)) return false;
  if (error.status === 403) return error.code !== 'SubscriptionDisabled';
  return error.status === 404 && /^(SubscriptionNotFound|ResourceNotFound)$/.test(error.code) && /subscription/i.test(error.message);
}

/** What the admin is told when they lack the role, for reading or for changing. */
export function noAccessText(action: 'read' | 'write'): { title: string; message: string } {
  return action === 'read'
    ? { title: "You don't have access", message: `You don't have access to this. Reading it needs the ${READ_ROLES} role on the subscription.` }
    : { title: "You don't have access", message: `You don't have access to change this: it needs the ${WRITE_ROLES} role on the subscription.` };
}
