import type { CertificateSummary } from '../../../../certificates/certificate-summary';

// The service never returns a certificate's bytes: only what this browser uploaded can be parsed in full.
// Kept in memory for the session; never the .pfx or its password, only the public certificate's summary.
const uploaded = new Map<string, CertificateSummary>();

export function rememberUploaded(summary: CertificateSummary): void {
  uploaded.set(summary.thumbprintSha1.toUpperCase(), summary);
}

export function uploadedSummary(thumbprint: string): CertificateSummary | undefined {
  return uploaded.get(thumbprint.toUpperCase());
}
