import { DEMO_APP_CLIENT_ID, DEMO_TENANT_ID, DEMO_USERS, type DemoUser } from '../seed/demo-ids.ts';

/**
 * The emulated Entra tenant as the identity code sees it: its id, the app registration the SPA signs in
 * with, the audiences and scopes it issues tokens for, and who may sign in. The fixed ids, users and
 * service principal are demo data and live in seed/demo-ids.ts with the rest of it.
 */
export const TENANT_ID = DEMO_TENANT_ID;
export const APP_CLIENT_ID = DEMO_APP_CLIENT_ID;
export { DEMO_SERVICE_PRINCIPAL, DEMO_USERS, type DemoUser } from '../seed/demo-ids.ts';

export const ARM_AUDIENCE = 'https://management.azure.com/';
export const ASM_AUDIENCE = 'https://management.core.windows.net/';
/** Azure Resource Manager takes tokens for its own resource and for Service Management's (the Azure CLI asks for the latter). */
export const ARM_AUDIENCES = [ARM_AUDIENCE, ASM_AUDIENCE] as const;
export const ARM_SCOPE = 'https://management.azure.com/user_impersonation';
// Azure's own quirk: the Service Management resource ends in a slash, so its scope has two.
export const ASM_SCOPE = 'https://management.core.windows.net//user_impersonation';

export function findUser(usernameOrUpn: string): DemoUser | undefined {
  const wanted = usernameOrUpn.toLowerCase();
  return DEMO_USERS.find((u) => u.username === wanted || u.upn === wanted || u.oid === wanted);
}
