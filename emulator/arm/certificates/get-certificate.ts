import { json, type ArmOperation } from '../arm-context.ts';
import { toCertificateContract } from './certificate-contract.ts';
import { findCertificate, requireCertificate } from './find-certificate.ts';

export const getCertificate: ArmOperation = (context) => {
  const row = requireCertificate(findCertificate(context));
  return json(200, toCertificateContract(row), { ETag: row.etag });
};

/** HEAD: the entity tag only. */
export const getCertificateEntityTag: ArmOperation = (context) => {
  const row = requireCertificate(findCertificate(context));
  return { status: 200, headers: { ETag: row.etag } };
};
