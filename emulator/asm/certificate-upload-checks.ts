import { asmErrors } from '../common/asm-error.ts';
import { CertificateError } from '../../certificates/certificate-error.ts';
import { summarizeCertificate, type CertificateSummary } from '../../certificates/certificate-summary.ts';
import { detectFormat } from '../../certificates/detect-format.ts';
import { dotNetPublicKey } from '../../certificates/dotnet-public-key.ts';
import { lintCertificate } from '../../certificates/doctor/lints.ts';
import type { DoctorFindingCode } from '../../certificates/doctor/finding.ts';
import { bytesEqual, fromBase64 } from '../../certificates/encoding.ts';
import type { AddCertificateBody } from './subscription-certificate-xml.ts';

export interface CheckedCertificate {
  thumbprint: string;
  publicKey: Uint8Array;
  data: Uint8Array;
}

/** What the real service checks before it stores a management certificate: a .cer whose thumbprint and key the caller got right. */
export async function checkCertificateUpload(body: AddCertificateBody): Promise<CheckedCertificate> {
  const data = decodeBase64(body.data, 'SubscriptionCertificateData');
  const summary = await readPublicCertificate(data);
  refuseWhatTheServiceRefuses(summary);
  const thumbprint = checkThumbprint(body.thumbprint, summary.thumbprintSha1);
  const publicKey = checkPublicKey(body.publicKey, data);
  return { thumbprint, publicKey, data };
}

function decodeBase64(text: string, element: string): Uint8Array {
  try {
    return fromBase64(text);
  } catch (error) {
    const reason = error instanceof CertificateError ? error.message : 'invalid base64';
    throw asmErrors.badRequest(`${element} is not valid base64: ${reason}.`);
  }
}

async function readPublicCertificate(data: Uint8Array): Promise<CertificateSummary> {
  let format: string;
  try {
    format = detectFormat(data);
  } catch (error) {
    if (!(error instanceof CertificateError)) throw error;
    throw asmErrors.badRequest(`SubscriptionCertificateData is not a DER X.509 certificate (.cer): ${error.message}.`);
  }
  if (format === 'pkcs12') {
    throw asmErrors.badRequest(
      'SubscriptionCertificateData is a PKCS#12 (.pfx) file; upload the public certificate (.cer) instead: a management certificate never carries its private key.',
    );
  }
  if (format !== 'der') {
    throw asmErrors.badRequest(
      `SubscriptionCertificateData holds ${format === 'pem' ? 'PEM text' : 'base64 text'}: send the base64 of the DER certificate (.cer) bytes.`,
    );
  }
  try {
    return await summarizeCertificate(data);
  } catch (error) {
    if (!(error instanceof CertificateError)) throw error;
    throw asmErrors.badRequest(`SubscriptionCertificateData is not a valid X.509 certificate: ${error.message}.`);
  }
}

/**
 * The doctor's findings the service itself refuses, worded as the doctor words them, so the browser's report and the
 * 400 say one sentence. Microsoft documents one: management certificates must have a key of at least 2048 bits. A
 * server-only EKU or an expired certificate is not refused (Azure documents no such check), so the doctor only warns.
 */
const REFUSED: ReadonlySet<DoctorFindingCode> = new Set(['weak-rsa']);

function refuseWhatTheServiceRefuses(summary: CertificateSummary): void {
  // The refused findings do not depend on the date; the clock is only what lintCertificate takes.
  const refused = lintCertificate(summary, 'management', new Date()).filter((f) => REFUSED.has(f.code));
  if (refused.length > 0) throw asmErrors.badRequest(`SubscriptionCertificateData: ${refused.map((f) => `${f.message}. ${f.fix}.`).join(' ')}`);
}

function checkThumbprint(claimed: string, actual: string): string {
  const thumbprint = claimed.trim().toUpperCase();
  if (!/^[0-9A-F]{40}$/.test(thumbprint)) {
    throw asmErrors.badRequest(`SubscriptionCertificateThumbprint '${claimed}' is not a SHA-1 thumbprint (40 hexadecimal digits).`);
  }
  if (thumbprint !== actual) {
    throw asmErrors.badRequest(`SubscriptionCertificateThumbprint ${thumbprint} does not match the certificate: its SHA-1 thumbprint is ${actual}.`);
  }
  return actual;
}

function checkPublicKey(claimedBase64: string, data: Uint8Array): Uint8Array {
  const claimed = decodeBase64(claimedBase64, 'SubscriptionCertificatePublicKey');
  const actual = dotNetPublicKey(data);
  if (bytesEqual(claimed, actual)) return actual;
  const spkiHint =
    claimed.length > actual.length && bytesEqual(claimed.subarray(claimed.length - actual.length), actual)
      ? ' It looks like the whole SubjectPublicKeyInfo: send only the key (for RSA the PKCS#1 RSAPublicKey), as .NET GetPublicKey() returns it.'
      : ' It must be the key as .NET GetPublicKey() returns it (for RSA the PKCS#1 RSAPublicKey).';
  throw asmErrors.badRequest(`SubscriptionCertificatePublicKey does not match the certificate's public key.${spkiHint}`);
}
