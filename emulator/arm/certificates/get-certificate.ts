import { findCertificateSummary } from '../../store/apim-certificate-list/list-page.ts';
import type { CertificateSummaryRow } from '../../store/apim-certificate-store.ts';
import { apimErrors } from '../apim-errors.ts';
import { json, type ArmContext, type ArmOperation } from '../arm-context.ts';
import { certificateJson } from './certificate-contract.ts';
import { resolveCertificatePath } from './find-certificate.ts';

/** A read: from the list index (store/apim-certificate-list/), which holds every column a GET answers with. */
function readCertificate(context: ArmContext): CertificateSummaryRow {
  const { service, key, certificateId } = resolveCertificatePath(context);
  const row = findCertificateSummary(context.env.db, key, certificateId);
  if (!row) throw apimErrors.certificateNotFound(certificateId, service.name);
  return row;
}

export const getCertificate: ArmOperation = (context) => {
  const row = readCertificate(context);
  return json(200, certificateJson(row), { ETag: row.etag });
};

/** HEAD: the entity tag only. */
export const getCertificateEntityTag: ArmOperation = (context) => {
  const row = readCertificate(context);
  return { status: 200, headers: { ETag: row.etag } };
};
