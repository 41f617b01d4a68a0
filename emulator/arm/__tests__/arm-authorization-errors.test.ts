import { describe, expect, it } from 'vitest';
import { APIM_DEMO, DEMO_SUBSCRIPTIONS, DEMO_USERS } from '../../seed/demo-ids.ts';
import {
  api,
  certificates,
  emulator,
  expectError,
  goodPfx,
  put,
  resourceGroup,
  service,
  subscriptionId,
  setUpArmErrorsEmulator,
  type User,
} from './arm-error-fixtures.ts';

setUpArmErrorsEmulator();

describe('subscriptions and authorization', () => {
  it('lists only the subscriptions the caller holds a role on', async () => {
    const names = async (user: User) => {
      const response = await emulator.arm('/subscriptions?api-version=2022-12-01', { user });
      expect(response.status).toBe(200);
      return ((await response.json()) as { value: Array<{ subscriptionId: string }> }).value.map((s) => s.subscriptionId).sort();
    };
    expect(await names('alice')).toEqual([DEMO_SUBSCRIPTIONS.production.id, DEMO_SUBSCRIPTIONS.development.id].sort());
    expect(await names('bob')).toEqual([DEMO_SUBSCRIPTIONS.production.id]);
    expect(await names('carol')).toEqual([]);
  });

  it('403 AuthorizationFailed on a subscription the caller has no role on', async () => {
    await expectError(
      await emulator.arm(`/subscriptions/${DEMO_SUBSCRIPTIONS.legacy.id}?api-version=2022-12-01`),
      403,
      'AuthorizationFailed',
      /does not have authorization to perform action 'Microsoft.Resources\/subscriptions\/read'/,
    );
    const error = await expectError(await emulator.arm(`${certificates}?${api}`, { user: 'carol' }), 403, 'AuthorizationFailed');
    expect(error.message).toContain(DEMO_USERS[2].oid);
    expect(error.message).toContain(`over scope '${certificates}'`);
    await expectError(
      await emulator.arm(`/subscriptions/${subscriptionId}/resourcegroups?api-version=2021-04-01`, { user: 'carol' }),
      403,
      'AuthorizationFailed',
    );
  });

  it('403 AuthorizationFailed when a Reader writes; reading is fine', async () => {
    expect((await emulator.arm(`${certificates}?${api}`, { user: 'bob' })).status).toBe(200);
    await expectError(
      await put(`${certificates}/by-bob?${api}`, { properties: { data: goodPfx, password: 'pw' } }, {}, 'bob'),
      403,
      'AuthorizationFailed',
      /service\/certificates\/write/,
    );
    await expectError(
      await emulator.arm(`${certificates}/kv-gateway?${api}`, { method: 'DELETE', user: 'bob', headers: { 'If-Match': '*' } }),
      403,
      'AuthorizationFailed',
      /certificates\/delete/,
    );
    await expectError(
      await emulator.arm(`${certificates}/kv-gateway/refreshSecret?${api}`, { method: 'POST', user: 'bob' }),
      403,
      'AuthorizationFailed',
      /refreshSecret\/action/,
    );
  });

  it('a disabled subscription is read-only', async () => {
    const legacy = DEMO_SUBSCRIPTIONS.legacy.id;
    emulator.db.prepare("INSERT OR IGNORE INTO role_assignments (principal_id, subscription_id, role) VALUES (?, ?, 'Owner')").run(DEMO_USERS[0].oid, legacy);
    expect((await emulator.arm(`/subscriptions/${legacy}?api-version=2022-12-01`)).status).toBe(200);
    await expectError(
      await put(`/subscriptions/${legacy}/resourceGroups/rg/providers/Microsoft.ApiManagement/service/svc/certificates/x?${api}`, {}),
      409,
      'ReadOnlyDisabledSubscription',
    );
  });

  it('GET one subscription, resource groups and services', async () => {
    const one = await emulator.arm(`/subscriptions/${subscriptionId}?api-version=2022-12-01`);
    expect(await one.json()).toMatchObject({
      id: `/subscriptions/${subscriptionId}`,
      subscriptionId,
      displayName: DEMO_SUBSCRIPTIONS.production.name,
      state: 'Enabled',
    });
    const groups = (await (await emulator.arm(`/subscriptions/${subscriptionId}/resourcegroups?api-version=2021-04-01`)).json()) as {
      value: Array<{ name: string }>;
    };
    expect(groups.value.map((g) => g.name)).toContain(resourceGroup);
    const inGroup = (await (
      await emulator.arm(`/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service?${api}`)
    ).json()) as {
      value: Array<{ name: string; sku: { name: string }; properties: { provisioningState: string } }>;
    };
    expect(inGroup.value.map((s) => s.name).sort()).toEqual([APIM_DEMO.production.partnerService, service].sort());
    expect(inGroup.value[0].properties.provisioningState).toBe('Succeeded');
    const dev = (await (
      await emulator.arm(`/subscriptions/${APIM_DEMO.development.subscriptionId}/providers/Microsoft.ApiManagement/service?${api}`)
    ).json()) as { value: Array<{ name: string }> };
    expect(dev.value.map((s) => s.name)).toEqual([APIM_DEMO.development.service]);
  });
});
