import { AuthenticationRejected, type Authenticator } from '../common/service-definition.ts';
import { TokenRejected, type TokenVerifier } from './verify-token.ts';

export interface BearerAuthenticator extends Authenticator {
  /** The WWW-Authenticate header that tells a client where to get a token for this audience. */
  challenge: string;
}

/**
 * An Entra ID access token for one of `audiences` (the first is the one the challenge names), signed by
 * the emulator's identity provider. Answers every request: a missing token is a rejection.
 */
export function bearerToken(verifier: TokenVerifier, audiences: string | readonly string[], authority: string): BearerAuthenticator {
  const accepted = typeof audiences === 'string' ? [audiences] : audiences;
  return {
    challenge: `Bearer authorization_uri="${authority}", error="invalid_token", error_description="The access token is missing or invalid", resource_id="${accepted[0]}"`,
    async authenticate(credentials) {
      try {
        return { caller: await verifier.verify(credentials.authorization, accepted) };
      } catch (error) {
        if (error instanceof TokenRejected) throw new AuthenticationRejected(error.message);
        throw error;
      }
    },
  };
}
