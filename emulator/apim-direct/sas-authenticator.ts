import { AuthenticationRejected, type Authenticator } from '../common/service-definition.ts';
import { isSharedAccessSignature, MalformedSignature, parseSharedAccessSignature } from '../common/shared-access-signature.ts';

/**
 * Reads the SharedAccessSignature header. Whether it is signed with the service's key, in time, while the
 * API is enabled is the authorize step's (authorize-direct.ts): only there is the service known.
 */
export const sharedAccessSignature: Authenticator = {
  async authenticate({ authorization }) {
    if (authorization === undefined || authorization.trim() === '') return undefined;
    if (!isSharedAccessSignature(authorization))
      throw new AuthenticationRejected('The Authorization header must be a SharedAccessSignature: SharedAccessSignature uid=…&ex=…&sn=….');
    try {
      const token = parseSharedAccessSignature(authorization);
      return { caller: { kind: 'shared-access-signature', principalId: token.identifier, name: token.identifier, tenantId: '' } };
    } catch (error) {
      if (error instanceof MalformedSignature) throw new AuthenticationRejected(error.message);
      throw error;
    }
  },
};
