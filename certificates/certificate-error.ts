export type CertificateErrorCode = 'wrong-password' | 'password-required' | 'unrecognized-format' | 'truncated' | 'corrupt' | 'unsupported' | 'no-certificate';

export class CertificateError extends Error {
  readonly code: CertificateErrorCode;

  constructor(code: CertificateErrorCode, message: string) {
    super(message);
    this.name = 'CertificateError';
    this.code = code;
  }
}

/** The error of a damaged structure, the commonest one. */
export function corrupt(message: string): CertificateError {
  return new CertificateError('corrupt', message);
}
