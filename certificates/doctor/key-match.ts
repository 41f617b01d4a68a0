import type { OpenedCertificateFile } from '../open-certificate-file';
import type { DoctorFinding, DoctorUse } from './finding';

/**
 * The key-match line of the report. Its 'error' wording is also what the emulator answers in its 400 for the same file,
 * so the admin reads the same sentence before and after sending.
 */
export function keyMatchFinding(file: OpenedCertificateFile, use: DoctorUse): DoctorFinding | null {
  const algorithm = file.leaf.publicKey.algorithm;
  if (!file.hasPrivateKey) {
    if (use !== 'apim') return null;
    return {
      code: 'no-private-key',
      severity: 'error',
      message: 'The file holds no private key; API Management needs the certificate together with its private key',
      fix: 'Export the certificate with its private key as a .pfx file',
    };
  }
  if (file.privateKeyMatchesLeaf === true) {
    return { code: 'key-matches', severity: 'info', message: `The private key belongs to the certificate (${algorithm})`, fix: '' };
  }
  if (file.privateKeyMatchesLeaf === false) {
    return {
      code: 'key-mismatch',
      severity: 'error',
      message: `The private key in the file does not belong to the certificate "${file.leaf.subject}" (${algorithm}): it is another certificate's key`,
      fix: 'Export the certificate and its own private key together again',
    };
  }
  return null;
}
