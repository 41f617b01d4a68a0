import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startTestEmulator, type TestEmulator } from '../test-support/test-emulator.ts';
import type { ServiceCatalog } from '../server.ts';
import type { RouteEntry } from '../common/route-table.ts';
import type { Operation } from '../common/operation.ts';
import { ARM_AUDIENCE } from '../identity/directory.ts';
import { apiVersions } from '../arm/api-versions.ts';
import { validationError } from '../arm/apim-errors.ts';
import { json } from '../arm/arm-context.ts';
import { armService } from '../arm/arm-service.ts';
import { putSetting } from '../store/database.ts';
import { fuzz } from '../test-support/fuzz/fuzz-harness.ts';
import { commonHeaders, serviceRequests } from '../test-support/fuzz/fuzz-targets.ts';
import { fuzzFiles } from '../test-support/fuzz/fuzz-files.ts';
import { DEMO_SUBSCRIPTIONS } from '../seed/demo-ids.ts';

/** The fuzz suite can fail: against planted faults (a crash, a refusal that writes first) it reports them with its seed. */

let mode: 'crash' | 'write-then-refuse' = 'crash';
const trap: Operation = (context) => {
  if (mode === 'crash' && context.params.trapName.length > 3) throw new Error('planted crash');
  if (mode === 'write-then-refuse') {
    putSetting(context.env.db, `trap.${Date.now()}.${Math.random()}`, 'written');
    throw validationError('trapName', 'planted refusal after a write');
  }
  return json(200, { ok: true });
};
const trapRoute: RouteEntry = {
  method: 'GET',
  path: '/subscriptions/{subscriptionId}/providers/Microsoft.ApiManagement/traps/{trapName}',
  operation: trap,
  versions: apiVersions('apiManagement', 'traps'),
  access: { need: 'read', action: 'Microsoft.ApiManagement/traps/read', scope: '/subscriptions/{subscriptionId}' },
};
const trapped: ServiceCatalog = ({ bearer }) => [armService(bearer(ARM_AUDIENCE), [trapRoute])];

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({}, trapped);
});
afterAll(() => emulator.close());

const runTrap = async () => {
  const alice = `Bearer ${await emulator.token('alice')}`;
  const requests = serviceRequests(
    { prefix: '/arm', routes: [trapRoute], versions: ['2024-05-01'], authorizations: [alice], extraHeaders: commonHeaders, files: fuzzFiles() },
    { subscriptionId: [DEMO_SUBSCRIPTIONS.production.id], trapName: ['ok'] },
  );
  return fuzz(
    { name: `planted ${mode}`, db: emulator.db, origin: emulator.url.replace(/\/$/, ''), ca: readFileSync(emulator.caPath), runs: 300, seconds: 10 },
    requests,
  );
};

describe('the fuzz harness reports what it is there to find', () => {
  it('a 500', { timeout: 60_000 }, async () => {
    mode = 'crash';
    await expect(runTrap()).rejects.toThrow(/answered 500/);
  });

  it('a refused request that changed the store', { timeout: 60_000 }, async () => {
    mode = 'write-then-refuse';
    await expect(runTrap()).rejects.toThrow(/answered 400 but changed the store/);
  });
});
