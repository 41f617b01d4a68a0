import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import type { Db } from '../store/database.ts';
import { APIM_DEMO } from './demo-ids.ts';
import { KEY_VAULT_PFX } from './key-vault-demo-pfx.ts';
import { summarizeCertificate } from '../../certificates/certificate-summary.ts';
import { openCertificateFile } from '../../certificates/open-certificate-file.ts';
import { putSecret } from '../store/key-vault-secret-store.ts';
import { formatAzureDate } from '../common/azure-dates.ts';
import { insertCertificateReference } from '../store/apim-certificate-reference-store.ts';
import { getCertificate, insertCertificate, type KeyVaultState } from '../store/apim-certificate-store.ts';
import { insertService, type ServiceKey } from '../store/apim-service-store.ts';
import { insertResourceGroup } from '../store/resource-group-store.ts';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const DAY = 86_400_000;

interface DemoCertificate {
  service: ServiceKey;
  id: string;
  subject: string;
  /** Days from now; negative: already expired. */
  expiresInDays: number;
}

const prod = APIM_DEMO.production;
const dev = APIM_DEMO.development;
const main: ServiceKey = { subscriptionId: prod.subscriptionId, resourceGroup: prod.resourceGroup, serviceName: prod.service };
const partners: ServiceKey = { subscriptionId: prod.subscriptionId, resourceGroup: prod.resourceGroup, serviceName: prod.partnerService };
const devService: ServiceKey = { subscriptionId: dev.subscriptionId, resourceGroup: dev.resourceGroup, serviceName: dev.service };

const uploaded: DemoCertificate[] = [
  { service: main, id: 'backend-mtls', subject: 'C=US, O=Contoso Ltd, CN=orders-backend.contoso.com', expiresInDays: 300 },
  { service: main, id: 'payments-client', subject: 'C=US, O=Contoso Ltd, OU=Payments, CN=payments-client.contoso.com', expiresInDays: 700 },
  { service: main, id: 'partner-gateway', subject: 'C=US, O=Contoso Ltd, CN=partner-gateway.contoso.com', expiresInDays: 12 },
  { service: main, id: 'inventory-backend', subject: 'C=DE, O=Contoso GmbH, CN=inventory.contoso.de', expiresInDays: 25 },
  { service: main, id: 'legacy-soap-client', subject: 'C=US, O=Contoso Ltd, CN=soap.legacy.contoso.com', expiresInDays: -40 },
  { service: partners, id: 'fabrikam-client', subject: 'C=US, O=Fabrikam Inc, CN=api.fabrikam.com', expiresInDays: 400 },
  { service: partners, id: 'northwind-client', subject: 'C=GB, O=Northwind Traders, CN=gateway.northwind.example', expiresInDays: -3 },
  { service: partners, id: 'tailspin-client', subject: 'C=US, O=Tailspin Toys, CN=b2b.tailspin.example', expiresInDays: 5 },
  { service: devService, id: 'dev-selfsigned', subject: 'CN=localhost-dev.contoso.com', expiresInDays: 180 },
  { service: devService, id: 'dev-expired', subject: 'CN=old-dev.contoso.com', expiresInDays: -200 },
  { service: devService, id: 'dev-expiring', subject: 'CN=staging.contoso.com', expiresInDays: 29 },
];

/** Certificates signed with one shared key: the seed must be fast, and nothing here uses the key. */
async function makeCertificate(key: CryptoKeyPair, subject: string, notAfter: Date): Promise<Uint8Array> {
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
      .toString('hex')
      .replace(/^./, '4'),
    name: subject,
    notBefore: new Date(notAfter.getTime() - 730 * DAY),
    notAfter,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    keys: key,
    extensions: [new x509.BasicConstraintsExtension(false, undefined, true), new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth])],
  });
  return new Uint8Array(certificate.rawData);
}

