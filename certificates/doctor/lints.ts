import type { CertificateSummary } from '../certificate-summary';
import { OID } from '../oids';
import type { DoctorFinding, DoctorUse } from './finding';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The CA/Browser Forum's limit for publicly trusted TLS server certificates since September 2020. */
const TLS_MAX_VALIDITY_DAYS = 398;
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The certificate-level checks for one use, each with its severity and the one thing to do about it. */
export function lintCertificate(certificate: CertificateSummary, use: DoctorUse, now: Date): DoctorFinding[] {
  return [...validity(certificate, now), ...strength(certificate), ...forUse(certificate, use), ...keyUsageForKeyType(certificate)];
}

function validity(c: CertificateSummary, now: Date): DoctorFinding[] {
  if (c.notAfter.getTime() < now.getTime()) {
    return [{ code: 'expired', severity: 'error', message: `The certificate expired on ${day(c.notAfter)}`, fix: 'Renew it, or make a new one' }];
  }
  if (c.notBefore.getTime() > now.getTime()) {
    return [
      {
        code: 'not-yet-valid',
        severity: 'error',
        message: `The certificate is not valid before ${day(c.notBefore)}`,
        fix: 'Wait until then, or check the clock of the machine that made it',
      },
    ];
  }
  return [];
}

function strength(c: CertificateSummary): DoctorFinding[] {
  const findings: DoctorFinding[] = [];
  const { algorithm, sizeBits } = c.publicKey;
  if ((algorithm === 'RSA' || algorithm === 'RSA-PSS') && sizeBits !== null && sizeBits < 2048) {
    findings.push({ code: 'weak-rsa', severity: 'error', message: `The RSA key has ${sizeBits} bits, under 2048`, fix: 'Make a new key of 2048 bits or more' });
  }
  if (/sha-?1/i.test(c.signatureAlgorithm)) {
    findings.push({
      code: 'sha1-signature',
      severity: 'warning',
      message: `The certificate is signed with SHA-1 (${c.signatureAlgorithm}), which browsers and Windows no longer trust`,
      fix: 'Have it re-issued with SHA-256',
    });
  }
  return findings;
}

function ekuLacks(c: CertificateSummary, oid: string): boolean {
  const ekus = c.extendedKeyUsage.map((e) => e.oid);
  // No EKU extension at all means "any purpose" to Windows, OpenSSL and Azure.
  return ekus.length > 0 && !ekus.includes(oid) && !ekus.includes(OID.anyExtendedKeyUsage);
}

const ekuNames = (c: CertificateSummary) => c.extendedKeyUsage.map((e) => e.name).join(', ');

function forUse(c: CertificateSummary, use: DoctorUse): DoctorFinding[] {
  const findings: DoctorFinding[] = [];
  if ((use === 'management' || use === 'apim') && ekuLacks(c, OID.clientAuth)) {
    findings.push({
      code: 'eku-not-client-auth',
      severity: 'error',
      message: `The certificate is not for client authentication: its enhanced key usage allows only ${ekuNames(c)}`,
      fix: 'Issue it with the Client Authentication EKU (1.3.6.1.5.5.7.3.2), or with no EKU at all',
    });
  }
  if (use === 'tls-server') {
    const days = Math.round((c.notAfter.getTime() - c.notBefore.getTime()) / DAY_MS);
    if (days > TLS_MAX_VALIDITY_DAYS) {
      findings.push({
        code: 'tls-validity-too-long',
        severity: 'warning',
        message: `The certificate is valid for ${days} days; browsers refuse public TLS certificates valid over ${TLS_MAX_VALIDITY_DAYS} days`,
        fix: `Issue it for ${TLS_MAX_VALIDITY_DAYS} days or fewer`,
      });
    }
    if (c.subjectAltNames.length === 0) {
      findings.push({
        code: 'tls-no-san',
        severity: 'error',
        message: 'The certificate has no subject alternative name; browsers ignore the common name and will refuse it',
        fix: 'Issue it with the host names as DNS subject alternative names',
      });
    }
    if (ekuLacks(c, SERVER_AUTH)) {
      findings.push({
        code: 'eku-not-server-auth',
        severity: 'error',
        message: `The certificate is not for TLS servers: its enhanced key usage allows only ${ekuNames(c)}`,
        fix: 'Issue it with the Server Authentication EKU (1.3.6.1.5.5.7.3.1)',
      });
    }
  }
  if (use === 'ca') {
    if (c.basicConstraints?.ca !== true) {
      findings.push({
        code: 'not-a-ca',
        severity: 'error',
        message: 'The certificate is not a CA: its basic constraints do not say CA:TRUE',
        fix: 'Upload the CA certificate itself (the issuer), not a certificate it issued',
      });
    }
    if (!c.keyUsage.includes('keyCertSign')) {
      findings.push({
        code: 'ca-without-key-cert-sign',
        severity: 'error',
        message: c.keyUsage.length
          ? `The key usage does not allow signing certificates (keyCertSign); it allows ${c.keyUsage.join(', ')}`
          : 'The certificate has no key usage, so it does not state keyCertSign',
        fix: 'Use a CA certificate issued with key usage keyCertSign (and cRLSign)',
      });
    }
  }
  return findings;
}

/** RSA keys sign and encrypt but cannot agree keys; EC and EdDSA keys sign (and EC agrees keys) but cannot encrypt. */
const WRONG_USAGES: Record<string, string[]> = {
  RSA: ['keyAgreement', 'encipherOnly', 'decipherOnly'],
  EC: ['keyEncipherment', 'dataEncipherment'],
  Ed25519: ['keyEncipherment', 'dataEncipherment', 'keyAgreement'],
  Ed448: ['keyEncipherment', 'dataEncipherment', 'keyAgreement'],
};

function keyUsageForKeyType(c: CertificateSummary): DoctorFinding[] {
  const wrong = c.keyUsage.filter((u) => WRONG_USAGES[c.publicKey.algorithm]?.includes(u));
  if (wrong.length === 0) return [];
  return [
    {
      code: 'key-usage-wrong-for-key-type',
      severity: 'warning',
      message: `The key usage ${wrong.join(', ')} does not fit an ${c.publicKey.algorithm} key`,
      fix:
        c.publicKey.algorithm === 'RSA'
          ? 'Use digitalSignature and keyEncipherment for an RSA key'
          : 'Use digitalSignature (and keyAgreement for EC) for this key',
    },
  ];
}
