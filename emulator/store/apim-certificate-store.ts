import { newEtag } from '../common/etag.ts';
import { statement, type Db } from './database.ts';
import type { ServiceKey } from './apim-service-store.ts';

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

/** The primary key of apim_certificates, as a row holds it. */
export type CertificateKey = Pick<CertificateRow, 'subscription_id' | 'resource_group' | 'service_name' | 'certificate_id'>;

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

export function keyVaultOf(row: Pick<CertificateRow, 'key_vault'>): KeyVaultState | null {
  return row.key_vault ? (JSON.parse(row.key_vault) as KeyVaultState) : null;
}

/** What a CertificateContract and its ETag are made of: never the DER, which a list or GET does not show. */
export type CertificateSummaryRow = Pick<
  CertificateRow,
  'subscription_id' | 'resource_group' | 'service_name' | 'certificate_id' | 'subject' | 'thumbprint' | 'expiration_date' | 'key_vault' | 'etag'
>;

export function getCertificate(db: Db, key: ServiceKey, certificateId: string): CertificateRow | undefined {
  return statement(db, 'SELECT * FROM apim_certificates WHERE subscription_id = ? AND resource_group = ? AND service_name = ? AND certificate_id = ?').get(
    key.subscriptionId,
    key.resourceGroup,
    key.serviceName,
    certificateId,
  ) as CertificateRow | undefined;
}

/** The columns every write sets, in this order: what the certificate holds, a new ETag, when. */
const WRITTEN_COLUMNS = ['subject', 'thumbprint', 'expiration_date', 'key_vault', 'data', 'etag', 'updated_at'];
const INSERT_SQL = `INSERT INTO apim_certificates (subscription_id, resource_group, service_name, certificate_id, created_at, ${WRITTEN_COLUMNS.join(', ')})
  VALUES (?, ?, ?, ?, ?, ${WRITTEN_COLUMNS.map(() => '?').join(', ')})`;
const UPDATE_SQL = `UPDATE apim_certificates SET ${WRITTEN_COLUMNS.map((column) => `${column} = ?`).join(', ')}
  WHERE subscription_id = ? AND resource_group = ? AND service_name = ? AND certificate_id = ?`;

function writtenValues(values: CertificateValues, now: Date): (string | Buffer | null)[] {
  return [
    values.subject,
    values.thumbprint,
    values.expirationDate,
    values.keyVault ? JSON.stringify(values.keyVault) : null,
    values.data,
    newEtag(),
    now.toISOString(),
  ];
}

export function insertCertificate(db: Db, key: ServiceKey, certificateId: string, values: CertificateValues, now: Date): CertificateRow {
  statement(db, INSERT_SQL).run(key.subscriptionId, key.resourceGroup, key.serviceName, certificateId, now.toISOString(), ...writtenValues(values, now));
  return getCertificate(db, key, certificateId)!;
}

/** Keeps the id as first written (ids are case-insensitive), gives the entity a new ETag. */
export function updateCertificate(db: Db, row: CertificateRow, values: CertificateValues, now: Date): CertificateRow {
  statement(db, UPDATE_SQL).run(...writtenValues(values, now), row.subscription_id, row.resource_group, row.service_name, row.certificate_id);
  return getCertificate(db, { subscriptionId: row.subscription_id, resourceGroup: row.resource_group, serviceName: row.service_name }, row.certificate_id)!;
}

export function deleteCertificateRow(db: Db, row: CertificateKey): void {
  statement(db, 'DELETE FROM apim_certificates WHERE subscription_id = ? AND resource_group = ? AND service_name = ? AND certificate_id = ?').run(
    row.subscription_id,
    row.resource_group,
    row.service_name,
    row.certificate_id,
  );
}

export function valuesOf(row: CertificateRow): CertificateValues {
  return { subject: row.subject, thumbprint: row.thumbprint, expirationDate: row.expiration_date, keyVault: keyVaultOf(row), data: row.data };
}
