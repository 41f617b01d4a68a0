import { statement, type Db } from './database.ts';

/** Azure's limit per subscription (the Add Management Certificate documentation). */
export const MANAGEMENT_CERTIFICATE_LIMIT = 25;

export interface ManagementCertificate {
  subscriptionId: string;
  /** Uppercase hex SHA-1 of `data`. */
  thumbprint: string;
  /** .NET `X509Certificate2.GetPublicKey()`: for RSA the PKCS#1 RSAPublicKey. */
  publicKey: Uint8Array;
  /** The DER certificate. */
  data: Uint8Array;
  created: string;
}

interface Row {
  subscription_id: string;
  thumbprint: string;
  public_key: Buffer;
  data: Buffer;
  created: string;
}

const fromRow = (row: Row): ManagementCertificate => ({
  subscriptionId: row.subscription_id,
  thumbprint: row.thumbprint,
  publicKey: new Uint8Array(row.public_key),
  data: new Uint8Array(row.data),
  created: row.created,
});

export function listManagementCertificates(db: Db, subscriptionId: string): ManagementCertificate[] {
  const rows = statement(db, 'SELECT * FROM management_certificates WHERE subscription_id = ? ORDER BY created, thumbprint').all(subscriptionId) as Row[];
  return rows.map(fromRow);
}

export function findManagementCertificate(db: Db, subscriptionId: string, thumbprint: string): ManagementCertificate | undefined {
  const row = statement(db, 'SELECT * FROM management_certificates WHERE subscription_id = ? AND thumbprint = ?').get(
    subscriptionId,
    thumbprint.toUpperCase(),
  ) as Row | undefined;
  return row && fromRow(row);
}

export function countManagementCertificates(db: Db, subscriptionId: string): number {
  const row = statement(db, 'SELECT COUNT(*) AS n FROM management_certificates WHERE subscription_id = ?').get(subscriptionId) as { n: number };
  return row.n;
}

/** Without the limit; an existing certificate is kept as it is (the demo seed, and addManagementCertificate once it has checked). */
export function insertManagementCertificate(db: Db, certificate: ManagementCertificate): void {
  statement(db, 'INSERT OR IGNORE INTO management_certificates (subscription_id, thumbprint, public_key, data, created) VALUES (?, ?, ?, ?, ?)').run(
    certificate.subscriptionId,
    certificate.thumbprint.toUpperCase(),
    Buffer.from(certificate.publicKey),
    Buffer.from(certificate.data),
    certificate.created,
  );
}

export type AddOutcome = { kind: 'added' } | { kind: 'duplicate' } | { kind: 'limit-reached'; count: number };

/**
 * Checks the duplicate and the limit and inserts in one transaction: better-sqlite3 runs it synchronously,
 * so concurrent requests cannot interleave between the count and the insert.
 */
export function addManagementCertificate(db: Db, certificate: ManagementCertificate, limit = MANAGEMENT_CERTIFICATE_LIMIT): AddOutcome {
  return db
    .transaction((): AddOutcome => {
      if (findManagementCertificate(db, certificate.subscriptionId, certificate.thumbprint)) return { kind: 'duplicate' };
      const count = countManagementCertificates(db, certificate.subscriptionId);
      if (count >= limit) return { kind: 'limit-reached', count };
      insertManagementCertificate(db, certificate);
      return { kind: 'added' };
    })
    .immediate();
}

export function deleteManagementCertificate(db: Db, subscriptionId: string, thumbprint: string): boolean {
  const result = statement(db, 'DELETE FROM management_certificates WHERE subscription_id = ? AND thumbprint = ?').run(
    subscriptionId,
    thumbprint.toUpperCase(),
  );
  return result.changes > 0;
}
