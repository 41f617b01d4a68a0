import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase, type Db } from './store/database.ts';
import { loadOrCreateTls } from './tls/local-ca.ts';
import { loadOrCreateSigningKeys, type SigningKeys } from './identity/signing-keys.ts';
import { createTokenVerifier, TokenRejected, type TokenVerifier } from './identity/verify-token.ts';
import { createIdentityProvider, type IdentityProvider } from './identity/identity-provider.ts';
import { APP_CLIENT_ID, ARM_AUDIENCE, ARM_SCOPE, ASM_AUDIENCE, TENANT_ID } from './identity/directory.ts';
import { serveApp } from './app-host/serve-app.ts';
import { securityHeaders } from './common/security-headers.ts';
import { ArmError, armErrors } from './common/arm-error.ts';
import { AsmError, asmErrors } from './common/asm-error.ts';
import { BodyTooLarge, readBody } from './common/http.ts';
import type { ApiRequest, ApiResponse, ClientCertificate, EmulatorEnv, ServiceHandler } from './common/api-types.ts';
import { handleArm } from './arm/arm-service.ts';
import { handleAsm } from './asm/asm-service.ts';
import { seedDemoData, seedDirectory } from './seed/demo-data.ts';

export interface EmulatorOptions {
  port?: number;
  /** Directory for the database and TLS material; null = in memory (TLS material in a temp dir). */
  location: string | null;
  /** The built app to serve; null = don't serve it. */
  appDir?: string | null;
  /** Extra origins allowed to call the APIs and sign in (e.g. the Vite dev server). */
  appOrigins?: string[];
  seedDemo?: boolean;
  log?: (line: string) => void;
  accessTokenTtlSeconds?: number;
  /** Where the CA and localhost certificate live, when not under `location` (tests share one CA). */
  tlsDir?: string;
}

export interface RunningEmulator {
  url: string;
  port: number;
  caPath: string;
  authority: string;
  issuer: string;
  db: Db;
  keys: SigningKeys;
  close(): Promise<void>;
}

interface Service {
  name: 'arm' | 'asm';
  prefix: string;
  audience: string;
  handler: ServiceHandler;
  toError(error: unknown, wwwAuthenticate: string): ApiResponse;
}

const corsAllowHeaders =
  'Authorization, Content-Type, If-Match, If-None-Match, x-ms-version, x-ms-client-request-id, x-ms-correlation-request-id, x-ms-return-client-request-id';
