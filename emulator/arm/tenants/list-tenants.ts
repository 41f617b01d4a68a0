import { json, type ArmOperation } from '../arm-context.ts';
import { TENANT_ID } from '../../identity/directory.ts';

/** `GET /tenants`: the caller's tenants. The emulator has one; the Azure CLI lists them after a user signs in. */
export const listTenants: ArmOperation = () =>
  json(200, {
    value: [
      {
        id: `/tenants/${TENANT_ID}`,
        tenantId: TENANT_ID,
        tenantCategory: 'Home',
        country: 'US',
        countryCode: 'US',
        displayName: 'certportal emulator',
        domains: ['certportal.example'],
        defaultDomain: 'certportal.example',
        tenantType: 'AAD',
      },
    ],
  });
