import type { Db } from '../store/database.ts';
import { getSetting, putSetting } from '../store/database.ts';
import { DEMO_SERVICE_PRINCIPAL, DEMO_USERS, TENANT_ID } from '../identity/directory.ts';
import { DEMO_SUBSCRIPTIONS } from './demo-ids.ts';
import { seedApimDemo } from './apim-demo.ts';
import { seedAsmDemo } from './asm-demo.ts';

const [alice, bob] = DEMO_USERS;

/** Subscriptions and who may do what in them. Idempotent: seeds a database once. */
export function seedDirectory(db: Db): void {
  const { production, development, legacy } = DEMO_SUBSCRIPTIONS;
  db.transaction(() => {
    const sub = db.prepare('INSERT OR IGNORE INTO subscriptions (id, display_name, state, tenant_id) VALUES (?, ?, ?, ?)');
    sub.run(production.id, production.name, 'Enabled', TENANT_ID);
    sub.run(development.id, development.name, 'Enabled', TENANT_ID);
    sub.run(legacy.id, legacy.name, 'Disabled', TENANT_ID);
    const role = db.prepare('INSERT OR IGNORE INTO role_assignments (principal_id, subscription_id, role) VALUES (?, ?, ?)');
    role.run(alice.oid, production.id, 'Owner');
    role.run(alice.oid, development.id, 'Owner');
    role.run(bob.oid, production.id, 'Reader');
    for (const s of [production, development, legacy]) role.run(DEMO_SERVICE_PRINCIPAL.oid, s.id, 'Owner');
  })();
}

export async function seedDemoData(db: Db): Promise<void> {
  seedDirectory(db);
  if (getSetting(db, 'seed.demo') === 'done') return;
  await seedApimDemo(db);
  await seedAsmDemo(db);
  putSetting(db, 'seed.demo', 'done');
}
