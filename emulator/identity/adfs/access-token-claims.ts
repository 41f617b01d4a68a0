import { randomUUID } from 'node:crypto';
import { TENANT_ID, type DemoUser } from '../directory.ts';

/** Who a token is for: a demo user signed in through a client, or a service principal on its own. */
export type TokenSubject =
  { kind: 'user'; user: Pick<DemoUser, 'oid' | 'name' | 'upn'>; clientId: string } | { kind: 'app'; oid: string; name: string; clientId: string };

/**
 * The claims of an Entra v1 access token, the shape ARM and Service Management tokens have and that the
 * Azure CLI and SDKs read: `ver` 1.0, `appid`, `tid`, `oid`, `upn`/`unique_name`, `name`, and `scp` for a
 * user or `roles` for an application (empty: the demo principal has no app roles, its rights are RBAC).
 */
export function v1AccessTokenClaims(subject: TokenSubject, issuedAt: number): Record<string, unknown> {
  const common = { ver: '1.0', tid: TENANT_ID, appid: subject.clientId, nbf: issuedAt, uti: randomUUID() };
  if (subject.kind === 'app') {
    return { ...common, oid: subject.oid, sub: subject.oid, name: subject.name, appidacr: '1', idtyp: 'app', roles: [] };
  }
  const { user } = subject;
  return {
    ...common,
    oid: user.oid,
    sub: user.oid,
    name: user.name,
    upn: user.upn,
    unique_name: user.upn,
    appidacr: '0',
    scp: 'user_impersonation',
    idtyp: 'user',
  };
}
