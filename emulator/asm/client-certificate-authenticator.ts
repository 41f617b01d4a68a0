import type { Authenticator } from '../common/service-definition.ts';

/**
 * Service Management's own credential: a client certificate from the TLS handshake, used when the request
 * has no Authorization header (a token, when sent, wins). Whether the certificate belongs to the
 * subscription is the authorize step's question.
 */
export function clientCertificate(tenantId: string): Authenticator {
  return {
    async authenticate(credentials) {
      if (credentials.authorization) return undefined;
      const certificate = credentials.clientCertificate();
      if (!certificate) return undefined;
      return {
        caller: { kind: 'client-certificate', principalId: certificate.thumbprint, name: certificate.thumbprint, tenantId },
        clientCertificate: certificate,
      };
    },
  };
}
