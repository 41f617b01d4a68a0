import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../test-support/test-emulator.ts';
import type { ServiceCatalog } from '../server.ts';
import type { RouteEntry } from '../common/route-table.ts';
import { authorizedSubscription, type Operation } from '../common/operation.ts';
import { ARM_AUDIENCE, ASM_AUDIENCE, DEMO_USERS, TENANT_ID } from '../identity/directory.ts';
import { DEMO_SUBSCRIPTIONS } from '../seed/demo-ids.ts';
import { apiVersions } from '../arm/api-versions.ts';
import { validationError } from '../arm/apim-errors.ts';
import { json } from '../arm/arm-context.ts';
import { armRoutes } from '../arm/arm-routes.ts';
import { armService } from '../arm/arm-service.ts';
import { asmRoutes } from '../asm/asm-routes.ts';
import { asmService } from '../asm/asm-service.ts';
import { asmVersions } from '../asm/version-header.ts';
import { xmlResponse } from '../asm/xml-response.ts';

/**
 * A new operation goes in the way the README says: one operation function and one route entry, added to a
 * service's route table. Nothing else is written for it, yet the pipeline authenticates, checks the version,
 * authorizes and words every error in the service's format before the operation runs, or instead of it.
 */

const calls: string[] = [];

/** The operation: data in, data out; no version, role or token check of its own. */
const putWidget: Operation = (context) => {
  calls.push(context.params.widgetName);
  const body = JSON.parse(context.request.body.toString('utf8') || '{}') as { color?: string; crash?: boolean };
  if (body.crash) throw new Error('the widget factory is on fire');
  if (body.color === undefined) throw validationError('properties.color', 'A widget needs a color.');
  const { id } = authorizedSubscription(context);
  return json(201, { id: `/subscriptions/${id}/providers/Microsoft.ApiManagement/widgets/${context.params.widgetName}`, properties: { color: body.color } });
};

/** Its route entry. */
const widgetRoute: RouteEntry = {
  method: 'PUT',
  path: '/subscriptions/{subscriptionId}/providers/Microsoft.ApiManagement/widgets/{widgetName}',
  operation: putWidget,
  versions: apiVersions('apiManagement', 'widgets'),
  access: {
    need: 'write',
    action: 'Microsoft.ApiManagement/widgets/write',
    scope: '/subscriptions/{subscriptionId}/providers/Microsoft.ApiManagement/widgets/{widgetName}',
  },
};

/** The same shape on Service Management: a read, so a Reader may call it. */
const listGadgets: Operation = (context) => xmlResponse(`<Gadgets SubscriptionId="${authorizedSubscription(context).id}"/>`);
const gadgetRoute: RouteEntry = {
  method: 'GET',
  path: '/{subscriptionId}/gadgets',
  operation: listGadgets,
  versions: asmVersions,
  access: { need: 'read', action: 'List Gadgets', scope: '/{subscriptionId}/gadgets' },
};

const withNewOperations: ServiceCatalog = ({ bearer }) => [
  armService(bearer(ARM_AUDIENCE), [...armRoutes, widgetRoute]),
  asmService(bearer(ASM_AUDIENCE), TENANT_ID, [...asmRoutes, gadgetRoute]),
];

const logs: string[] = [];
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ log: (line) => logs.push(line) }, withNewOperations);
});
afterAll(() => emulator.close());

const production = DEMO_SUBSCRIPTIONS.production.id;
const widget = (name: string, query = 'api-version=2024-05-01') => `/subscriptions/${production}/providers/Microsoft.ApiManagement/widgets/${name}?${query}`;
const put = (path: string, body: unknown, init: { user?: 'alice' | 'bob' | 'carol'; headers?: Record<string, string> } = {}) =>
  emulator.arm(path, { method: 'PUT', user: init.user, headers: { 'Content-Type': 'application/json', ...init.headers }, body: JSON.stringify(body) });

async function armError(response: Response): Promise<{ status: number; code: string; message: string; target?: string }> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  const { error } = (await response.json()) as { error: { code: string; message: string; target?: string } };
  return { status: response.status, ...error };
}

