import { randomBytes } from 'node:crypto';
import type { Db } from '../../store/database.ts';
import type { CertificateReference } from '../apim-errors.ts';
import type { ServiceKey } from '../apim-services/service-store.ts';

export interface KeyVaultStatus {
  code: string;
  message?: string;
  timeStampUtc: string;
}

export interface KeyVaultState {
  secretIdentifier: string;
  identityClientId: string | null;
  lastStatus: KeyVaultStatus;
}

/** What a certificate holds besides its identity and version. */
export interface CertificateValues {
  subject: string;
  thumbprint: string;
  /** `yyyy-MM-ddTHH:mm:ssZ` */
  expirationDate: string;
  keyVault: KeyVaultState | null;
  /** The leaf certificate's DER; the private key and password are never kept. */
  data: Buffer | null;
}

export interface CertificateRow {
  subscription_id: string;
  resource_group: string;
  service_name: string;
  certificate_id: string;
  subject: string;
  thumbprint: string;
  expiration_date: string;
  key_vault: string | null;
  data: Buffer | null;
  etag: string;
  created_at: string;
  updated_at: string;
}

/** The spec's `yyyy-MM-ddTHH:mm:ssZ`: whole seconds, UTC. */
export function formatAzureDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Opaque, quoted, and new on every write, like API Management's row versions (`"AAAAAAAAAAa="`). */
export function newEtag(): string {
  return `"${randomBytes(8).toString('base64')}"`;
}

const unquote = (tag: string) => tag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');

/** If-Match: `*`, or a comma-separated list of entity tags, quoted or (as some clients send them) not. */
export function ifMatchAllows(header: string, currentEtag: string): boolean {
  if (header.trim() === '*') return true;
  const current = unquote(currentEtag);
  return header.split(',').some((tag) => unquote(tag) === current);
}

export function keyVaultOf(row: CertificateRow): KeyVaultState | null {
  return row.key_vault ? (JSON.parse(row.key_vault) as KeyVaultState) : null;
}

export function listCertificates(db: Db, key: ServiceKey): CertificateRow[] {
  return db
    .prepare('SELECT * FROM apim_certificates WHERE subscription_id = ? AND resource_group = ? AND service_name = ? ORDER BY certificate_id COLLATE NOCASE')
    .all(key.subscriptionId, key.resourceGroup, key.serviceName) as CertificateRow[];
}

export function getCertificate(db: Db, key: ServiceKey, certificateId: string): CertificateRow | undefined {
  return db
    .prepare('SELECT * FROM apim_certificates WHERE subscription_id = ? AND resource_group = ? AND service_name = ? AND certificate_id = ?')
    .get(key.subscriptionId, key.resourceGroup, key.serviceName, certificateId) as CertificateRow | undefined;
}

export function insertCertificate(db: Db, key: ServiceKey, certificateId: string, values: CertificateValues, now: Date): CertificateRow {
  db.prepare(
    `INSERT INTO apim_certificates (subscription_id, resource_group, service_name, certificate_id, subject, thumbprint, expiration_date, key_vault, data, etag, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    key.subscriptionId,
    key.resourceGroup,
    key.serviceName,
    certificateId,
    values.subject,
    values.thumbprint,
    values.expirationDate,
    values.keyVault ? JSON.stringify(values.keyVault) : null,
    values.data,
    newEtag(),
    now.toISOString(),
    now.toISOString(),
  );
  return getCertificate(db, key, certificateId)!;
}

/** Keeps the id as first written (ids are case-insensitive), gives the entity a new ETag. */
export function updateCertificate(db: Db, row: CertificateRow, values: CertificateValues, now: Date): CertificateRow {
  db.prepare(
    `UPDATE apim_certificates SET subject = ?, thumbprint = ?, expiration_date = ?, key_vault = ?, data = ?, etag = ?, updated_at = ?
     WHERE subscription_id = ? AND resource_group = ? AND service_name = ? AND certificate_id = ?`,
  ).run(
    values.subject,
    values.thumbprint,
    values.expirationDate,
    values.keyVault ? JSON.stringify(values.keyVault) : null,
    values.data,
    newEtag(),
    now.toISOString(),
    row.subscription_id,
    row.resource_group,
    row.service_name,
    row.certificate_id,
  );
  return getCertificate(db, { subscriptionId: row.subscription_id, resourceGroup: row.resource_group, serviceName: row.service_name }, row.certificate_id)!;
}

export function deleteCertificateRow(db: Db, row: CertificateRow): void {
  db.prepare('DELETE FROM apim_certificates WHERE subscription_id = ? AND resource_group = ? AND service_name = ? AND certificate_id = ?').run(
    row.subscription_id,
    row.resource_group,
    row.service_name,
    row.certificate_id,
  );
}

export function referencesTo(db: Db, row: CertificateRow): CertificateReference[] {
  return db
    .prepare('SELECT kind, name FROM apim_certificate_references WHERE subscription_id = ? AND resource_group = ? AND service_name = ? AND certificate_id = ? ORDER BY kind, name')
    .all(row.subscription_id, row.resource_group, row.service_name, row.certificate_id) as CertificateReference[];
}

export function valuesOf(row: CertificateRow): CertificateValues {
  return { subject: row.subject, thumbprint: row.thumbprint, expirationDate: row.expiration_date, keyVault: keyVaultOf(row), data: row.data };
}

/** CertificateContract, closed as the spec declares it: nothing beyond id, name, type and the four properties. */
export function toCertificateContract(row: CertificateRow) {
  const keyVault = keyVaultOf(row);
  return {
    id: `/subscriptions/${row.subscription_id}/resourceGroups/${row.resource_group}/providers/Microsoft.ApiManagement/service/${row.service_name}/certificates/${row.certificate_id}`,
    type: 'Microsoft.ApiManagement/service/certificates',
    name: row.certificate_id,
    properties: {
      subject: row.subject,
      thumbprint: row.thumbprint,
      expirationDate: row.expiration_date,
      ...(keyVault
        ? {
            keyVault: {
              secretIdentifier: keyVault.secretIdentifier,
              // null means the system-assigned identity; the spec types it as a string, so it is left out.
              ...(keyVault.identityClientId ? { identityClientId: keyVault.identityClientId } : {}),
              lastStatus: keyVault.lastStatus,
            },
          }
        : {}),
    },
  };
}
