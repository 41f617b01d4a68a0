import type { ApiRequest, ServiceHandler } from '../common/api-types.ts';
import { asmErrors } from '../common/asm-error.ts';
import { addCertificate } from './add-management-certificate.ts';
import { deleteCertificate } from './delete-management-certificate.ts';
import { getCertificate } from './get-management-certificate.ts';
import { listCertificates } from './list-management-certificates.ts';
import { requireVersionHeader } from './version-header.ts';

/** Classic Service Management: management certificates. */
export const handleAsm: ServiceHandler = async (request, env) => {
  requireVersionHeader(request.headers);
  const segments = pathSegments(request);
  if (segments.length === 2 && segments[1] === 'certificates') {
    const [subscriptionId] = segments;
    if (request.method === 'GET') return listCertificates(request, env, subscriptionId);
    if (request.method === 'POST') return addCertificate(request, env, subscriptionId);
    throw methodNotAllowed(request, 'GET or POST');
  }
  if (segments.length === 3 && segments[1] === 'certificates') {
    const [subscriptionId, , thumbprint] = segments;
    if (request.method === 'GET') return getCertificate(request, env, subscriptionId, thumbprint);
    if (request.method === 'DELETE') return deleteCertificate(request, env, subscriptionId, thumbprint);
    throw methodNotAllowed(request, 'GET or DELETE');
  }
  throw asmErrors.resourceNotFound(`The requested URI does not represent any resource on the server: ${request.method} ${request.path}.`);
};

function pathSegments(request: ApiRequest): string[] {
  const trimmed = request.path.replace(/^\/|\/$/g, '');
  const parts = trimmed === '' ? [] : trimmed.split('/');
  try {
    return parts.map((part) => decodeURIComponent(part));
  } catch {
    throw asmErrors.badRequest(`The request path '${request.path}' is not correctly percent-encoded.`);
  }
}

const methodNotAllowed = (request: ApiRequest, allowed: string) =>
  asmErrors.badRequest(`The HTTP method ${request.method} is not supported on ${request.path}: use ${allowed}.`);
