import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createHash, webcrypto } from 'node:crypto';
import { dotNetPublicKey } from '../../certificates/dotnet-public-key.ts';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const rsa = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 } as const;

export interface IssuedCertificate {
  der: Uint8Array;
  /** Uppercase hex SHA-1 of the DER. */
  thumbprint: string;
  /** .NET GetPublicKey() bytes. */
  publicKey: Uint8Array;
  certificatePem: string;
  keyPair: CryptoKeyPair;
}

export function createRsaKeyPair(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(rsa, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

/**
 * A self-signed client-authentication certificate, as `New-SelfSignedCertificate` or `makecert` made for
 * management certificates. Generating RSA keys is the slow part: pass one key pair to sign many.
 */
export async function issueManagementCertificate(options: {
  keyPair: CryptoKeyPair;
  commonName: string;
  notBefore: Date;
  notAfter: Date;
}): Promise<IssuedCertificate> {
  const serial = webcrypto.getRandomValues(new Uint8Array(16));
  serial[0] &= 0x7f;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(serial).toString('hex'),
    name: `CN=${options.commonName}`,
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    signingAlgorithm: rsa,
    keys: options.keyPair,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
    ],
  });
  const der = new Uint8Array(certificate.rawData);
  return {
    der,
    thumbprint: createHash('sha1').update(der).digest('hex').toUpperCase(),
    publicKey: dotNetPublicKey(der),
    certificatePem: `${certificate.toString('pem')}\n`,
    keyPair: options.keyPair,
  };
}

export async function privateKeyPem(keyPair: CryptoKeyPair): Promise<string> {
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keyPair.privateKey)).toString('base64');
  return `-----BEGIN PRIVATE KEY-----\n${pkcs8.replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END PRIVATE KEY-----\n`;
}
