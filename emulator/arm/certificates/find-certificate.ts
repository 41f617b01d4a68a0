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

/** Resolves `.../certificates/{certificateId}` after the checks every certificate operation shares. */
export function findCertificate(context: ArmContext): CertificateTarget {
  const { certificateId } = context.params;
  const { service, key } = resolveService(context);
  checkCertificateId(certificateId);
  return { service, key, certificateId, row: getCertificate(context.env.db, key, certificateId) };
}

export function requireCertificate(target: CertificateTarget): CertificateRow {
  if (!target.row) throw apimErrors.certificateNotFound(target.certificateId, target.service.name);
  return target.row;
}
