import { randomBytes } from 'node:crypto';
import { statement, type Db } from '../store/database.ts';
import type { SecretReference } from './secret-identifier.ts';

/** Who asks Key Vault: the service's system-assigned identity, or one of its user-assigned identities. */
export type VaultCaller = { kind: 'system' } | { kind: 'user'; clientId: string };

export type SecretLookup =
  { ok: true; value: Buffer; password: string; version: string } | { ok: false; code: 'SecretNotFound' | 'Forbidden'; message: string };

interface SecretRow {
  vault: string;
  name: string;
  version: string;
  value: Buffer | null;
  password: string;
  access: 'allowed' | 'forbidden';
  created_at: string;
}

export function newSecretVersion(): string {
  return randomBytes(16).toString('hex');
}

export function putSecret(
  db: Db,
  secret: { vault: string; name: string; version?: string; value: Uint8Array | null; password?: string; access?: 'allowed' | 'forbidden'; createdAt: Date },
): string {
  const version = secret.version ?? newSecretVersion();
  statement(db, 'INSERT OR REPLACE INTO key_vault_secrets (vault, name, version, value, password, access, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    secret.vault,
    secret.name,
    version,
    secret.value ? Buffer.from(secret.value) : null,
    secret.password ?? '',
    secret.access ?? 'allowed',
    secret.createdAt.toISOString(),
  );
  return version;
}

/** The emulated vault: an unversioned reference reads the newest version, as Key Vault does. */
export function getSecret(db: Db, reference: SecretReference, caller: VaultCaller): SecretLookup {
  const row = (
    reference.version === null
      ? statement(db, 'SELECT * FROM key_vault_secrets WHERE vault = ? AND name = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(
          reference.vault,
          reference.name,
        )
      : statement(db, 'SELECT * FROM key_vault_secrets WHERE vault = ? AND name = ? AND version = ? COLLATE NOCASE').get(
          reference.vault,
          reference.name,
          reference.version,
        )
  ) as SecretRow | undefined;
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
