import type { DoctorReport } from '../../../certificates/doctor/diagnose';
import type { DoctorUse } from '../../../certificates/doctor/finding';
import type { OpenedCertificateFile } from '../../../certificates/open-certificate-file';

export type InspectResult =
  | { state: 'opened'; file: OpenedCertificateFile; report: DoctorReport }
  | { state: 'password-required' }
  | { state: 'wrong-password' }
  | { state: 'failed'; message: string };

/** Opens a file and runs the doctor on it, in this browser; the toolkit is imported here, on demand. */
export async function inspectFile(bytes: Uint8Array, password: string, use: DoctorUse): Promise<InspectResult> {
  const [{ openCertificateFile }, { diagnose }, { CertificateError }] = await Promise.all([
    import('../../../certificates/open-certificate-file'),
    import('../../../certificates/doctor/diagnose'),
    import('../../../certificates/certificate-error'),
  ]);
  try {
    const file = await openCertificateFile(bytes, { password });
    return { state: 'opened', file, report: diagnose(file, use) };
  } catch (error) {
    if (error instanceof CertificateError && error.code === 'password-required') return { state: 'password-required' };
    if (error instanceof CertificateError && error.code === 'wrong-password') return { state: password ? 'wrong-password' : 'password-required' };
    return { state: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
