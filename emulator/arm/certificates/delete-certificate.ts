import { apimErrors } from '../apim-errors.ts';
import type { ArmOperation } from '../arm-context.ts';
import { ifMatchAllows } from '../../common/etag.ts';
import { referencesTo } from '../../store/apim-certificate-reference-store.ts';
import { deleteCertificateRow, getCertificate } from '../../store/apim-certificate-store.ts';
import { findCertificate } from './find-certificate.ts';

/** DELETE: If-Match is required; a certificate a policy or backend still uses stays. 200 deleted, 204 nothing to delete. */
export const deleteCertificate: ArmOperation = (context) => {
  const { env, request } = context;
  const target = findCertificate(context);
  const header = request.headers['if-match'];
  const ifMatch = Array.isArray(header) ? header.join(',') : header;
  if (ifMatch === undefined || ifMatch.trim() === '') throw apimErrors.ifMatchRequired(target.certificateId);
  const deleted = env.db
    .transaction(() => {
      const row = getCertificate(env.db, target.key, target.certificateId);
      if (!row) return false;
      if (!ifMatchAllows(ifMatch, row.etag)) throw apimErrors.preconditionFailed(target.certificateId);
      const references = referencesTo(env.db, row);
      if (references.length) throw apimErrors.certificateInUse(row.certificate_id, references);
      deleteCertificateRow(env.db, row);
      return true;
    })
    .immediate();
  return { status: deleted ? 200 : 204 };
};
