/**
 * The emulated Entra tenant: its id, the app registration the SPA signs in with, the demo users and the
 * demo service principal. Fixed ids, so that a config.json or a script written once keeps working.
 */
export const TENANT_ID = '72f988bf-0000-4000-8000-0000000c0ffe';

/** The SPA's app registration (a public client: authorization code + PKCE, no secret). */
export const APP_CLIENT_ID = '04b07795-0000-4000-8000-00000ce27a11';

export const ARM_AUDIENCE = 'https://management.azure.com/';
export const ASM_AUDIENCE = 'https://management.core.windows.net/';
export const ARM_SCOPE = 'https://management.azure.com/user_impersonation';
// Azure's own quirk: the Service Management resource ends in a slash, so its scope has two.
export const ASM_SCOPE = 'https://management.core.windows.net//user_impersonation';

export interface DemoUser {
  oid: string;
  username: string;
  upn: string;
  name: string;
  password: string;
  description: string;
}

export const DEMO_USERS: DemoUser[] = [
  {
    oid: '8a1f0000-0000-4000-8000-00000000a11c',
    username: 'alice',
    upn: 'alice@certportal.example',
    name: 'Alice Admin',
    password: 'alice-demo-password',
    description: 'Owner of two subscriptions',
  },
  {
    oid: '8a1f0000-0000-4000-8000-00000000b0b0',
    username: 'bob',
    upn: 'bob@certportal.example',
    name: 'Bob Reader',
    password: 'bob-demo-password',
    description: 'Reader of one subscription: may list, may not change',
  },
  {
    oid: '8a1f0000-0000-4000-8000-00000000c4a1',
    username: 'carol',
    upn: 'carol@certportal.example',
    name: 'Carol Nobody',
    password: 'carol-demo-password',
    description: 'No access to any subscription',
  },
];

/** For scripts: the client-credentials grant, like `az login --service-principal`. */
export const DEMO_SERVICE_PRINCIPAL = {
  clientId: '5e7f0000-0000-4000-8000-0000000005b1',
  clientSecret: 'certportal-demo-secret',
  oid: '5e7f0000-0000-4000-8000-0000000005b2',
  name: 'certportal-demo-automation',
};

export function findUser(usernameOrUpn: string): DemoUser | undefined {
  const wanted = usernameOrUpn.toLowerCase();
  return DEMO_USERS.find((u) => u.username === wanted || u.upn === wanted || u.oid === wanted);
}
