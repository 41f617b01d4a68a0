import { CertificateError } from '../../../certificates/certificate-error.ts';
import { summarizeCertificate } from '../../../certificates/certificate-summary.ts';
import { detectFormat } from '../../../certificates/detect-format.ts';
import { fromBase64 } from '../../../certificates/encoding.ts';
import { formatAzureDate } from '../../common/azure-dates.ts';
import { validationError } from '../apim-errors.ts';

/** Azure's limit on a service's CA certificates (`properties.certificates`). */
export const MAX_CA_CERTIFICATES = 10;
const STORE_NAMES = ['CertificateAuthority', 'Root'] as const;

/** A CA certificate as stored: the public certificate and what the toolkit read from it. Never a password. */
export interface StoredCaCertificate {
  storeName: (typeof STORE_NAMES)[number];
  encodedCertificate: string;
  subject: string;
  thumbprint: string;
  expiry: string;
}

async function readOne(value: unknown, index: number): Promise<StoredCaCertificate> {
  const target = `properties.certificates[${index}]`;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw validationError(target, `${target} must be an object with encodedCertificate and storeName.`);
  const { encodedCertificate, storeName } = value as Record<string, unknown>;
  if (typeof storeName !== 'string' || !STORE_NAMES.some((name) => name.toLowerCase() === storeName.toLowerCase()))
    throw validationError(`${target}.storeName`, `${target}.storeName must be CertificateAuthority or Root.`);
  if (typeof encodedCertificate !== 'string' || encodedCertificate.trim() === '')
    throw validationError(`${target}.encodedCertificate`, `${target}.encodedCertificate is required: the base64 of the CA certificate (.cer).`);
  let der: Uint8Array;
  try {
    der = fromBase64(encodedCertificate.replace(/\s+/g, ''));
    const format = detectFormat(der);
    if (format === 'pkcs12') throw new CertificateError('unsupported', 'it is a PKCS#12 (.pfx) file: a CA certificate is public, send its .cer');
    if (format !== 'der') throw new CertificateError('unsupported', 'it is not a DER X.509 certificate');
  } catch (error) {
    if (!(error instanceof CertificateError)) throw error;
    throw validationError(`${target}.encodedCertificate`, `${target}.encodedCertificate is not a base64 X.509 certificate: ${error.message}.`);
  }
  try {
    const summary = await summarizeCertificate(der);
    const canonical = STORE_NAMES.find((name) => name.toLowerCase() === storeName.toLowerCase())!;
    return {
      storeName: canonical,
      encodedCertificate: Buffer.from(der).toString('base64'),
      subject: summary.subject,
      thumbprint: summary.thumbprintSha1,
      expiry: formatAzureDate(summary.notAfter),
    };
  } catch (error) {
    if (!(error instanceof CertificateError)) throw error;
    throw validationError(`${target}.encodedCertificate`, `${target}.encodedCertificate is not a valid X.509 certificate: ${error.message}.`);
  }
}

/** `properties.certificates` of a PUT or PATCH: at most 10, each parsed with the toolkit. */
export async function readCaCertificates(value: unknown): Promise<StoredCaCertificate[]> {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw validationError('properties.certificates', 'properties.certificates must be an array.');
  if (value.length > MAX_CA_CERTIFICATES)
    throw validationError('properties.certificates', `A service may have at most ${MAX_CA_CERTIFICATES} CA certificates; this request has ${value.length}.`);
  return Promise.all(value.map((item, index) => readOne(item, index)));
}

export function parseStoredCaCertificates(json: string | undefined): StoredCaCertificate[] {
  const parsed: unknown = JSON.parse(json ?? '[]');
  return Array.isArray(parsed) ? (parsed as StoredCaCertificate[]) : [];
}

/**
 * As the service returns them: the store, the certificate's subject, thumbprint and expiry (CertificateInformation),
 * and the public certificate itself, so a client can send the ones it keeps back in a PATCH, which replaces the list.
 */
export function toCertificateConfiguration(stored: StoredCaCertificate) {
  return {
    encodedCertificate: stored.encodedCertificate,
    storeName: stored.storeName,
    certificate: { expiry: stored.expiry, thumbprint: stored.thumbprint, subject: stored.subject },
  };
}
