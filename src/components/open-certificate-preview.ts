import type { OpenedCertificateFile } from '../../certificates/open-certificate-file';
import type { CertificatePurpose, CertificateWarning } from '../../certificates/certificate-warnings';
import type { DoctorReport } from '../../certificates/doctor/diagnose';

/** A problem the caller finds in an opened file (e.g. "no private key"), said with a title and a sentence. */
export interface PreviewProblem {
  title: string;
  message: string;
}

/** Where opening a picked certificate file stands: the one state machine of every file picker that previews. */
export type CertificateFilePreviewState =
  | { state: 'idle' }
  | { state: 'opening' }
  | { state: 'opened'; file: OpenedCertificateFile; warnings: CertificateWarning[]; report: DoctorReport }
  /** A PKCS#12 file that needs its password: `refused` when an empty one was tried, not just the file recognised. */
  | { state: 'password-required'; refused: boolean }
  | { state: 'wrong-password' }
  /** `passwordGiven`: the failure came while unlocking the file with a password, not from reading it. */
  | { state: 'failed'; title: string; message: string; passwordGiven: boolean };

export interface PreviewOptions {
  purpose: CertificatePurpose;
  /** Refuses an opened file for this use (the preview then fails with the returned problem). Keep it stable: declare it at module level. */
  check?: (file: OpenedCertificateFile) => PreviewProblem | null;
}

export const UNUSABLE_FILE = 'This file cannot be used';

/**
 * Opens a certificate file in the browser, before anything is sent. The toolkit is imported here, on demand, so it stays
 * a lazy chunk. Without a password (`undefined`) a PKCS#12 file is only recognised, never opened: the caller asks for it.
 */
export async function openCertificatePreview(bytes: Uint8Array, password: string | undefined, options: PreviewOptions): Promise<CertificateFilePreviewState> {
  const [{ openCertificateFile }, { certificateWarnings }, { CertificateError }, { detectFormat }, { diagnose }] = await Promise.all([
    import('../../certificates/open-certificate-file'),
    import('../../certificates/certificate-warnings'),
    import('../../certificates/certificate-error'),
    import('../../certificates/detect-format'),
    import('../../certificates/doctor/diagnose'),
  ]);
  const passwordGiven = password !== undefined;
  try {
    if (!passwordGiven && detectFormat(bytes) === 'pkcs12') return { state: 'password-required', refused: false };
    const file = await openCertificateFile(bytes, passwordGiven ? { password } : {});
    if (!passwordGiven && file.contentFormat === 'pkcs12') return { state: 'password-required', refused: false };
    const problem = options.check?.(file);
    if (problem) return { state: 'failed', ...problem, passwordGiven };
    return { state: 'opened', file, warnings: certificateWarnings(file, options.purpose), report: diagnose(file, options.purpose) };
  } catch (error) {
    if (passwordGiven && error instanceof CertificateError && (error.code === 'wrong-password' || error.code === 'password-required')) {
      return password === '' ? { state: 'password-required', refused: true } : { state: 'wrong-password' };
    }
    return { state: 'failed', title: UNUSABLE_FILE, message: error instanceof Error ? error.message : String(error), passwordGiven };
  }
}
