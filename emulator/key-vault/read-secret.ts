import type { Db } from '../store/database.ts';
import { findSecret } from '../store/key-vault-secret-store.ts';
import type { SecretReference } from './secret-identifier.ts';

/** Who asks Key Vault: the service's system-assigned identity, or one of its user-assigned identities. */
export type VaultCaller = { kind: 'system' } | { kind: 'user'; clientId: string };

export type SecretLookup =
  { ok: true; value: Buffer; password: string; version: string } | { ok: false; code: 'SecretNotFound' | 'Forbidden'; message: string };

/** The emulated vault's answer to a GET of a secret, worded the way Key Vault's errors read. */
export function getSecret(db: Db, reference: SecretReference, caller: VaultCaller): SecretLookup {
  const row = findSecret(db, reference);
  const where = `https://${reference.vault}.vault.azure.net/secrets/${reference.name}${reference.version ? `/${reference.version}` : ''}`;
  const who = caller.kind === 'system' ? "the service's system-assigned identity" : `the user-assigned identity with client id '${caller.clientId}'`;
  if (row?.access === 'forbidden') {
    return {
      ok: false,
      code: 'Forbidden',
      message: `Key Vault denied ${who} access to secret '${where}': the identity lacks the 'get' permission on secrets (grant the 'Key Vault Secrets User' role or an access policy).`,
    };
  }
  if (!row || !row.value)
    return { ok: false, code: 'SecretNotFound', message: `Key Vault has no secret '${where}': it was deleted, or the name or version is wrong.` };
  return { ok: true, value: row.value, password: row.password, version: row.version };
}
