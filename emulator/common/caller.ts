/** Who a request comes from, once the pipeline has authenticated it. */
export interface Caller {
  kind: 'user' | 'service-principal' | 'client-certificate' | 'shared-access-signature' | 'anonymous';
  /** Object id of the user or service principal; the thumbprint for a client certificate; a signature's identifier. */
  principalId: string;
  name: string;
  tenantId: string;
}

/** The caller of a route that declares itself anonymous: it holds no role anywhere. */
export const ANONYMOUS_CALLER: Caller = { kind: 'anonymous', principalId: '', name: 'anonymous', tenantId: '' };
