import { randomUUID } from 'node:crypto';

/** An error of the token endpoint, in the body Entra and AD FS send (RFC 6749 §5.2 plus Entra's extras). */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: 'invalid_request' | 'invalid_client' | 'unauthorized_client' | 'invalid_grant' | 'unsupported_grant_type' | 'invalid_scope' | 'not_found',
    message: string,
  ) {
    super(message);
  }

  toBody() {
    return { error: this.code, error_description: this.message, timestamp: new Date().toISOString(), trace_id: randomUUID(), correlation_id: randomUUID() };
  }
}
