/** An error a service answered with, carrying its own code and message (ARM JSON or Service Management XML). */
export class AzureApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    readonly target?: string,
    readonly details?: Array<{ code: string; message: string; target?: string }>,
    /** How long the service asked the caller to wait (Retry-After), when it said. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'AzureApiError';
  }
}

/** The request never got an answer (offline, DNS, TLS, CORS). The UI offers Retry for these. */
export class NetworkError extends Error {
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`Could not reach ${new URL(url).host}: check the network connection and try again.`);
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

export function describeError(error: unknown): string {
  if (error instanceof AzureApiError) return `${error.message} (${error.code}${error.status ? `, HTTP ${error.status}` : ''})`;
  if (error instanceof Error) return error.message;
  return String(error);
}
