import type { IncomingHttpHeaders } from 'node:http';
import type { Db } from '../store/database.ts';
import type { Caller } from './caller.ts';

export interface ClientCertificate {
  der: Buffer;
  /** Uppercase hex SHA-1 of the DER, as Azure shows thumbprints. */
  thumbprint: string;
}

/** What a handler sees: the request as data, never the socket or the response. */
export interface ApiRequest {
  method: string;
  /** The path below the service prefix (`/arm`, `/asm`), still percent-encoded. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  requestId: string;
  /** Set by the pipeline's authentication step; undefined only for anonymous routes. */
  caller?: Caller;
  clientCertificate?: ClientCertificate;
}

export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is (the handler sets Content-Type); undefined: no body. */
  body?: unknown;
}

export interface EmulatorEnv {
  db: Db;
  /** The emulator's own origin, e.g. https://localhost:8443, for nextLink and ids that are URLs. */
  origin: string;
  now(): Date;
  /** How long a long-running ARM operation (a service's create, update or delete, a group's delete) stays in progress. */
  provisioningDelayMs: number;
}
