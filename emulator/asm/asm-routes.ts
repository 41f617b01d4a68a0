import type { RouteEntry } from '../common/route-table.ts';
import { addCertificate } from './add-management-certificate.ts';
import { deleteCertificate } from './delete-management-certificate.ts';
import { getCertificate } from './get-management-certificate.ts';
import { listCertificates } from './list-management-certificates.ts';
import { asmVersions } from './version-header.ts';

const certificates = '/{subscriptionId}/certificates';
const certificate = `${certificates}/{thumbprint}`;

/** Classic Service Management: management certificates. Paths are below `/asm` and match exactly. */
export const asmRoutes: RouteEntry[] = [
  {
    method: 'GET',
    path: certificates,
    operation: listCertificates,
    versions: asmVersions,
    access: { need: 'read', action: 'List Management Certificates', scope: certificates },
  },
  {
    method: 'POST',
    path: certificates,
    operation: addCertificate,
    versions: asmVersions,
    access: { need: 'write', action: 'Add Management Certificate', scope: certificates },
  },
  {
    method: 'GET',
    path: certificate,
    operation: getCertificate,
    versions: asmVersions,
    access: { need: 'read', action: 'Get Management Certificate', scope: certificate },
  },
  {
    method: 'DELETE',
    path: certificate,
    operation: deleteCertificate,
    versions: asmVersions,
    access: { need: 'write', action: 'Delete Management Certificate', scope: certificate },
  },
];
