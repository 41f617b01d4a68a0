import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, type APIRequestContext } from '@playwright/test';
import { armToken, RESOURCE_GROUP, SUBSCRIPTION, url } from './apim';
import { tempPath } from './openssl';

export interface CaFile {
  path: string;
  base64: string;
  sha1: string;
}

/** A certificate made by openssl: a CA (basicConstraints CA:TRUE) unless `ca` is false. EC keys: fast enough for ten. */
export function makeCaFile(name: string, options: { ca?: boolean; days?: number } = {}): CaFile {
  const pem = tempPath(`${name}.pem`);
  const key = tempPath(`${name}.key`);
  const path = tempPath(`${name}.cer`);
  const constraints = options.ca === false ? 'basicConstraints=critical,CA:FALSE' : 'basicConstraints=critical,CA:TRUE';
  const run = (...args: string[]) => execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const days = String(options.days ?? 365);
  run(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    key,
    '-out',
    pem,
    '-days',
    days,
    '-subj',
    `/CN=${name}/O=certportal e2e`,
    '-addext',
    constraints,
  );
  run('x509', '-in', pem, '-outform', 'DER', '-out', path);
  const sha1 = run('x509', '-in', pem, '-noout', '-fingerprint', '-sha1').trim().split('=')[1].replace(/:/g, '');
  return { path, base64: readFileSync(path).toString('base64'), sha1 };
}

export const serviceApi = (name: string) =>
  `${url()}arm/subscriptions/${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.ApiManagement/service/${name}?api-version=2024-05-01`;

/** A service of the test's own, so adding and deleting its CA certificates never races another spec's view of the demo. */
export async function createService(
  request: APIRequestContext,
  name: string,
  certificates: Array<{ file: CaFile; storeName: 'Root' | 'CertificateAuthority' }>,
) {
  const token = await armToken(request);
  const response = await request.put(serviceApi(name), {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      location: 'westeurope',
      sku: { name: 'Developer', capacity: 1 },
      properties: {
        publisherEmail: 'admin@contoso.example',
        publisherName: 'Contoso',
        certificates: certificates.map((c) => ({ encodedCertificate: c.file.base64, storeName: c.storeName })),
      },
    },
  });
  expect([200, 201]).toContain(response.status());
}

/** Someone else's write: any PATCH gives the service a new ETag. */
export async function touchService(request: APIRequestContext, name: string) {
  const token = await armToken(request);
  const response = await request.patch(serviceApi(name), { headers: { Authorization: `Bearer ${token}` }, data: { tags: { touched: String(Date.now()) } } });
  expect(response.status()).toBe(202);
}
