import { readJsonObject } from '../read-json-object.ts';
import type { ApiRequest } from '../../common/api-types.ts';
import { validationError } from '../apim-errors.ts';
import type { ServiceRow } from '../../store/apim-service-store.ts';
import { checkKeyVaultInput, type KeyVaultInput } from './key-vault-certificate.ts';

export type CertificateSource = { kind: 'data'; bytes: Buffer; password: string } | { kind: 'keyVault'; keyVault: KeyVaultInput };

/** The PUT body: either `properties.data` (+ `password`) or `properties.keyVault`, never both, never neither. */
export function readCertificateBody(request: ApiRequest, service: ServiceRow): CertificateSource {
  const body = readJsonObject(request, '{"properties": {...}}');
  const properties = body.properties;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    throw validationError(
      'properties',
      'properties is required: give either properties.data (a base64 .pfx) with properties.password, or properties.keyVault.',
    );
  }
  const { data, password, keyVault } = properties as Record<string, unknown>;
  const hasData = data !== undefined && data !== null;
  const hasKeyVault = keyVault !== undefined && keyVault !== null;
  if (hasData && hasKeyVault) {
    throw validationError('properties', 'Give either properties.data (an uploaded .pfx) or properties.keyVault (a Key Vault secret), not both.');
  }
  if (!hasData && !hasKeyVault) {
    throw validationError(
      'properties',
      'Give either properties.data (a base64 .pfx) with properties.password, or properties.keyVault with its secretIdentifier.',
    );
  }
  if (password !== undefined && password !== null && typeof password !== 'string')
    throw validationError('properties.password', 'properties.password must be a string.');
  if (hasKeyVault) {
    if (typeof password === 'string' && password !== '')
      throw validationError('properties.password', 'properties.password goes with properties.data; a Key Vault certificate has none.');
    return { kind: 'keyVault', keyVault: checkKeyVaultInput(keyVault, service) };
  }
  if (typeof data !== 'string') throw validationError('properties.data', 'properties.data must be a string: the .pfx file in base64.');
  const compact = data.replace(/\s+/g, '');
  if (compact === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw validationError('properties.data', "properties.data is not base64: encode the .pfx file's bytes in base64 (application/x-pkcs12).");
  }
  return { kind: 'data', bytes: Buffer.from(compact, 'base64'), password: typeof password === 'string' ? password : '' };
}
