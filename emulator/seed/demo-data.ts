import { getSetting, putSetting, type Db } from '../store/database.ts';
import { insertRoleAssignment } from '../store/role-assignment-store.ts';
import { insertSubscription } from '../store/subscription-store.ts';
import { DEMO_SERVICE_PRINCIPAL, DEMO_SUBSCRIPTIONS, DEMO_TENANT_ID, DEMO_USERS } from './demo-ids.ts';
import { seedApimDemo } from './apim-demo.ts';
import { seedApimCaDemo } from './apim-ca-demo.ts';
import { seedAsmDemo } from './asm-demo.ts';
import { seedTenantAccessDemo } from './tenant-access-demo.ts';

const [alice, bob] = DEMO_USERS;

/** Subscriptions and who may do what in them. Idempotent: seeds a database once. */
export function seedDirectory(db: Db): void {
  const { production, development, legacy } = DEMO_SUBSCRIPTIONS;
  db.transaction(() => {
    insertSubscription(db, { id: production.id, display_name: production.name, state: 'Enabled', tenant_id: DEMO_TENANT_ID });
    insertSubscription(db, { id: development.id, display_name: development.name, state: 'Enabled', tenant_id: DEMO_TENANT_ID });
    insertSubscription(db, { id: legacy.id, display_name: legacy.name, state: 'Disabled', tenant_id: DEMO_TENANT_ID });
    insertRoleAssignment(db, alice.oid, production.id, 'Owner');
    insertRoleAssignment(db, alice.oid, development.id, 'Owner');
    insertRoleAssignment(db, bob.oid, production.id, 'Reader');
    for (const s of [production, development, legacy]) insertRoleAssignment(db, DEMO_SERVICE_PRINCIPAL.oid, s.id, 'Owner');
  })();
}

export async function seedDemoData(db: Db): Promise<void> {
  seedDirectory(db);
  if (getSetting(db, 'seed.demo') !== 'done') {
    await seedApimDemo(db);
    await seedApimCaDemo(db);
    await seedAsmDemo(db);
    putSetting(db, 'seed.demo', 'done');
  }
  // Outside the once-only step, so a --location seeded before the direct management API existed gets it too.
  seedTenantAccessDemo(db);
}
