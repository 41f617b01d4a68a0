import { authorizedSubscription } from '../../common/operation.ts';
import type { Role } from '../../common/roles.ts';
import { roleOn } from '../../store/role-assignment-store.ts';
import { json, type ArmOperation } from '../arm-context.ts';

interface Permissions {
  actions: string[];
  notActions: string[];
}

/** The built-in roles' definitions, as Microsoft.Authorization publishes them (trimmed to what they allow). */
const ROLE_PERMISSIONS: Record<Role, Permissions> = {
  Owner: { actions: ['*'], notActions: [] },
  Contributor: {
    actions: ['*'],
    notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action'],
  },
  Reader: { actions: ['*/read'], notActions: [] },
};

const NO_PERMISSIONS: Permissions = { actions: [], notActions: [] };

/**
 * `GET /subscriptions/{id}/providers/Microsoft.Authorization/permissions`: what the caller may do there.
 * The portal asks it to grey out commands a reader cannot use, before any write is tried. The pipeline has
 * refused a caller with no role on the subscription already.
 */
export const listPermissions: ArmOperation = (context) => {
  const subscription = authorizedSubscription(context);
  const role = roleOn(context.env.db, context.caller.principalId, subscription.id);
  const granted = role ? ROLE_PERMISSIONS[role] : NO_PERMISSIONS;
  return json(200, { value: [{ actions: granted.actions, notActions: granted.notActions, dataActions: [], notDataActions: [] }] });
};
