import type { CertificateKey } from './apim-certificate-store.ts';
import { statement, type Db } from './database.ts';

/** A policy or backend that uses a certificate: API Management refuses to delete it while one does. */
export interface CertificateReference {
  kind: 'policy' | 'backend';
  name: string;
}

export function referencesTo(db: Db, certificate: CertificateKey): CertificateReference[] {
  return statement(
    db,
    'SELECT kind, name FROM apim_certificate_references WHERE subscription_id = ? AND resource_group = ? AND service_name = ? AND certificate_id = ? ORDER BY kind, name',
  ).all(certificate.subscription_id, certificate.resource_group, certificate.service_name, certificate.certificate_id) as CertificateReference[];
}

/** Idempotent, for the demo seed: the emulator has no API that adds policies or backends. */
export function insertCertificateReference(db: Db, certificate: CertificateKey, reference: CertificateReference): void {
  statement(
    db,
    'INSERT OR IGNORE INTO apim_certificate_references (subscription_id, resource_group, service_name, certificate_id, kind, name) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(certificate.subscription_id, certificate.resource_group, certificate.service_name, certificate.certificate_id, reference.kind, reference.name);
}
