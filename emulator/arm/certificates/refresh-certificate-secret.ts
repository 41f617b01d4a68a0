import { apimErrors } from '../apim-errors.ts';
import { json, type ArmOperation } from '../arm-context.ts';
import { getCertificate, keyVaultOf, updateCertificate, valuesOf, type CertificateValues } from '../../store/apim-certificate-store.ts';
import { toCertificateContract } from './certificate-contract.ts';
import { findCertificate, requireCertificate } from './find-certificate.ts';
import { fetchFromKeyVault } from './key-vault-certificate.ts';

/**
 * POST .../refreshSecret: reads the Key Vault secret again. A failure is not an error of this call: like the
 * service's own periodic refresh, it keeps the last good certificate and records the failure in `lastStatus`.
 */
export const refreshCertificateSecret: ArmOperation = async (context) => {
  const { env } = context;
  const target = findCertificate(context);
  const row = requireCertificate(target);
  const keyVault = keyVaultOf(row);
  if (!keyVault) throw apimErrors.notKeyVaultCertificate(row.certificate_id);
  const now = env.now();
  const fetched = await fetchFromKeyVault(env.db, keyVault, now);
  const refreshed = env.db
    .transaction(() => {
      const current = getCertificate(env.db, target.key, target.certificateId);
      if (!current) throw apimErrors.certificateNotFound(target.certificateId, target.service.name);
      const currentKeyVault = keyVaultOf(current);
      // Replaced by an upload while Key Vault was being read: that write wins.
      if (!currentKeyVault || currentKeyVault.secretIdentifier !== keyVault.secretIdentifier) return current;
      const values: CertificateValues = fetched.ok
        ? {
            subject: fetched.facts.subject,
            thumbprint: fetched.facts.thumbprint,
            expirationDate: fetched.facts.expirationDate,
            keyVault: { ...currentKeyVault, lastStatus: fetched.status },
            data: fetched.facts.leafDer,
          }
        : { ...valuesOf(current), keyVault: { ...currentKeyVault, lastStatus: fetched.status } };
      return updateCertificate(env.db, current, values, now);
    })
    .immediate();
  return json(200, toCertificateContract(refreshed), { ETag: refreshed.etag });
};
