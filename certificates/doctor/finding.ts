/** What the doctor says about one point: how bad it is, what is wrong, and the one thing to do about it. */
export interface DoctorFinding {
  code: DoctorFindingCode;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** One line: what to do. Empty for an 'info' finding that needs nothing. */
  fix: string;
}

export type DoctorFindingCode =
  | 'missing-intermediate'
  | 'wrong-order'
  | 'root-included'
  | 'root-not-included'
  | 'key-matches'
  | 'key-mismatch'
  | 'no-private-key'
  | 'weak-rsa'
  | 'sha1-signature'
  | 'tls-validity-too-long'
  | 'tls-no-san'
  | 'eku-not-client-auth'
  | 'eku-not-server-auth'
  | 'not-a-ca'
  | 'ca-without-key-cert-sign'
  | 'not-yet-valid'
  | 'expired'
  | 'key-usage-wrong-for-key-type'
  | 'legacy-encryption'
  | 'aes-encryption'
  | 'sha1-mac';

/**
 * What the certificate is for, as the doctor judges it: a classic management certificate, an API Management
 * (backend client) certificate, a TLS server certificate, or a CA certificate uploaded as a trust anchor.
 */
export type DoctorUse = 'management' | 'apim' | 'tls-server' | 'ca';

export const DOCTOR_USES: readonly { use: DoctorUse; label: string }[] = [
  { use: 'management', label: 'Management certificate (classic subscriptions)' },
  { use: 'apim', label: 'API Management backend client certificate' },
  { use: 'tls-server', label: 'TLS server certificate' },
  { use: 'ca', label: 'CA certificate' },
];
