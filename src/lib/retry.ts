import { AzureApiError } from './api-error';

/** How often a query asks again on its own before the error panel shows (and offers Retry). */
export const QUERY_RETRY_LIMIT = 2;
/** A wait longer than this is not worth holding a spinner for: the panel shows and the admin decides. */
export const MAX_AUTOMATIC_WAIT_MS = 30_000;

/**
 * Whether asking again can help, as Azure's retry guidance says: a timeout (408), throttling (429) and server
 * errors are transient; 501 and 505 say the server never will; any other 4xx answers the same again. A failure
 * that is not the service's answer (network, a token refresh, a dropped connection) may pass on a second try.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof AzureApiError)) return true;
  const { status } = error;
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

/** The service's own Retry-After, when it sent one. */
export function retryAfterOf(error: unknown): number | undefined {
  return error instanceof AzureApiError ? error.retryAfterMs : undefined;
}

/** TanStack Query's `retry`: transient failures only, and only when the service does not ask for a long pause. */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  return failureCount < QUERY_RETRY_LIMIT && isTransient(error) && (retryAfterOf(error) ?? 0) <= MAX_AUTOMATIC_WAIT_MS;
}

/** TanStack Query's `retryDelay`: the service's Retry-After when given, else exponential back-off (1 s, 2 s, 4 s…). */
export function queryRetryDelay(failureCount: number, error: unknown): number {
  return retryAfterOf(error) ?? Math.min(1000 * 2 ** failureCount, MAX_AUTOMATIC_WAIT_MS);
}

/**
 * The wait a response asks for: `retry-after-ms` / `x-ms-retry-after-ms` (milliseconds, Azure's own) before
 * `Retry-After` (seconds or an HTTP date). Undefined when absent or unreadable.
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const ms = headers.get(name)?.trim();
    if (ms && /^\d+(\.\d+)?$/.test(ms)) return Number(ms);
  }
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