/** Resource groups, three API Management services, ~15 certificates and the Key Vault secrets behind some of them. */
export async function seedApimDemo(db: Db): Promise<void> {
  const now = new Date();
  const key = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const openPfx = async (base64: string) => {
    const pfx = Buffer.from(base64, 'base64');
    return { pfx, summary: (await openCertificateFile(pfx, { password: '' })).leaf };
  };
  const [certificates, gatewayOld, gateway, payments, restricted, devKv] = await Promise.all([
    Promise.all(
      uploaded.map(async (c) => ({
        demo: c,
        summary: await summarizeCertificate(await makeCertificate(key, c.subject, new Date(now.getTime() + c.expiresInDays * DAY))),
      })),
    ),
    openPfx(KEY_VAULT_PFX.gatewayOld),
    openPfx(KEY_VAULT_PFX.gateway),
    openPfx(KEY_VAULT_PFX.payments),
    openPfx(KEY_VAULT_PFX.restricted),
    openPfx(KEY_VAULT_PFX.dev),
  ]);

  db.transaction(() => {
    insertResourceGroup(db, { subscription_id: prod.subscriptionId, name: prod.resourceGroup, location: 'westeurope' });
    insertResourceGroup(db, { subscription_id: prod.subscriptionId, name: 'rg-networking', location: 'westeurope' });
    insertResourceGroup(db, { subscription_id: dev.subscriptionId, name: dev.resourceGroup, location: 'northeurope' });
    const service = (key: ServiceKey, location: string, sku: string, publisherEmail: string, publisherName: string, identities: string[]) =>
      insertService(db, {
        subscription_id: key.subscriptionId,
        resource_group: key.resourceGroup,
        name: key.serviceName,
        location,
        sku_name: sku,
        sku_capacity: 1,
        publisher_email: publisherEmail,
        publisher_name: publisherName,
        user_identity_client_ids: JSON.stringify(identities),
      });
    service(main, 'West Europe', 'Premium', 'api-team@contoso.com', 'Contoso', [prod.userIdentityClientId]);
    service(partners, 'West Europe', 'Standard', 'partners@contoso.com', 'Contoso Partner Program', []);
    service(devService, 'North Europe', 'Developer', 'dev-team@contoso.com', 'Contoso Dev', []);

    const secretAt = (days: number) => new Date(now.getTime() - days * DAY);
    putSecret(db, {
      vault: APIM_DEMO.vault,
      name: 'gateway-cert',
      version: APIM_DEMO.secrets.gatewayOldVersion,
      value: gatewayOld.pfx,
      createdAt: secretAt(300),
    });
    putSecret(db, { vault: APIM_DEMO.vault, name: 'gateway-cert', version: APIM_DEMO.secrets.gatewayVersion, value: gateway.pfx, createdAt: secretAt(10) });
    putSecret(db, { vault: APIM_DEMO.vault, name: 'payments-cert', version: APIM_DEMO.secrets.paymentsVersion, value: payments.pfx, createdAt: secretAt(1) });
    putSecret(db, {
      vault: APIM_DEMO.vault,
      name: 'restricted-cert',
      version: APIM_DEMO.secrets.restrictedVersion,
      value: restricted.pfx,
      access: 'forbidden',
      createdAt: secretAt(100),
    });
    putSecret(db, { vault: APIM_DEMO.devVault, name: 'dev-cert', version: APIM_DEMO.secrets.devVersion, value: devKv.pfx, createdAt: secretAt(0) });

    const add = (
      service: ServiceKey,
      id: string,
      summary: { subject: string; thumbprintSha1: string; notAfter: Date; der: Uint8Array },
      keyVault: KeyVaultState | null,
    ) => {
      if (getCertificate(db, service, id)) return;
      insertCertificate(
        db,
        service,
        id,
        {
          subject: summary.subject,
          thumbprint: summary.thumbprintSha1,
          expirationDate: formatAzureDate(summary.notAfter),
          keyVault,
          data: Buffer.from(summary.der),
        },
        now,
      );
    };
    for (const { demo, summary } of certificates) add(demo.service, demo.id, summary, null);

    const vaultUrl = (vault: string, name: string, version?: string) => `https://${vault}.vault.azure.net/secrets/${name}${version ? `/${version}` : ''}`;
    const checked = formatAzureDate(new Date(now.getTime() - 3600_000));
    const success = { code: 'Success', timeStampUtc: checked };
    add(main, 'kv-gateway', gateway.summary, { secretIdentifier: vaultUrl(APIM_DEMO.vault, 'gateway-cert'), identityClientId: null, lastStatus: success });
    add(main, 'kv-payments-pinned', payments.summary, {
      secretIdentifier: vaultUrl(APIM_DEMO.vault, 'payments-cert', APIM_DEMO.secrets.paymentsVersion),
      identityClientId: prod.userIdentityClientId,
      lastStatus: success,
    });
    // Both were fetched once, then the secret went away or access was revoked: the last good certificate stays.
    add(main, 'kv-deleted-secret', gatewayOld.summary, {
      secretIdentifier: vaultUrl(APIM_DEMO.vault, 'deleted-cert'),
      identityClientId: null,
      lastStatus: {
        code: 'SecretNotFound',
        message: `Key Vault has no secret '${vaultUrl(APIM_DEMO.vault, 'deleted-cert')}': it was deleted, or the name or version is wrong.`,
        timeStampUtc: checked,
      },
    });
    add(main, 'kv-no-access', restricted.summary, {
      secretIdentifier: vaultUrl(APIM_DEMO.vault, 'restricted-cert'),
      identityClientId: null,
      lastStatus: {
        code: 'Forbidden',
        message: `Key Vault denied the service's system-assigned identity access to secret '${vaultUrl(APIM_DEMO.vault, 'restricted-cert')}': the identity lacks the 'get' permission on secrets (grant the 'Key Vault Secrets User' role or an access policy).`,
        timeStampUtc: checked,
      },
    });
    add(devService, 'kv-dev', devKv.summary, { secretIdentifier: vaultUrl(APIM_DEMO.devVault, 'dev-cert'), identityClientId: null, lastStatus: success });

    const usedBy = (certificateId: string) => ({
      subscription_id: main.subscriptionId,
      resource_group: main.resourceGroup,
      service_name: main.serviceName,
      certificate_id: certificateId,
    });
    insertCertificateReference(db, usedBy(APIM_DEMO.certificateInUse), { kind: 'policy', name: APIM_DEMO.policyUsingIt });
    insertCertificateReference(db, usedBy('inventory-backend'), { kind: 'backend', name: 'inventory-service' });
  })();
}
