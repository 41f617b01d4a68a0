import type { Db } from '../store/database.ts';
import { insertManagementCertificate } from '../store/management-certificate-store.ts';
import { DEMO_SUBSCRIPTIONS } from './demo-ids.ts';
import { createRsaKeyPair, issueManagementCertificate, type IssuedCertificate } from '../asm/management-certificate-factory.ts';

const DAY = 86_400_000;

interface DemoCertificate {
  commonName: string;
  /** Days from now; negative is in the past. */
  notBefore: number;
  notAfter: number;
}

const production: DemoCertificate[] = [
  { commonName: 'Contoso Release Pipeline', notBefore: -400, notAfter: 330 },
  { commonName: 'Visual Studio Publish (alice)', notBefore: -700, notAfter: 19 },
  { commonName: 'Azure PowerShell - ops-jumpbox-01', notBefore: -800, notAfter: -12 },
  { commonName: 'Octopus Deploy - prod', notBefore: -90, notAfter: 640 },
  { commonName: 'Red Gate Cloud Backup', notBefore: -1200, notAfter: 2450 },
];

const developmentNames = [
  'Jenkins build agent',
  'Visual Studio Publish (dev team)',
  'Azure CLI classic - laptop',
  'Cloud Service deploy - staging',
  'TeamCity agent',
];

// 24 of 25: the demo shows the limit with one upload left.
const development: DemoCertificate[] = Array.from({ length: 24 }, (_, i) => ({
  commonName: `${developmentNames[i % developmentNames.length]} ${String(Math.floor(i / developmentNames.length) + 1).padStart(2, '0')}`,
  notBefore: -30 - i * 20,
  notAfter: i === 3 ? -40 : i === 7 ? 9 : 60 + i * 45,
}));

const legacy: DemoCertificate[] = [
  { commonName: 'Fabrikam Publish Settings (2016)', notBefore: -3000, notAfter: 650 },
  { commonName: 'Fabrikam SCOM monitoring', notBefore: -2500, notAfter: 300 },
];

/** Management certificates per subscription, signed with a few shared keys so the seed stays fast. */
export async function seedAsmDemo(db: Db): Promise<void> {
  const now = Date.now();
  const keyPairs = await Promise.all([createRsaKeyPair(), createRsaKeyPair()]);
  const plan: [string, DemoCertificate[]][] = [
    [DEMO_SUBSCRIPTIONS.production.id, production],
    [DEMO_SUBSCRIPTIONS.development.id, development],
    [DEMO_SUBSCRIPTIONS.legacy.id, legacy],
  ];
  const rows: { subscriptionId: string; issued: IssuedCertificate; created: string }[] = [];
  for (const [subscriptionId, certificates] of plan) {
    for (const [i, demo] of certificates.entries()) {
      const issued = await issueManagementCertificate({
        keyPair: keyPairs[i % keyPairs.length],
        commonName: demo.commonName,
        notBefore: new Date(now + demo.notBefore * DAY),
        notAfter: new Date(now + demo.notAfter * DAY),
      });
      // Uploaded a little after it was made.
      const created = new Date(Math.min(now - DAY, now + demo.notBefore * DAY + 2 * DAY) + i * 60_000).toISOString();
      rows.push({ subscriptionId, issued, created });
    }
  }
  db.transaction(() => {
    for (const { subscriptionId, issued, created } of rows) {
      insertManagementCertificate(db, { subscriptionId, thumbprint: issued.thumbprint, publicKey: issued.publicKey, data: issued.der, created });
    }
  })();
}
