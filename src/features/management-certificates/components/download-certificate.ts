import { downloadBytes } from '../../../lib/download';
import type { ManagementCertificate } from '../api/management-certificates';

/** A file name from the certificate's name, with nothing a file system or a header could misread. */
export function certificateFileName(c: ManagementCertificate, extension: 'cer' | 'pem'): string {
  const base = (c.summary?.subjectCommonName ?? '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 64);
  return `${base || c.thumbprint}.${extension}`;
}

/** The bytes the service stores (DER), as Windows' .cer. */
export function downloadCer(c: ManagementCertificate): void {
  downloadBytes(c.der, certificateFileName(c, 'cer'), 'application/pkix-cert');
}

/** The same certificate in PEM armour; the toolkit's converter is fetched on the click, not with the blade. */
export async function downloadPem(c: ManagementCertificate): Promise<void> {
  const { toPem } = await import('../../../../certificates/convert/conversions');
  downloadBytes(new TextEncoder().encode(toPem('CERTIFICATE', c.der)), certificateFileName(c, 'pem'), 'application/x-pem-file');
}
