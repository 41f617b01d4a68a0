import { ifMatchAllows } from '../../common/etag.ts';
import type { Operation } from '../../common/operation.ts';
import { referencesTo } from '../../store/apim-certificate-reference-store.ts';
import { deleteCertificateRow, getCertificate } from '../../store/apim-certificate-store.ts';
import { directService } from '../direct-service-target.ts';
import { legacyErrors } from '../legacy-errors.ts';
import { checkLegacyCertificateId, ifMatchOf } from './legacy-certificate.ts';

/** DELETE /certificates/{cid}: If-Match required; 204; 400 naming the policies that use it; 412 stale; 404 unknown. */
export const deleteLegacyCertificate: Operation = (context) => {
  const { env, request, params } = context;
  const { key } = directService(env.db, params.serviceName);
  checkLegacyCertificateId(params.cid);
  const ifMatch = ifMatchOf(request.headers['if-match']);
  if (ifMatch === undefined || ifMatch.trim() === '') throw legacyErrors.ifMatchRequired();
  env.db
    .transaction(() => {
      const row = getCertificate(env.db, key, params.cid);
      if (!row) throw legacyErrors.certificateNotFound(params.cid);
      if (!ifMatchAllows(ifMatch, row.etag)) throw legacyErrors.preconditionFailed(params.cid);
      const users = referencesTo(env.db, row);
      if (users.length)
        throw legacyErrors.certificateInUse(
          row.certificate_id,
          users.map((user) => `${user.kind} '${user.name}'`),
        );
      deleteCertificateRow(env.db, row);
    })
    .immediate();
  return { status: 204 };
};