const corsExposeHeaders = 'ETag, Location, x-ms-request-id, x-ms-correlation-request-id, x-ms-client-request-id, WWW-Authenticate, Retry-After';

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const location = options.location ? resolve(options.location) : null;
  const log = options.log ?? ((line: string) => console.log(line));
  const db = openDatabase(location);
  seedDirectory(db);
  if (options.seedDemo) await seedDemoData(db);
  const tls = await loadOrCreateTls(options.tlsDir ?? (location ? join(location, 'tls') : mkdtempSync(join(tmpdir(), 'certportal-tls-'))));
  const keys = await loadOrCreateSigningKeys(db);

  // The origin is known only once the port is; the identity provider and verifier are built after listen.
  // eslint-disable-next-line prefer-const -- assigned once listen() has given us the port
  let identity: IdentityProvider | undefined;
  // eslint-disable-next-line prefer-const -- same
  let verifier: TokenVerifier | undefined;
  let origin = '';
  const env: EmulatorEnv = { db, origin: '', now: () => new Date() };

  const services: Service[] = [
    {
      name: 'arm',
      prefix: '/arm',
      audience: ARM_AUDIENCE,
      handler: handleArm,
      toError(error, wwwAuthenticate) {
        const armError = error instanceof ArmError ? error : undefined;
        const e = armError ?? armErrors.internal();
        const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
        if (e.status === 401) headers['WWW-Authenticate'] = wwwAuthenticate;
        return { status: e.status, headers, body: e.toBody() };
      },
    },
    {
      name: 'asm',
      prefix: '/asm',
      audience: ASM_AUDIENCE,
      handler: handleAsm,
      toError(error, wwwAuthenticate) {
        const e = error instanceof AsmError ? error : asmErrors.internal();
        const headers: Record<string, string> = { 'Content-Type': 'application/xml; charset=utf-8' };
        if (e.status === 401) headers['WWW-Authenticate'] = wwwAuthenticate;
        return { status: e.status, headers, body: e.toXml() };
      },
    },
  ];

  function allowedOrigin(requestOrigin: string | undefined): string | undefined {
    if (!requestOrigin) return undefined;
    return requestOrigin === origin || (options.appOrigins ?? []).includes(requestOrigin) ? requestOrigin : undefined;
  }

  function clientCertificateOf(req: IncomingMessage): ClientCertificate | undefined {
    const socket = req.socket as TLSSocket;
    const peer = typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate() : undefined;
    if (!peer || !peer.raw) return undefined;
    return { der: peer.raw, thumbprint: createHash('sha1').update(peer.raw).digest('hex').toUpperCase() };
  }

  function send(res: ServerResponse, response: ApiResponse, base: Record<string, string>): void {
    const headers: Record<string, string> = { ...base, ...(response.headers ?? {}) };
    let payload: string | Buffer | undefined;
    if (response.body === undefined) payload = undefined;
    else if (typeof response.body === 'string' || Buffer.isBuffer(response.body)) payload = response.body;
    else {
      payload = JSON.stringify(response.body);
      headers['Content-Type'] ??= 'application/json; charset=utf-8';
    }
    if (payload !== undefined) headers['Content-Length'] = String(Buffer.byteLength(payload));
    res.writeHead(response.status, headers);
    res.end(payload);
  }

  /** The pipeline for one API request: read it top to bottom. */
  async function handleApi(
    service: Service,
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    requestId: string,
    baseHeaders: Record<string, string>,
  ): Promise<number> {
    const wwwAuthenticate = `Bearer authorization_uri="${identity!.authority}", error="invalid_token", error_description="The access token is missing or invalid", resource_id="${service.audience}"`;
    const request: ApiRequest = {
      method: req.method ?? 'GET',
      path: url.pathname.slice(service.prefix.length) || '/',
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.alloc(0),
      requestId,
    };
    let response: ApiResponse;
    try {
      // authenticate: a bearer token for this service's audience, or (Service Management) a client certificate
      const clientCertificate = service.name === 'asm' ? clientCertificateOf(req) : undefined;
      if (service.name === 'asm' && !req.headers.authorization && clientCertificate) {
        request.clientCertificate = clientCertificate;
        request.caller = { kind: 'client-certificate', principalId: clientCertificate.thumbprint, name: clientCertificate.thumbprint, tenantId: TENANT_ID };
      } else {
        try {
          request.caller = await verifier!.verify(req.headers.authorization, service.audience);
        } catch (error) {
          if (!(error instanceof TokenRejected)) throw error;
          throw service.name === 'arm' ? armErrors.invalidAuthenticationToken(error.message) : new AsmError(401, 'AuthenticationFailed', error.message);
        }
      }
      // deserialize: bounded body
      try {
        request.body = await readBody(req);
      } catch (error) {
        if (error instanceof BodyTooLarge) throw service.name === 'arm' ? armErrors.payloadTooLarge(1024 * 1024) : asmErrors.payloadTooLarge(1024 * 1024);
        throw error;
      }
      // handler: authorization, validation and the operation itself live with the service
      response = await service.handler(request, env);
    } catch (error) {
      if (!(error instanceof ArmError) && !(error instanceof AsmError))
        log(`[${requestId}] ${service.name} internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      response = service.toError(error, wwwAuthenticate);
    }
    send(res, response, baseHeaders);
    return response.status;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const requestId = randomUUID();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      res.writeHead(400).end();
      return;
    }
    // request ids, as Azure sends them; the client's correlation id is echoed
    const correlation = String(req.headers['x-ms-correlation-request-id'] ?? requestId);
    const base: Record<string, string> = { 'x-ms-request-id': requestId, 'x-ms-correlation-request-id': correlation };
    const clientRequestId = req.headers['x-ms-client-request-id'];
    if (typeof clientRequestId === 'string') base['x-ms-client-request-id'] = clientRequestId;
    // CORS for the app's origin
    const corsOrigin = allowedOrigin(req.headers.origin);
    if (corsOrigin) {
      Object.assign(base, { 'Access-Control-Allow-Origin': corsOrigin, 'Access-Control-Expose-Headers': corsExposeHeaders, Vary: 'Origin' });
    }
    // route
    const service = services.find((s) => url.pathname === s.prefix || url.pathname.startsWith(`${s.prefix}/`));
    let status = 0;
    if (service && req.method === 'OPTIONS') {
      res
        .writeHead(204, {
          ...base,
          'Access-Control-Allow-Methods': 'GET, HEAD, PUT, PATCH, POST, DELETE',
          'Access-Control-Allow-Headers': corsAllowHeaders,
          'Access-Control-Max-Age': '600',
        })
        .end();
      status = 204;
    } else if (service) {
      status = await handleApi(service, req, res, url, requestId, base);
    } else if (identity!.owns(url.pathname)) {
      await identity!.handle(req, res, url.pathname);
      status = res.statusCode;
    } else if (url.pathname === '/config.json') {
      send(res, { status: 200, headers: { 'Cache-Control': 'no-store', ...securityHeaders() }, body: runtimeConfig() }, base);
      status = 200;
    } else if (url.pathname === '/healthz') {
      send(res, { status: 200, body: { status: 'ok' } }, base);
      status = 200;
    } else if (options.appDir) {
      serveApp(options.appDir, req, res, url.pathname);
      status = res.statusCode;
    } else {
      send(res, { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not found' }, base);
      status = 404;
    }
    // Never the query string: it may hold codes or state from the sign-in flow.
    log(`${req.method} ${url.pathname} ${status} ${Date.now() - started}ms ${requestId}`);
  }

  function runtimeConfig() {
    return {
      environment: 'emulator',
      auth: { clientId: APP_CLIENT_ID, authority: identity!.authority, knownAuthorities: [new URL(origin).host] },
      armEndpoint: `${origin}/arm`,
      asmEndpoint: `${origin}/asm`,
      armScope: ARM_SCOPE,
    };
  }

  const server: Server = createServer(
    {
      key: tls.serverKeyPem,
      cert: tls.serverCertPem,
      // Service Management authenticates by client certificate: ask for one, but let token callers in without.
      requestCert: true,
      rejectUnauthorized: false,
    },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        log(`unhandled: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('Internal error');
      });
    },
  );
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const port = (server.address() as { port: number }).port;
  origin = `https://localhost:${port}`;
  env.origin = origin;
  // `localhost` may resolve to ::1 first: listen there too when the machine has IPv6 loopback.
  const server6 = createServer(
    { key: tls.serverKeyPem, cert: tls.serverCertPem, requestCert: true, rejectUnauthorized: false },
    server.listeners('request')[0] as (req: IncomingMessage, res: ServerResponse) => void,
  );
  await new Promise<void>((done) => {
    server6.once('error', () => done());
    server6.listen(port, '::1', () => done());
  });
  identity = await createIdentityProvider({ db, origin, keys, appOrigins: options.appOrigins ?? [], accessTokenTtlSeconds: options.accessTokenTtlSeconds });
  verifier = createTokenVerifier(keys, identity.issuer);

  return {
    url: `${origin}/`,
    port,
    caPath: tls.caPath,
    authority: identity.authority,
    issuer: identity.issuer,
    db,
    keys,
    async close() {
      await Promise.all(
        [server, server6].map(
          (s) =>
            new Promise<void>((done) => {
              if (!s.listening) return done();
              s.close(() => done());
              s.closeAllConnections();
            }),
        ),
      );
      db.close();
    },
  };
}
