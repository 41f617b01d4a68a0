import type { CertificateSummaryRow } from '../../store/apim-certificate-store.ts';
import { legacyErrors } from '../legacy-errors.ts';

/** The seed's Certificate entity: the id as a path, the expiration date without a time zone (it is UTC). */
export function toLegacyCertificate(row: Pick<CertificateSummaryRow, 'certificate_id' | 'subject' | 'thumbprint' | 'expiration_date'>) {
  return {
    id: `/certificates/${row.certificate_id}`,
    subject: row.subject,
    thumbprint: row.thumbprint,
    expirationDate: row.expiration_date.replace(/Z$/, ''),
  };
}

export const LEGACY_CERTIFICATE_ID_MAX = 256;

/** "Must be unique in the current API Management service instance. Maximum length is 256 characters." */
export function checkLegacyCertificateId(cid: string): void {
  if (cid.length < 1 || cid.length > LEGACY_CERTIFICATE_ID_MAX)
    throw legacyErrors.validation('cid', `The certificate identifier must be 1 to ${LEGACY_CERTIFICATE_ID_MAX} characters long; this one has ${cid.length}.`);
  // The characters ARM refuses in a certificate name: the same certificate must stay reachable through ARM.
  const bad = /[*#&+:<>?]/.exec(cid) ?? /\p{Cc}/u.exec(cid);
  if (bad)
    throw legacyErrors.validation('cid', `The certificate identifier may not contain any of * # & + : < > ? or control characters; it contains '${bad[0]}'.`);
}

export function ifMatchOf(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header.join(',') : header;
}
