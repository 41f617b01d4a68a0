import { asmErrors } from '../common/asm-error.ts';
import { canWrite } from '../common/roles.ts';
import { roleOn } from '../store/role-assignment-store.ts';
import { getSubscription, type SubscriptionRow } from '../store/subscription-store.ts';
import type { Authorizer } from '../common/service-definition.ts';
import { findManagementCertificate } from '../store/management-certificate-store.ts';

const CERTIFICATE_NOT_ASSOCIATED =
  'The server failed to authenticate the request. Verify that the certificate is valid and is associated with this subscription.';

/**
 * Who may touch a subscription's management certificates:
 * - a client certificate that is one of the subscription's management certificates (a co-administrator
 *   in Azure's terms: read and write);
 * - a bearer caller with an RBAC role on the subscription (Reader reads, Owner and Contributor write).
 *
 * An unknown subscription is 404 ResourceNotFound for a bearer caller (its token is valid in the tenant,
 * as ARM answers SubscriptionNotFound), but 403 ForbiddenError for a certificate, as Azure answered: a
 * certificate cannot belong to a subscription that does not exist, and it learns nothing more.
 */
export const authorizeSubscription: Authorizer = ({ request, env, caller, params, access }) => {
  const { subscriptionId } = params;
  const subscription = getSubscription(env.db, subscriptionId);

  if (caller.kind === 'client-certificate') {
    const thumbprint = request.clientCertificate?.thumbprint ?? caller.principalId;
    if (!subscription || !findManagementCertificate(env.db, subscription.id, thumbprint)) throw asmErrors.forbidden(CERTIFICATE_NOT_ASSOCIATED);
    assertActive(subscription);
    return subscription;
  }

  if (!subscription) throw asmErrors.resourceNotFound(`The subscription '${subscriptionId}' could not be found.`);
  const role = roleOn(env.db, caller.principalId, subscription.id);
  if (!role) {
    throw asmErrors.forbidden(`The caller '${caller.name}' (object id '${caller.principalId}') has no role on subscription '${subscription.id}'.`);
  }
  assertActive(subscription);
  if (access.need === 'write' && !canWrite(role)) {
    throw asmErrors.forbidden(
      `The caller '${caller.name}' has the ${role} role on subscription '${subscription.id}': adding or deleting management certificates needs Owner or Contributor.`,
    );
  }
  return subscription;
};

function assertActive(subscription: SubscriptionRow): void {
  if (subscription.state === 'Disabled' || subscription.state === 'Deleted') throw asmErrors.subscriptionDisabled(subscription.id);
}
