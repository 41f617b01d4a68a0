import { CertificateError } from '../../../certificates/certificate-error.ts';
import { detectFormat } from '../../../certificates/detect-format.ts';
import { openCertificateFile, type OpenedCertificateFile } from '../../../certificates/open-certificate-file.ts';
import { blockingFindings, diagnose } from '../../../certificates/doctor/diagnose.ts';
import { formatAzureDate } from '../../common/azure-dates.ts';

export interface PfxFacts {
  subject: string;
  thumbprint: string;
  expirationDate: string;
  leafDer: Buffer;
}

/** Why a file cannot be used, worded for the person who chose it. `source` names it: "The uploaded data", "Key Vault secret '…'". */
export class PfxRejected extends Error {
  /** The certificate doctor's own sentences, when it is the doctor that refuses the file. */
  constructor(
    message: string,
    readonly doctorMessages: string[] = [],
  ) {
    super(message);
  }
}

/** Opens a PKCS#12 file with the shared certificate toolkit and keeps what API Management shows of it. */
export async function openPfx(bytes: Uint8Array, password: string, source: string): Promise<PfxFacts> {
  let format: string;
  try {
    format = detectFormat(bytes);
  } catch (error) {
    if (error instanceof CertificateError) throw new PfxRejected(`${source} is not a PKCS#12 (.pfx) file: ${error.message}.`);
    throw error;
  }
  if (format !== 'pkcs12') {
    const what = format === 'pem' ? 'a PEM text file' : 'a certificate without its private key (.cer)';
    throw new PfxRejected(`${source} is ${what}, not a PKCS#12 (.pfx) file. Export the certificate with its private key as .pfx and upload that.`);
  }
  let opened: OpenedCertificateFile;
  try {
    opened = await openCertificateFile(bytes, { password });
  } catch (error) {
    if (!(error instanceof CertificateError)) throw error;
    switch (error.code) {
      case 'wrong-password':
        throw new PfxRejected(`${source}: the password is incorrect for this .pfx file.`);
      case 'password-required':
        throw new PfxRejected(`${source}: this .pfx file is protected by a password; send it in properties.password.`);
      default:
        throw new PfxRejected(`${source} could not be read as a .pfx file: ${error.message}.`);
    }
  }
  // The same toolkit, the same sentences: what the browser's preview said about this file is what the 400 says.
  const blocking = blockingFindings(diagnose(opened, 'apim')).map((f) => f.message);
  if (blocking.length > 0) throw new PfxRejected(`${source}: ${blocking.join('; ')}.`, blocking);
  return {
    subject: opened.leaf.subject,
    thumbprint: opened.leaf.thumbprintSha1.toUpperCase(),
    expirationDate: formatAzureDate(opened.leaf.notAfter),
    leafDer: Buffer.from(opened.leaf.der),
  };
}
