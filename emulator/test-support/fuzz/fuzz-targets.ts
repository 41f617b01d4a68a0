import fc from 'fast-check';
import type { RouteEntry } from '../../common/route-table.ts';
import type { TestEmulator } from '../test-emulator.ts';
import { APIM_DEMO, DEMO_SUBSCRIPTIONS } from '../../seed/demo-ids.ts';
import { body, headerText, hostileText, queryString, routePath } from './fuzz-arbitraries.ts';
import type { FuzzRequest } from './fuzz-harness.ts';

/** Valid values for each path parameter, read from the emulator's demo data, so generated requests reach the operations. */
export function knownParameters(emulator: TestEmulator): Record<string, string[]> {
  const column = (sql: string) => (emulator.db.prepare(sql).all() as { v: string }[]).map((row) => row.v);
  return {
    subscriptionId: Object.values(DEMO_SUBSCRIPTIONS).map((s) => s.id),
    resourceGroupName: [...new Set(column('SELECT name AS v FROM resource_groups'))],
    serviceName: [...new Set(column('SELECT name AS v FROM apim_services'))],
    certificateId: [...column('SELECT certificate_id AS v FROM apim_certificates LIMIT 20'), 'fuzz-new'],
    cid: [...column('SELECT certificate_id AS v FROM apim_certificates LIMIT 20'), 'fuzz-new'],
    thumbprint: column('SELECT thumbprint AS v FROM management_certificates LIMIT 20'),
    accessName: ['access', 'getAccess'],
    operationId: ['00000000-0000-4000-8000-000000000000'],
    userId: ['1', 'integration'],
  };
}

export const KEY_VAULT_SECRET = `https://${APIM_DEMO.vault}.vault.azure.net/secrets/gateway-cert`;

export interface ServiceShape {
  /** Mount point: `/arm`, `/asm`, `/apim-direct`. */
  prefix: string;
  routes: readonly RouteEntry[];
  versions: readonly string[];
  /** Authorization header values: valid ones for each role, and wrong ones. */
  authorizations: readonly (string | undefined)[];
  /** Headers the service reads besides Authorization (x-ms-version, If-Match), right or wrong. */
  extraHeaders: fc.Arbitrary<Record<string, string>>;
  files: { pfx: Buffer; der: Buffer };
}

/** Requests at every route of a service: mostly the route's method, sometimes another; every body kind. */
export function serviceRequests(shape: ServiceShape, known: Record<string, string[]>): fc.Arbitrary<FuzzRequest> {
  const route = fc.constantFrom(...shape.routes);
  const method = (entry: RouteEntry) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constant(entry.method) },
      { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE') },
    );
  return route.chain((entry) =>
    fc
      .record({
        method: method(entry),
        path: routePath(entry, known),
        query: queryString(shape.versions),
        authorization: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...shape.authorizations) }, { weight: 1, arbitrary: headerText }),
        extra: shape.extraHeaders,
        body: body(shape.files.pfx, shape.files.der, KEY_VAULT_SECRET),
      })
      .map(({ method: m, path, query, authorization, extra, body: b }) => {
        const headers: Record<string, string> = { ...extra };
        if (authorization !== undefined) headers.Authorization = authorization;
        if (b.contentType) headers['Content-Type'] = b.contentType;
        return { method: m, path: `${shape.prefix}${path}${query ? `?${query}` : ''}`, headers, body: m === 'GET' || m === 'HEAD' ? undefined : b.bytes };
      }),
  );
}

/** If-Match and a made-up header, each present or not. */
export const commonHeaders = fc.record(
  { 'If-Match': fc.oneof(fc.constant('*'), headerText), 'X-Fuzz': headerText, 'Accept-Language': fc.constantFrom('en', 'xx', '*') },
  { requiredKeys: [] },
);

export { hostileText };
