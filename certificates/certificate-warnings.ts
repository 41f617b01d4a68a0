import type { OpenedCertificateFile } from './open-certificate-file';
import { OID } from './oids';

export type CertificatePurpose = 'management' | 'apim';

export interface CertificateWarning {
  code: 'expired' | 'not-yet-valid' | 'expires-soon' | 'weak-rsa' | 'sha1-signature' | 'no-client-auth-eku' | 'private-key-present' | 'no-private-key';
  severity: 'error' | 'warning';
  message: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const EXPIRES_SOON_DAYS = 30;

function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function certificateWarnings(file: OpenedCertificateFile, purpose: CertificatePurpose, now: Date = new Date()): CertificateWarning[] {
  const { leaf } = file;
  const warnings: CertificateWarning[] = [];
  if (leaf.notAfter.getTime() < now.getTime()) {
    warnings.push({ code: 'expired', severity: 'error', message: `The certificate expired on ${formatDate(leaf.notAfter)}` });
  } else if (leaf.notBefore.getTime() > now.getTime()) {
    warnings.push({ code: 'not-yet-valid', severity: 'error', message: `The certificate is not valid before ${formatDate(leaf.notBefore)}` });
  } else {
    const daysLeft = Math.floor((leaf.notAfter.getTime() - now.getTime()) / DAY_MS);
    if (daysLeft < EXPIRES_SOON_DAYS) {
      warnings.push({
        code: 'expires-soon',
        severity: 'warning',
        message: `The certificate expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'} (${formatDate(leaf.notAfter)})`,
      });
    }
  }
  if ((leaf.publicKey.algorithm === 'RSA' || leaf.publicKey.algorithm === 'RSA-PSS') && leaf.publicKey.sizeBits !== null && leaf.publicKey.sizeBits < 2048) {
    warnings.push({ code: 'weak-rsa', severity: 'warning', message: `The RSA key has ${leaf.publicKey.sizeBits} bits; use 2048 or more` });
  }
  if (/sha1|SHA1/.test(leaf.signatureAlgorithm)) {
    warnings.push({
      code: 'sha1-signature',
      severity: 'warning',
      message: `The certificate is signed with SHA-1 (${leaf.signatureAlgorithm}), which is deprecated`,
    });
  }
  if (purpose === 'management') {
    // No EKU extension at all means "any purpose" to Windows and Azure, so only an EKU list that leaves
    // out Client Authentication is worth a warning; warning on makecert-style certificates would be noise.
    const ekus = leaf.extendedKeyUsage.map((e) => e.oid);
    if (ekus.length > 0 && !ekus.includes(OID.clientAuth) && !ekus.includes(OID.anyExtendedKeyUsage)) {
      warnings.push({
        code: 'no-client-auth-eku',
        severity: 'warning',
        message: `The certificate is not marked for Client Authentication (its uses: ${leaf.extendedKeyUsage.map((e) => e.name).join(', ')})`,
      });
    }
    if (file.hasPrivateKey) {
      warnings.push({
        code: 'private-key-present',
        severity: 'warning',
        message: 'The file contains a private key; a management certificate needs only the public part (.cer). Keep the private key to yourself.',
      });
    }
  }
  if (purpose === 'apim' && !file.hasPrivateKey) {
    warnings.push({ code: 'no-private-key', severity: 'error', message: 'API Management needs the private key: upload a .pfx file that includes it' });
  }
  return warnings;
}