describe('an ARM operation added with one route entry', () => {
  it('runs for an owner, with its path parameters, the authorized subscription and the body', async () => {
    const response = await put(widget('blue-one'), { color: 'blue' });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      id: `/subscriptions/${production}/providers/Microsoft.ApiManagement/widgets/blue-one`,
      properties: { color: 'blue' },
    });
    expect(calls).toContain('blue-one');
  });

  it('is authenticated first: no token or a token for another audience is 401 with the bearer challenge, and the operation never runs', async () => {
    for (const authorization of ['', `Bearer ${await emulator.token('alice', 'asm')}`]) {
      const response = await put(widget('no-token'), { color: 'red' }, { headers: { Authorization: authorization } });
      expect(await armError(response)).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer authorization_uri=".*", .*resource_id="https:\/\/management\.azure\.com\/"$/);
    }
    expect(calls).not.toContain('no-token');
  });

  it("checks the route's api-versions: missing, malformed and unregistered versions are ARM's errors", async () => {
    expect(await armError(await put(widget('versionless', ''), { color: 'red' }))).toMatchObject({ status: 400, code: 'MissingApiVersionParameter' });
    expect(await armError(await put(widget('banana', 'api-version=banana'), { color: 'red' }))).toMatchObject({
      status: 400,
      code: 'InvalidApiVersionParameter',
    });
    expect(await armError(await put(widget('future', 'api-version=2099-01-01'), { color: 'red' }))).toMatchObject({
      status: 400,
      code: 'NoRegisteredProviderFound',
      message: expect.stringContaining("for type 'widgets'"),
    });
    for (const name of ['versionless', 'banana', 'future']) expect(calls).not.toContain(name);
  });

  it('authorizes with the action and scope the entry declares: a Reader may not write, nor a caller with no role, nor anyone on a disabled subscription', async () => {
    const refused = await armError(await put(widget('by-bob'), { color: 'red' }, { user: 'bob' }));
    expect(refused).toMatchObject({ status: 403, code: 'AuthorizationFailed' });
    expect(refused.message).toContain(
      `perform action 'Microsoft.ApiManagement/widgets/write' over scope '/subscriptions/${production}/providers/Microsoft.ApiManagement/widgets/by-bob'`,
    );
    expect(await armError(await put(widget('by-carol'), { color: 'red' }, { user: 'carol' }))).toMatchObject({ status: 403, code: 'AuthorizationFailed' });
    expect(await armError(await put(`/subscriptions/not-a-guid/providers/Microsoft.ApiManagement/widgets/x?api-version=2024-05-01`, {}))).toMatchObject({
      status: 400,
      code: 'InvalidSubscriptionId',
    });
    const legacy = DEMO_SUBSCRIPTIONS.legacy.id;
    emulator.db.prepare("INSERT OR IGNORE INTO role_assignments (principal_id, subscription_id, role) VALUES (?, ?, 'Owner')").run(DEMO_USERS[0].oid, legacy);
    const disabled = `/subscriptions/${legacy}/providers/Microsoft.ApiManagement/widgets/x?api-version=2024-05-01`;
    expect(await armError(await put(disabled, { color: 'red' }))).toMatchObject({ status: 409, code: 'ReadOnlyDisabledSubscription' });
    for (const name of ['by-bob', 'by-carol', 'x']) expect(calls).not.toContain(name);
  });

  it("serializes the operation's own errors as ARM JSON, and anything unexpected as a logged 500", async () => {
    expect(await armError(await put(widget('colorless'), {}))).toMatchObject({ status: 400, code: 'ValidationError', target: 'properties.color' });
    const crashed = await put(widget('crashing'), { crash: true });
    expect(await armError(crashed)).toMatchObject({ status: 500, code: 'InternalServerError' });
    expect(logs.some((line) => line.includes('internal error') && line.includes('the widget factory is on fire'))).toBe(true);
  });

  it('answers a method the route table lacks for that path with 405, after authentication', async () => {
    expect(await armError(await emulator.arm(widget('get-me')))).toMatchObject({ status: 405, code: 'MethodNotAllowed' });
    expect(calls).not.toContain('get-me');
  });

  it('leaves the routes beside it as they were', async () => {
    expect((await emulator.arm('/subscriptions?api-version=2022-12-01')).status).toBe(200);
  });
});

describe('a Service Management operation added the same way', () => {
  const gadgets = `/${production}/gadgets`;
  const code = async (response: Response) => {
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    return { status: response.status, code: /<Code>([^<]*)<\/Code>/.exec(await response.text())?.[1] };
  };

  it('runs for a Reader (a read), with the x-ms-version Service Management requires', async () => {
    const response = await emulator.asm(gadgets, { user: 'bob' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(`<Gadgets SubscriptionId="${production}"/>`);
  });

  it('answers 401 before the version, the version before the role, in XML', async () => {
    const noToken = await emulator.asm(gadgets, { headers: { Authorization: '', 'x-ms-version': 'nonsense' } });
    expect(await code(noToken)).toEqual({ status: 401, code: 'AuthenticationFailed' });
    expect(noToken.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(await code(await emulator.asm(gadgets, { user: 'carol', headers: { 'x-ms-version': '2011-01-01' } }))).toEqual({
      status: 400,
      code: 'MissingOrIncorrectVersionHeader',
    });
    expect(await code(await emulator.asm(gadgets, { user: 'carol' }))).toEqual({ status: 403, code: 'ForbiddenError' });
  });
});
