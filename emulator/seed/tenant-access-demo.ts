import { ACCESS_IDENTIFIER, newAccessKey } from '../common/shared-access-signature.ts';
import { getService, type ServiceKey } from '../store/apim-service-store.ts';
import { ensureTenantAccess } from '../store/apim-tenant-access-store.ts';
import type { Db } from '../store/database.ts';
import { APIM_DEMO } from './demo-ids.ts';

const prod = APIM_DEMO.production;

/** contoso-apim has its direct management API on, contoso-partners off. Keys are random: they are secrets even here. */
export const DIRECT_API_DEMO = { enabled: prod.service, disabled: prod.partnerService } as const;

/** Idempotent: a service that already has its access row (a key regenerated, the switch turned) keeps it. */
export function seedTenantAccessDemo(db: Db): void {
  for (const [serviceName, enabled] of [
    [DIRECT_API_DEMO.enabled, true],
    [DIRECT_API_DEMO.disabled, false],
  ] as const) {
    const key: ServiceKey = { subscriptionId: prod.subscriptionId, resourceGroup: prod.resourceGroup, serviceName };
    if (!getService(db, key)) continue;
    ensureTenantAccess(db, key, { identifier: ACCESS_IDENTIFIER, primaryKey: newAccessKey(), secondaryKey: newAccessKey(), enabled });
  }
}
