import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../../test-support/test-emulator.ts';
import { DEMO_SUBSCRIPTIONS } from '../../seed/demo-ids.ts';

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());

const path = `/subscriptions/${DEMO_SUBSCRIPTIONS.production.id}/providers/Microsoft.Authorization/permissions?api-version=2022-04-01`;

describe('Microsoft.Authorization/permissions', () => {
  it('an owner may do anything', async () => {
    const response = await emulator.arm(path, { user: 'alice' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ value: [{ actions: ['*'], notActions: [], dataActions: [], notDataActions: [] }] });
  });
  it('a reader may only read', async () => {
    const response = await emulator.arm(path, { user: 'bob' });
    expect(((await response.json()) as { value: Array<{ actions: string[] }> }).value[0].actions).toEqual(['*/read']);
  });
  it('no role: 403 AuthorizationFailed', async () => {
    const response = await emulator.arm(path, { user: 'carol' });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('AuthorizationFailed');
  });
});
