import { apimErrors } from '../apim-errors.ts';
import { resolveService } from '../apim-services/resolve-service.ts';
import type { ServiceKey, ServiceRow } from '../../store/apim-service-store.ts';
import type { ArmContext } from '../arm-context.ts';
import { checkCertificateId } from '../path-parameters.ts';
import { getCertificate, type CertificateRow } from '../../store/apim-certificate-store.ts';

export interface CertificateTarget {
  service: ServiceRow;
  key: ServiceKey;
  certificateId: string;
  /** undefined when no certificate has this id (yet). */
  row: CertificateRow | undefined;
}

/** The service and id of `.../certificates/{certificateId}`, after the checks every certificate operation shares. */
export function resolveCertificatePath(context: ArmContext): Omit<CertificateTarget, 'row'> {
  const { certificateId } = context.params;
  const { service, key } = resolveService(context);
  checkCertificateId(certificateId);
  return { service, key, certificateId };
}

/** Resolves `.../certificates/{certificateId}` and reads the whole row (the DER too), as a write needs it. */
export function findCertificate(context: ArmContext): CertificateTarget {
  const target = resolveCertificatePath(context);
  return { ...target, row: getCertificate(context.env.db, target.key, target.certificateId) };
}

export function requireCertificate(target: CertificateTarget): CertificateRow {
  if (!target.row) throw apimErrors.certificateNotFound(target.certificateId, target.service.name);
  return target.row;
}
