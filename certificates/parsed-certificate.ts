import * as pkijs from 'pkijs';
import { children, contentBytes, encodedBytes, encodedLength, isContext, parseBer, withPkijs, type Block } from './asn1';
import { CertificateError, corrupt } from './certificate-error';
import { readName, type ParsedName } from './distinguished-name';

export interface ParsedCertificate {
  /** The certificate's bytes exactly (a PEM "TRUSTED CERTIFICATE" block holds trust settings after them). */
  der: Uint8Array;
  certificate: pkijs.Certificate;
  serial: Uint8Array;
  issuer: ParsedName;
  subject: ParsedName;
  notBefore: Date;
  notAfter: Date;
  /** The SubjectPublicKeyInfo exactly as encoded. */
  spki: Uint8Array;
  signatureAlgorithmOid: string;
  extensions: Map<string, pkijs.Extension>;
}

/**
 * X.509 via pkijs.Certificate. `root` is the asn1js decoding of `bytes` when the caller already has it
 * (format detection); with `allowTrailing`, bytes after the certificate are ignored.
 */
export function parseCertificate(bytes: Uint8Array, root?: Block, allowTrailing = false): ParsedCertificate {
  try {
    const block = root ?? parseBer(bytes, 'certificate', { allowTrailing });
    const certificate = withPkijs('certificate structure', () => new pkijs.Certificate({ schema: block }));
    // pkijs keeps the values; the raw blocks it checked are still in the asn1js tree, in schema order.
    const fields = children(children(block)[0]);
    const at = isContext(fields[0], 0) ? 1 : 0;
    const serial = contentBytes(certificate.serialNumber);
    if (serial.length === 0) throw corrupt('Invalid serial number');
    const [notBefore, notAfter] = children(fields[at + 3]).map((time, i) => checkTime(time, i === 0 ? certificate.notBefore : certificate.notAfter));
    const extensions = new Map<string, pkijs.Extension>();
    for (const extension of certificate.extensions ?? []) extensions.set(extension.extnID, extension);
    return {
      der: bytes.subarray(0, encodedLength(block)),
      certificate,
      serial,
      issuer: readName(certificate.issuer, 'issuer name', fields[at + 2]),
      subject: readName(certificate.subject, 'subject name', fields[at + 4]),
      notBefore,
      notAfter,
      spki: encodedBytes(fields[at + 5]),
      signatureAlgorithmOid: certificate.signatureAlgorithm.algorithmId,
      extensions,
    };
  } catch (error) {
    if (error instanceof CertificateError) {
      const code = error.code === 'truncated' ? 'truncated' : 'corrupt';
      throw new CertificateError(code, `The certificate is damaged: ${error.message}`);
    }
    throw new CertificateError('corrupt', 'The certificate is damaged');
  }
}

/**
 * asn1js records a UTCTime it cannot read in `.error` (and pkijs then holds a made-up date); GeneralizedTime
 * errors are thrown while decoding and surface from parseBer.
 */
function checkTime(block: Block, time: pkijs.Time): Date {
  const date = time.value;
  if (block.error || !(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw corrupt(`Invalid time "${new TextDecoder('latin1').decode(contentBytes(block))}"`);
  }
  return date;
}
