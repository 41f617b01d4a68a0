import { apimErrors, validationError } from '../apim-errors.ts';
import { json, type ArmOperation } from '../arm-context.ts';
import { ifMatchAllows } from '../../common/etag.ts';
import { getCertificate, insertCertificate, updateCertificate, type CertificateRow, type CertificateValues } from '../../store/apim-certificate-store.ts';
import { toCertificateContract } from './certificate-contract.ts';
import { findCertificate } from './find-certificate.ts';
import { fetchFromKeyVault } from './key-vault-certificate.ts';
import { openUploadedPfx } from './pfx-pool.ts';
import { readCertificateBody } from './read-certificate-body.ts';

/** An existing certificate is replaced only with If-Match; a new one is created only without a stale one. */
function checkPrecondition(row: CertificateRow | undefined, ifMatch: string | undefined, certificateId: string): void {
  if (row && ifMatch === undefined) throw apimErrors.certificateExists(certificateId);
  if (row && ifMatch !== undefined && !ifMatchAllows(ifMatch, row.etag)) throw apimErrors.preconditionFailed(certificateId);
  if (!row && ifMatch !== undefined) throw apimErrors.preconditionFailed(certificateId);
}

/** PUT .../certificates/{certificateId}: 201 when created, 200 when replaced, a new ETag either way. */
export const createOrUpdateCertificate: ArmOperation = async (context) => {
  const { env, request } = context;
  const target = findCertificate(context);
  const ifMatchHeader = request.headers['if-match'];
  const ifMatch = Array.isArray(ifMatchHeader) ? ifMatchHeader.join(',') : ifMatchHeader;
  const source = readCertificateBody(request, target.service);
  // Fail fast before the costly part; the decisive check is repeated inside the write transaction.
  checkPrecondition(target.row, ifMatch, target.certificateId);

  const now = env.now();
  let values: CertificateValues;
  if (source.kind === 'data') {
    const facts = await openUploadedPfx(source.bytes, source.password);
    values = { subject: facts.subject, thumbprint: facts.thumbprint, expirationDate: facts.expirationDate, keyVault: null, data: facts.leafDer };
  } else {
    const fetched = await fetchFromKeyVault(env.db, source.keyVault, now);
    if (!fetched.ok) {
      throw validationError(
        'properties.keyVault.secretIdentifier',
        `API Management could not get the certificate from Key Vault (${fetched.status.code}): ${fetched.status.message ?? ''}`.trim(),
      );
    }
    const { facts } = fetched;
    values = {
      subject: facts.subject,
      thumbprint: facts.thumbprint,
      expirationDate: facts.expirationDate,
      keyVault: { ...source.keyVault, lastStatus: fetched.status },
      data: facts.leafDer,
    };
  }

  const { row, created } = env.db
    .transaction(() => {
      const current = getCertificate(env.db, target.key, target.certificateId);
      checkPrecondition(current, ifMatch, target.certificateId);
      return current
        ? { row: updateCertificate(env.db, current, values, now), created: false }
        : { row: insertCertificate(env.db, target.key, target.certificateId, values, now), created: true };
    })
    .immediate();
  return json(created ? 201 : 200, toCertificateContract(row), { ETag: row.etag });
};
