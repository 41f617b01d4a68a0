import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from './pipeline.ts';

export interface ListenOptions {
  /** 0 = any free port. */
  port: number;
  serverKeyPem: string;
  serverCertPem: string;
  log(line: string): void;
}

export interface Listeners {
  port: number;
  close(): Promise<void>;
}

/**
 * HTTPS on 127.0.0.1, and on ::1 at the same port when the machine has IPv6 loopback (`localhost` may
 * resolve there first). `handle` is called per request, so the caller may build it once the port is known.
 */
export async function listen(options: ListenOptions, handle: RequestHandler): Promise<Listeners> {
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      options.log(`unhandled: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('Internal error');
    });
  };
  // Service Management authenticates by client certificate: ask for one, but let token callers in without.
  const tls = { key: options.serverKeyPem, cert: options.serverCertPem, requestCert: true, rejectUnauthorized: false };
  const server: Server = createServer(tls, onRequest);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => done());
  });
  const port = (server.address() as { port: number }).port;
  const server6 = createServer(tls, onRequest);
  await new Promise<void>((done) => {
    server6.once('error', () => done());
    server6.listen(port, '::1', () => done());
  });
  return {
    port,
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
    },
  };
}
