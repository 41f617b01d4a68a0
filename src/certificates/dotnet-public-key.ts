import { CertificateError } from './certificate-error';
import { bitStringBytes, readSingle, sequence } from './der';

/** What .NET's X509Certificate2.GetPublicKey() returns: the SPKI BIT STRING contents (for RSA, the DER RSAPublicKey). */
export function dotNetPublicKey(certificateDer: Uint8Array): Uint8Array {
  try {
    const [tbs] = sequence(readSingle(certificateDer), 'certificate');
    const fields = sequence(tbs, 'certificate body');
    const offset = fields[0]?.tagClass === 2 ? 1 : 0;
    const [, keyBits] = sequence(fields[offset + 5], 'public key');
    return bitStringBytes(keyBits, 'public key').slice();
  } catch (error) {
    if (error instanceof CertificateError) throw new CertificateError(error.code === 'truncated' ? 'truncated' : 'corrupt', `The certificate is damaged: ${error.message}`);
    throw new CertificateError('corrupt', 'The certificate is damaged');
  }
}
