import { describe, expect, it } from 'vitest';
import { api, certificates, emulator, expectError, resourceGroup, service, serviceBase, subscriptionId, setUpArmErrorsEmulator } from './arm-error-fixtures.ts';

setUpArmErrorsEmulator();

describe('api-version and path validation', () => {
  it('api-version is required and checked', async () => {
    await expectError(await emulator.arm('/subscriptions'), 400, 'MissingApiVersionParameter', /api-version query parameter/);
    await expectError(await emulator.arm(`${certificates}/kv-gateway`), 400, 'MissingApiVersionParameter');
    await expectError(await emulator.arm('/subscriptions?api-version=banana'), 400, 'InvalidApiVersionParameter', /'banana' is invalid.*2022-12-01/);
    await expectError(await emulator.arm(`${certificates}?api-version=2099-01-01`), 400, 'NoRegisteredProviderFound', /'2099-01-01'.*2024-05-01/);
    await expectError(await emulator.arm(`${certificates}?api-version=not-a-date`), 400, 'InvalidApiVersionParameter');
    for (const older of ['2022-08-01', '2023-05-01-preview']) expect((await emulator.arm(`${certificates}?api-version=${older}`)).status).toBe(200);
  });

  it('subscription ids are UUIDs, and must exist', async () => {
    await expectError(
      await emulator.arm(`/subscriptions/not-a-guid/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service/${service}/certificates?${api}`),
      400,
      'InvalidSubscriptionId',
    );
    await expectError(await emulator.arm(`/subscriptions/11111111-2222-4333-8444-555555555555?api-version=2022-12-01`), 404, 'SubscriptionNotFound');
  });

  it('resource group, service name and certificate id follow the spec', async () => {
    const groupError = await expectError(
      await emulator.arm(`/subscriptions/${subscriptionId}/resourceGroups/bad*group/providers/Microsoft.ApiManagement/service/${service}/certificates?${api}`),
      400,
      'ValidationError',
    );
    expect(groupError.target).toBe('resourceGroupName');
    for (const bad of ['-starts-with-hyphen', 'ends-with-hyphen-', 'has_underscore', 'a'.repeat(51)]) {
      const error = await expectError(
        await emulator.arm(
          `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service/${bad}/certificates?${api}`,
        ),
        400,
        'ValidationError',
      );
      expect(error.target).toBe('serviceName');
    }
    for (const [bad, why] of [
      ['a'.repeat(81), /1 to 80 characters/],
      ['has:colon', /contains ':'/],
      ['star*', /contains '\*'/],
      ['amp&', /contains '&'/],
      ['plus+', /contains '\+'/],
      ['lt<', /contains '<'/],
    ] as const) {
      const error = await expectError(await emulator.arm(`${certificates}/${encodeURIComponent(bad)}?${api}`), 400, 'ValidationError', why);
      expect(error).toMatchObject({ target: 'certificateId', details: [{ code: 'ValidationError', target: 'certificateId' }] });
    }
    expect((await emulator.arm(`${certificates}/${'a'.repeat(80)}?${api}`)).status).toBe(404);
  });

  it('404 for what does not exist; HEAD has no body', async () => {
    await expectError(
      await emulator.arm(`/subscriptions/${subscriptionId}/resourceGroups/rg-nope/providers/Microsoft.ApiManagement/service/${service}/certificates?${api}`),
      404,
      'ResourceGroupNotFound',
      /rg-nope/,
    );
    await expectError(
      await emulator.arm(`/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service/nope/certificates?${api}`),
      404,
      'ResourceNotFound',
      /service\/nope/,
    );
    await expectError(await emulator.arm(`${certificates}/nope?${api}`), 404, 'ResourceNotFound', /Certificate 'nope' was not found/);
    const head = await emulator.arm(`${certificates}/nope?${api}`, { method: 'HEAD' });
    expect(head.status).toBe(404);
    expect(await head.text()).toBe('');
    await expectError(await emulator.arm(`${serviceBase}/apis?${api}`), 404, 'InvalidResourceType');
    await expectError(await emulator.arm(`${certificates}?${api}`, { method: 'DELETE' }), 405, 'MethodNotAllowed');
  });
});
