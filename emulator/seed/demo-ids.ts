/**
 * Every fixed value of the demo world, in one place: the tenant, its users and service principal, the
 * subscriptions, the API Management names. The identity directory, the seed, the tests, the e2e specs and
 * the bench import them from here; a config.json or a script written once keeps working. Plain constants,
 * no imports, so a browser-side spec or a child-process helper can read them too.
 */

/** The emulated Entra tenant. */
export const DEMO_TENANT_ID = '72f988bf-0000-4000-8000-0000000c0ffe';

/** The SPA's app registration (a public client: authorization code + PKCE, no secret). */
export const DEMO_APP_CLIENT_ID = '04b07795-0000-4000-8000-00000ce27a11';

export interface DemoUser {
  oid: string;
  username: string;
  upn: string;
  name: string;
  password: string;
  description: string;
}

/** alice, bob, carol: their passwords are shown on the sign-in page, because they are not secrets. */
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

/** For scripts: the client-credentials grant, like `az login --service-principal`. Owner of every demo subscription. */
export const DEMO_SERVICE_PRINCIPAL = {
  clientId: '5e7f0000-0000-4000-8000-0000000005b1',
  clientSecret: 'certportal-demo-secret',
  oid: '5e7f0000-0000-4000-8000-0000000005b2',
  name: 'certportal-demo-automation',
};

export const DEMO_SUBSCRIPTIONS = {
  production: { id: '0b1f6471-1bf0-4dda-aec3-cb9272f09590', name: 'Contoso Production' },
  development: { id: '2c4e8a10-5d3b-4f6e-9a7c-1e2d3f4a5b6c', name: 'Contoso Development' },
  legacy: { id: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a', name: 'Fabrikam Legacy (disabled)' },
} as const;

/** Fixed names of the API Management demo data. */
export const APIM_DEMO = {
  production: {
    subscriptionId: DEMO_SUBSCRIPTIONS.production.id,
    resourceGroup: 'rg-apim-prod',
    service: 'contoso-apim',
    partnerService: 'contoso-partners',
    /** The one user-assigned identity of contoso-apim. */
    userIdentityClientId: '6f1d0000-0000-4000-8000-0000000001d1',
  },
  development: {
    subscriptionId: DEMO_SUBSCRIPTIONS.development.id,
    resourceGroup: 'rg-apim-dev',
    service: 'contoso-apim-dev',
  },
  vault: 'contoso-prod-kv',
  devVault: 'contoso-dev-kv',
  /** Key Vault secrets: `gateway-cert` has two versions; `deleted-cert` is missing; `restricted-cert` is forbidden. */
  secrets: {
    gatewayOldVersion: '0a1b2c3d4e5f40718293a4b5c6d7e8f9',
    gatewayVersion: '1b2c3d4e5f6a41829304b5c6d7e8f9a0',
    paymentsVersion: '2c3d4e5f6a7b4293a415c6d7e8f9a0b1',
    restrictedVersion: '3d4e5f6a7b8c43a4b526d7e8f9a0b1c2',
    devVersion: '4e5f6a7b8c9d44b5c637e8f9a0b1c2d3',
  },
  /** Used by a policy, so DELETE answers 400 naming it. */
  certificateInUse: 'backend-mtls',
  policyUsingIt: 'Orders API: inbound policy (authentication-certificate)',
} as const;
