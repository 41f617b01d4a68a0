import { armErrors } from '../../common/arm-error.ts';
import type { Role } from '../../common/roles.ts';
import { roleOn } from '../../store/role-assignment-store.ts';
import { getSubscription } from '../../store/subscription-store.ts';
import { json, type ArmOperation } from '../arm-context.ts';

const VERSIONS = ['2015-07-01', '2018-01-01-preview', '2022-04-01'];

/** The built-in roles' definitions, as Microsoft.Authorization publishes them (trimmed to what they allow). */
const ROLE_PERMISSIONS: Record<Role, { actions: string[]; notActions: string[] }> = {
  Owner: { actions: ['*'], notActions: [] },
  Contributor: {
    actions: ['*'],
    notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action'],
  },
  Reader: { actions: ['*/read'], notActions: [] },
};

/**
 * `GET /subscriptions/{id}/providers/Microsoft.Authorization/permissions`: what the caller may do there.
 * The portal asks it to grey out commands a reader cannot use, before any write is tried.
 */
export const listPermissions: ArmOperation = (context) => {
  const version = context.request.query.get('api-version');
  if (!version) throw armErrors.missingApiVersion();
  if (!VERSIONS.includes(version)) throw armErrors.invalidApiVersion(version, VERSIONS);
  const { subscriptionId } = context.params;
  const subscription = getSubscription(context.env.db, subscriptionId);
  if (!subscription) throw armErrors.subscriptionNotFound(subscriptionId);
  const role = roleOn(context.env.db, context.caller.principalId, subscription.id);
  if (!role) {
    throw armErrors.authorizationFailed(context.caller.principalId, 'Microsoft.Authorization/permissions/read', `/subscriptions/${subscription.id}`);
  }
  const granted = ROLE_PERMISSIONS[role];
  return json(200, { value: [{ actions: granted.actions, notActions: granted.notActions, dataActions: [], notDataActions: [] }] });
};
