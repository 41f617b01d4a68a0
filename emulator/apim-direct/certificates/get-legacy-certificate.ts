import type { Operation, OperationContext } from '../../common/operation.ts';
import { getCertificate, type CertificateRow } from '../../store/apim-certificate-store.ts';
import { directService } from '../direct-service-target.ts';
import { directJson } from '../direct-response.ts';
import { legacyErrors } from '../legacy-errors.ts';
import { checkLegacyCertificateId, toLegacyCertificate } from './legacy-certificate.ts';

export function existingCertificate(context: OperationContext): CertificateRow {
  const { cid } = context.params;
  const { key } = directService(context.env.db, context.params.serviceName);
  checkLegacyCertificateId(cid);
  const row = getCertificate(context.env.db, key, cid);
  if (!row) throw legacyErrors.certificateNotFound(cid);
  return row;
}

/** GET /certificates/{cid}: the entity and its ETag. */
export const getLegacyCertificate: Operation = (context) => {
  const row = existingCertificate(context);
  return directJson(200, toLegacyCertificate(row), { ETag: row.etag });
};

/** HEAD /certificates/{cid}: the ETag only. */
export const headLegacyCertificate: Operation = (context) => {
  const row = existingCertificate(context);
  return { status: 200, headers: { ETag: row.etag } };
};
