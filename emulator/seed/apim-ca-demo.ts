import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import type { Db } from '../store/database.ts';
import { APIM_DEMO } from './demo-ids.ts';
import { summarizeCertificate } from '../../certificates/certificate-summary.ts';
import { formatAzureDate } from '../common/azure-dates.ts';
import { setServiceCaCertificates } from '../store/apim-service-store.ts';
import type { StoredCaCertificate } from '../arm/apim-services/ca-certificates.ts';

const DAY = 86_400_000;

async function caCertificate(key: CryptoKeyPair, subject: string, storeName: StoredCaCertificate['storeName'], days: number): Promise<StoredCaCertificate> {
  const now = Date.now();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
      .toString('hex')
      .replace(/^./, '4'),
    name: subject,
    notBefore: new Date(now - 365 * DAY),
    notAfter: new Date(now + days * DAY),
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    keys: key,
    extensions: [
      new x509.BasicConstraintsExtension(true, 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  const der = new Uint8Array(certificate.rawData);
  const summary = await summarizeCertificate(der);
  return {
    storeName,
    encodedCertificate: Buffer.from(der).toString('base64'),
    subject: summary.subject,
    thumbprint: summary.thumbprintSha1,
    expiry: formatAzureDate(summary.notAfter),
  };
}

/** The demo services' CA certificates (`properties.certificates`), so the blades that show them have something to show. */
export async function seedApimCaDemo(db: Db): Promise<void> {
  const key = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const [root, issuing, devRoot] = await Promise.all([
    caCertificate(key, 'C=US, O=Contoso Ltd, CN=Contoso Root CA', 'Root', 3650),
    caCertificate(key, 'C=US, O=Contoso Ltd, CN=Contoso Issuing CA 01', 'CertificateAuthority', 20),
    caCertificate(key, 'O=Contoso Dev, CN=Contoso Dev Root CA', 'Root', 365),
  ]);
  const { production, development } = APIM_DEMO;
  setServiceCaCertificates(db, { subscriptionId: production.subscriptionId, resourceGroup: production.resourceGroup, serviceName: production.service }, [
    root,
    issuing,
  ]);
  setServiceCaCertificates(db, { subscriptionId: development.subscriptionId, resourceGroup: development.resourceGroup, serviceName: development.service }, [
    devRoot,
  ]);
}
