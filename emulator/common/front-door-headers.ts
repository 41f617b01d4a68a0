import type { IncomingHttpHeaders } from 'node:http';

const corsAllowHeaders =
  'Authorization, Content-Type, If-Match, If-None-Match, x-ms-version, x-ms-client-request-id, x-ms-correlation-request-id, x-ms-return-client-request-id';
const corsExposeHeaders =
  'ETag, Location, Azure-AsyncOperation, x-ms-request-id, x-ms-correlation-request-id, x-ms-client-request-id, WWW-Authenticate, Retry-After';

/** Request ids, as Azure sends them: a fresh one per request, and the client's correlation and request ids echoed. */
export function requestIdHeaders(headers: IncomingHttpHeaders, requestId: string): Record<string, string> {
  const correlation = String(headers['x-ms-correlation-request-id'] ?? requestId);
  const base: Record<string, string> = { 'x-ms-request-id': requestId, 'x-ms-correlation-request-id': correlation };
  const clientRequestId = headers['x-ms-client-request-id'];
  if (typeof clientRequestId === 'string') base['x-ms-client-request-id'] = clientRequestId;
  return base;
}

/** CORS for the app's own origin and the extra ones allowed (the Vite dev server); nothing for any other. */
export function corsHeaders(requestOrigin: string | undefined, allowedOrigins: readonly string[]): Record<string, string> {
  if (!requestOrigin || !allowedOrigins.includes(requestOrigin)) return {};
  return { 'Access-Control-Allow-Origin': requestOrigin, 'Access-Control-Expose-Headers': corsExposeHeaders, Vary: 'Origin' };
}

export const preflightHeaders: Record<string, string> = {
  'Access-Control-Allow-Methods': 'GET, HEAD, PUT, PATCH, POST, DELETE',
  'Access-Control-Allow-Headers': corsAllowHeaders,
  'Access-Control-Max-Age': '600',
};
