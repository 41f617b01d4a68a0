import { randomBytes } from 'node:crypto';
import { statement, type Db } from './database.ts';
import type { SecretReference } from '../key-vault/secret-identifier.ts';

export interface SecretRow {
  vault: string;
  name: string;
  version: string;
  /** null: a version with no value, which Key Vault answers as not found. */
  value: Buffer | null;
  password: string;
  /** Whether the services' identities hold the 'get' permission on secrets. */
  access: 'allowed' | 'forbidden';
  created_at: string;
}

function newSecretVersion(): string {
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

/** An unversioned reference reads the newest version, as Key Vault does. */
export function findSecret(db: Db, reference: SecretReference): SecretRow | undefined {
  return (
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
}
