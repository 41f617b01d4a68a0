import { ifMatchAllows } from '../../common/etag.ts';
import type { Operation } from '../../common/operation.ts';
import { getCertificate, insertCertificate, updateCertificate, type CertificateRow } from '../../store/apim-certificate-store.ts';
import { PfxRejected, type PfxFacts } from '../../arm/certificates/open-pfx.ts';
import { openPfxOffThread } from '../../arm/certificates/pfx-pool.ts';
import { directService } from '../direct-service-target.ts';
import { directJson } from '../direct-response.ts';
import { legacyErrors } from '../legacy-errors.ts';
import { checkLegacyCertificateId, ifMatchOf, toLegacyCertificate } from './legacy-certificate.ts';

/** `{data, password}`; any Content-Type, as the seed's own C# sample sends text/plain. */
function readBody(body: Buffer): { bytes: Buffer; password: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw legacyErrors.validation('body', 'The body must be a JSON object: {"data": "<base64 .pfx>", "password": "…"}.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw legacyErrors.validation('body', 'The body must be a JSON object: {"data": "<base64 .pfx>", "password": "…"}.');
  const { data, password } = parsed as Record<string, unknown>;
  if (typeof data !== 'string' || data.trim() === '') throw legacyErrors.validation('data', 'data is required: the .pfx file in base64.');
  const compact = data.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1)
    throw legacyErrors.validation('data', "data is not base64: encode the .pfx file's bytes in base64 (application/x-pkcs12).");
  if (password !== undefined && password !== null && typeof password !== 'string') throw legacyErrors.validation('password', 'password must be a string.');
  return { bytes: Buffer.from(compact, 'base64'), password: typeof password === 'string' ? password : '' };
}

function checkPrecondition(row: CertificateRow | undefined, ifMatch: string | undefined, cid: string): void {
  if (row && ifMatch === undefined) throw legacyErrors.certificateExists(cid);
  if (ifMatch !== undefined && (!row || !ifMatchAllows(ifMatch, row.etag))) throw legacyErrors.preconditionFailed(cid);
}

async function open(bytes: Buffer, password: string): Promise<PfxFacts> {
  try {
    return await openPfxOffThread(bytes, password, 'The certificate data');
  } catch (error) {
    if (error instanceof PfxRejected) throw legacyErrors.validation(/password/.test(error.message) ? 'password' : 'data', error.message);
    throw error;
  }
}

/** PUT /certificates/{cid}: 201 created, 200 replaced (If-Match), 409 exists without If-Match, 412 stale. */
export const putLegacyCertificate: Operation = async (context) => {
  const { env, request, params } = context;
  const { key } = directService(env.db, params.serviceName);
  checkLegacyCertificateId(params.cid);
  const ifMatch = ifMatchOf(request.headers['if-match']);
  const { bytes, password } = readBody(request.body);
  // Fail fast before the costly key derivation; the decisive check is repeated inside the write transaction.
  checkPrecondition(getCertificate(env.db, key, params.cid), ifMatch, params.cid);
  const facts = await open(bytes, password);
  const values = { subject: facts.subject, thumbprint: facts.thumbprint, expirationDate: facts.expirationDate, keyVault: null, data: facts.leafDer };
  const now = env.now();
  const { row, created } = env.db
    .transaction(() => {
      const current = getCertificate(env.db, key, params.cid);
      checkPrecondition(current, ifMatch, params.cid);
      return current
        ? { row: updateCertificate(env.db, current, values, now), created: false }
        : { row: insertCertificate(env.db, key, params.cid, values, now), created: true };
    })
    .immediate();
  return directJson(created ? 201 : 200, toLegacyCertificate(row), { ETag: row.etag });
};
