import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { ApiRequest, ApiResponse, EmulatorEnv } from './common/api-types.ts';
import { ANONYMOUS_CALLER, type Caller } from './common/caller.ts';
import { corsHeaders, preflightHeaders, requestIdHeaders } from './common/front-door-headers.ts';
import { BodyTooLarge, MAX_BODY_BYTES, peerCertificate, readBody, writeResponse } from './common/http.ts';
import { AuthenticationRejected, type ServiceDefinition } from './common/service-definition.ts';
import { forgetOtherConnectionsVersion } from './store/data-version.ts';
import type { DurableCommits } from './store/durable-commits.ts';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Answers a path no service owns (sign-in, config.json, health, the app), with the request's headers; returns the status sent. */
export type SiteHandler = (req: IncomingMessage, res: ServerResponse, url: URL, headers: Record<string, string>) => Promise<number>;

export interface PipelineOptions {
  /** The emulator's own origin: URLs resolve against it, and the app served from it may call the APIs. */
  origin: string;
  /** Other origins the APIs answer with CORS (the Vite dev server). */
  appOrigins: readonly string[];
  services: readonly ServiceDefinition[];
  env: EmulatorEnv;
  /** The database's commits: a request that wrote is answered once its writes are on disk. */
  commits: DurableCommits;
  site: SiteHandler;
  log(line: string): void;
}

/**
 * The one request pipeline, the same for every service: request id → CORS → route → authenticate →
 * version → authorize → read body → operation → error in the service's own format → writes on disk → serialize.
 * A service only describes itself (see ServiceDefinition); nothing here names one.
 */
export function createPipeline(options: PipelineOptions): RequestHandler {
  const allowedOrigins = [options.origin, ...options.appOrigins];

  return async function handle(req, res) {
    const started = Date.now();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', options.origin);
    } catch {
      res.writeHead(400).end();
      return;
    }
    // What other connections committed before this request is seen by its cached lookups (store/read-cache.ts).
    forgetOtherConnectionsVersion();
    // 1. request id
    const requestId = randomUUID();
    const headers = requestIdHeaders(req.headers, requestId);
    // 2. CORS
    Object.assign(headers, corsHeaders(req.headers.origin, allowedOrigins));

    const service = options.services.find((s) => url.pathname === s.prefix || url.pathname.startsWith(`${s.prefix}/`));
    let status: number;
    if (!service) status = await options.site(req, res, url, headers);
    else if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...headers, ...preflightHeaders }).end();
      status = 204;
    } else status = await serve(service, req, res, url, requestId, headers);
    // Never the query string: it may hold codes or state from the sign-in flow.
    options.log(`${req.method} ${url.pathname} ${status} ${Date.now() - started}ms ${requestId}`);
  };

  async function serve(
    service: ServiceDefinition,
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    requestId: string,
    headers: Record<string, string>,
  ): Promise<number> {
    const writesBefore = options.commits.writes();
    const request: ApiRequest = {
      method: req.method ?? 'GET',
      path: url.pathname.slice(service.prefix.length) || '/',
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.alloc(0),
      requestId,
      // Set by authentication; declared here so that every request object has one shape.
      caller: undefined,
      clientCertificate: undefined,
    };
    let response: ApiResponse;
    try {
      // 3. route: always an entry; a path or method the service lacks throws from its operation, after
      //    authentication, as Azure answers an anonymous caller 401 before 404
      const { entry, params } = service.routes.resolve(request.method, request.path);
      // 4. authenticate
      const caller = entry.anonymous ? ANONYMOUS_CALLER : await authenticate(service, req, request);
      // 5. version
      entry.versions?.check(service.version(request));
      // 6. authorize
      const subscription = entry.access ? service.authorize({ request, env: options.env, caller, params, access: entry.access }) : undefined;
      // 7. read the body, bounded
      request.body = await readBoundedBody(service, req);
      // 8. operation
      response = await entry.operation({ request, env: options.env, caller, params, subscription });
    } catch (error) {
      // 9. an error in the service's own format; anything else is a 500, and goes to the log
      response = errorResponse(service, error, requestId);
    }
    // 10. a request that wrote (whatever its answer) waits for its writes to be on disk: a 2xx is durable
    if (options.commits.writes() !== writesBefore) response = await writesOnDisk(service, response, requestId);
    // 11. serialize the answer or the error
    writeResponse(res, response, headers);
    return response.status;
  }

  async function authenticate(service: ServiceDefinition, req: IncomingMessage, request: ApiRequest): Promise<Caller> {
    const credentials = { authorization: req.headers.authorization, clientCertificate: () => peerCertificate(req) };
    try {
      for (const authenticator of service.authenticators) {
        const authenticated = await authenticator.authenticate(credentials);
        if (!authenticated) continue;
        request.caller = authenticated.caller;
        request.clientCertificate = authenticated.clientCertificate;
        return authenticated.caller;
      }
    } catch (error) {
      if (error instanceof AuthenticationRejected) throw service.errors.unauthenticated(error.message);
      throw error;
    }
    throw service.errors.unauthenticated('The request does not have a valid authentication token.');
  }

  async function writesOnDisk(service: ServiceDefinition, response: ApiResponse, requestId: string): Promise<ApiResponse> {
    try {
      await options.commits.onDisk();
      return response;
    } catch (error) {
      // The write is in the database, but not known to be on disk: not a success.
      return errorResponse(service, error, requestId);
    }
  }

  async function readBoundedBody(service: ServiceDefinition, req: IncomingMessage): Promise<Buffer> {
    try {
      return await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLarge) throw service.errors.payloadTooLarge(MAX_BODY_BYTES);
      throw error;
    }
  }

  function errorResponse(service: ServiceDefinition, error: unknown, requestId: string): ApiResponse {
    let response = service.errors.toResponse(error);
    if (!response) {
      options.log(`[${requestId}] ${service.name} internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      response = service.errors.internal();
    }
    if (response.status !== 401) return response;
    return { ...response, headers: { ...response.headers, 'WWW-Authenticate': service.challenge } };
  }
}
