import type { DoctorFinding } from './finding';

export interface EncryptionReport {
  /** e.g. "PBES2 (PBKDF2-HMAC-SHA-256, AES-256-CBC), integrity HMAC-SHA256 (2048 iterations)"; null when nothing is encrypted. */
  description: string | null;
  findings: DoctorFinding[];
}

/** What the schemes that protect a PKCS#12 file (or an encrypted PEM key) mean for the tools that will open it. */
export function describeEncryption(encryption: string | null, integrity: string | null): EncryptionReport {
  const description = [encryption, integrity && `integrity ${integrity}`].filter(Boolean).join(', ') || null;
  const findings: DoctorFinding[] = [];
  const text = encryption ?? '';
  if (/RC2|RC4|\bDES-CBC/.test(text)) {
    findings.push({
      code: 'legacy-encryption',
      severity: 'warning',
      message: `Part of the file is protected by a weak legacy cipher (${text}): OpenSSL 3 opens it only with -legacy, and it can be broken`,
      fix: 'Re-package it here with AES (modern tools) or 3DES (older Windows)',
    });
  } else if (/TripleDES|DES-EDE3/i.test(text)) {
    findings.push({
      code: 'legacy-encryption',
      severity: 'info',
      message: `3DES protects the file (${text}): every Windows version and OpenSSL 3 (without -legacy) open it`,
      fix: 'Nothing, unless your tools accept AES: then re-package it with AES',
    });
  }
  if (/AES/.test(text)) {
    findings.push({
      code: 'aes-encryption',
      severity: 'info',
      message: `AES protects the file (${text}): OpenSSL 1.1.1+, Azure and Windows 10 1709 / Server 2019 and later open it; Windows Server 2016 and older cannot`,
      fix: 'Nothing, unless an older Windows must import it: then re-package it with 3DES',
    });
  }
  if (/HMAC-SHA1\b/.test(integrity ?? '')) {
    findings.push({
      code: 'sha1-mac',
      severity: 'info',
      message: `The integrity check uses SHA-1 (${integrity}), as Windows exports do`,
      fix: 'Nothing for Windows; re-package with AES for a SHA-256 integrity check',
    });
  }
  return { description, findings };
}
