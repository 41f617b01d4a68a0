import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { startTestEmulator, type TestEmulator } from '../test-support/test-emulator.ts';
import { describe, fuzz, type FuzzRequest, type Reply } from '../test-support/fuzz/fuzz-harness.ts';
import { commonHeaders, knownParameters, serviceRequests } from '../test-support/fuzz/fuzz-targets.ts';
import { body, headerText, hostileText } from '../test-support/fuzz/fuzz-arbitraries.ts';
import { fuzzFiles } from '../test-support/fuzz/fuzz-files.ts';
import { directRoutes, LEGACY_API_VERSIONS } from '../apim-direct/direct-routes.ts';
import { APIM_DEMO, DEMO_SERVICE_PRINCIPAL, DEMO_TENANT_ID, DEMO_USERS } from '../seed/demo-ids.ts';
import { inAnHour, namedToken, shortToken } from '../apim-direct/__tests__/direct-fixtures.ts';

/**
 * Issue 13: generated and mutated requests at the legacy direct management API (SharedAccessSignature) and at the
 * identity provider's endpoints (token, authorize, interaction, end-session, AD FS token).
 */

let emulator: TestEmulator;
let files: { pfx: Buffer; der: Buffer };
beforeAll(async () => {
  emulator = await startTestEmulator({ seedDemo: true, provisioningDelayMs: 0 });
  files = fuzzFiles();
});
afterAll(() => emulator.close());

const run = (name: string, seconds: number, check: (request: FuzzRequest, reply: Reply) => void) => ({
  name,
  db: emulator.db,
  origin: emulator.url.replace(/\/$/, ''),
  ca: readFileSync(emulator.caPath),
  runs: 3000,
  seconds,
  check,
});

/** Both answer errors as JSON with an error code (the legacy API `{ error: { code } }`, OAuth `{ error: "invalid_…" }`). */
function jsonError(request: FuzzRequest, reply: Reply): unknown {
  expect(reply.contentType, describe(request)).toMatch(/^application\/json/);
  return (JSON.parse(reply.body) as { error?: unknown }).error;
}

it('legacy direct API: no 5xx, no stored change from a refused request, /healthz answers meanwhile', { timeout: 120_000 }, async () => {
  const { subscriptionId, resourceGroup, service } = APIM_DEMO.production;
  const secrets = await emulator.arm(
    `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service/${service}/tenant/access/listSecrets?api-version=2024-05-01`,
    { method: 'POST' },
  );
  const { primaryKey } = (await secrets.json()) as { primaryKey: string };
  const valid = namedToken(primaryKey, 'integration', inAnHour());
  const authorizations = [
    valid,
    valid,
    valid,
    shortToken(primaryKey, 'integration', inAnHour()),
    namedToken(primaryKey, 'integration', new Date(Date.now() - 60_000)),
    namedToken('wrong-key', 'integration', inAnHour()),
    undefined,
  ];
  const requests = serviceRequests(
    { prefix: '/apim-direct', routes: directRoutes, versions: LEGACY_API_VERSIONS, authorizations, extraHeaders: commonHeaders, files },
    knownParameters(emulator),
  );
  const sent = await fuzz(
    run('legacy direct API', 10, (request, reply) => {
      if (reply.status < 400 || reply.status === 431 || request.method === 'HEAD') return;
      if (!new URL(request.path, 'https://localhost').pathname.startsWith('/apim-direct/')) return;
      expect(jsonError(request, reply), describe(request)).toMatchObject({ code: expect.any(String) });
    }),
    requests,
  );
  expect(sent).toBeGreaterThan(30);
});

it('identity provider: no 5xx, OAuth errors at the token endpoints, /healthz answers meanwhile', { timeout: 120_000 }, async () => {
  const alice = DEMO_USERS[0];
  const prefix = `/${DEMO_TENANT_ID}/v2.0`;
  const field = (known: readonly string[]) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 2, arbitrary: hostileText });
  const form = fc.record(
    {
      grant_type: field(['client_credentials', 'password', 'authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code']),
      client_id: field([DEMO_SERVICE_PRINCIPAL.clientId, '04b07795-0000-4000-8000-00000ce27a11']),
      client_secret: field([DEMO_SERVICE_PRINCIPAL.clientSecret]),
      scope: field(['https://management.azure.com/.default', 'https://management.core.windows.net//.default', 'openid profile offline_access']),
      resource: field(['https://management.azure.com/', 'https://management.core.windows.net/']),
      username: field([alice.upn]),
      password: field([alice.password]),
      code: hostileText,
      refresh_token: hostileText,
      code_verifier: hostileText,
      redirect_uri: field([emulator.url]),
    },
    { requiredKeys: [] },
  );
  const tokenPost = fc
    .tuple(
      fc.constantFrom(`${prefix}/token`, '/adfs/oauth2/token', `${prefix}/token/revocation`),
      form,
      fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'text/plain', undefined),
    )
    .map(([path, fields, type]): FuzzRequest => {
      const text = type === 'application/json' ? JSON.stringify(fields) : new URLSearchParams(fields as Record<string, string>).toString();
      return { method: 'POST', path, headers: type ? { 'Content-Type': type } : {}, body: Buffer.from(text) };
    });
  const pages = fc
    .tuple(
      fc.constantFrom(
        '/auth',
        '/session/end',
        '/session/end/confirm',
        '/interaction/',
        '/jwks',
        '/.well-known/openid-configuration',
        '/me',
        '/token/introspection',
        '/nope',
      ),
      hostileText,
      fc.dictionary(hostileText, hostileText, { maxKeys: 6 }),
      fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'),
      body(files.pfx, files.der, 'https://x.vault.azure.net/secrets/y'),
      fc.record({ Cookie: headerText, Origin: fc.constantFrom('https://evil.example', 'null'), Authorization: headerText }, { requiredKeys: [] }),
    )
    .map(([page, suffix, query, method, b, headers]): FuzzRequest => {
      const path = `${prefix}${page}${page.endsWith('/') ? encodeURIComponent(suffix) : ''}?${new URLSearchParams(query)}`;
      return {
        method,
        path,
        headers: { ...headers, ...(b.contentType ? { 'Content-Type': b.contentType } : {}) },
        body: method === 'GET' ? undefined : b.bytes,
      };
    });
  const sent = await fuzz(
    run('identity provider', 10, (request, reply) => {
      if (reply.status < 400 || reply.status === 431 || !/\/token(\/revocation)?$/.test(request.path)) return;
      expect(jsonError(request, reply), describe(request)).toEqual(expect.any(String));
    }),
    fc.oneof(tokenPost, pages),
  );
  expect(sent).toBeGreaterThan(30);
});
