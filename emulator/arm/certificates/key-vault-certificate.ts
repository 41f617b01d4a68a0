import { GUID_PATTERN } from '../path-parameters.ts';
import type { Db } from '../../store/database.ts';
import { getSecret, type VaultCaller } from '../../key-vault/read-secret.ts';
import { parseSecretIdentifier } from '../../key-vault/secret-identifier.ts';
import { validationError } from '../apim-errors.ts';
import { userIdentityClientIds, type ServiceRow } from '../../store/apim-service-store.ts';
import { formatAzureDate } from '../../common/azure-dates.ts';
import type { KeyVaultStatus } from '../../store/apim-certificate-store.ts';
import { PfxRejected, type PfxFacts } from './open-pfx.ts';
import { openPfxOffThread } from './pfx-pool.ts';
import { openPfxOnce } from './opened-pfx-cache.ts';

export interface KeyVaultInput {
  secretIdentifier: string;
  identityClientId: string | null;
}

/** Checks a `keyVault` object of a PUT body against the service: a well-formed identifier, an identity it has. */
export function checkKeyVaultInput(value: unknown, service: ServiceRow): KeyVaultInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw validationError('properties.keyVault', 'properties.keyVault must be an object with secretIdentifier and, optionally, identityClientId.');
  }
  const { secretIdentifier, identityClientId } = value as Record<string, unknown>;
  if (typeof secretIdentifier !== 'string' || secretIdentifier.trim() === '') {
    throw validationError(
      'properties.keyVault.secretIdentifier',
      'properties.keyVault.secretIdentifier is required: the URL of the Key Vault secret that holds the certificate.',
    );
  }
  const parsed = parseSecretIdentifier(secretIdentifier);
  if ('problem' in parsed) throw validationError('properties.keyVault.secretIdentifier', parsed.problem);
  if (identityClientId === undefined || identityClientId === null) return { secretIdentifier, identityClientId: null };
  if (typeof identityClientId !== 'string' || !GUID_PATTERN.test(identityClientId)) {
    throw validationError(
      'properties.keyVault.identityClientId',
      'properties.keyVault.identityClientId must be the client id (a GUID) of a user-assigned identity of the service, or null for its system-assigned identity.',
    );
  }
  const known = userIdentityClientIds(service);
  if (!known.some((id) => id.toLowerCase() === identityClientId.toLowerCase())) {
    throw validationError(
      'properties.keyVault.identityClientId',
      `API Management service '${service.name}' has no user-assigned identity with client id '${identityClientId}'. ${known.length ? `Its user-assigned identities: ${known.join(', ')}.` : 'It has no user-assigned identities; use null for its system-assigned identity.'}`,
    );
  }
  return { secretIdentifier, identityClientId };
}

export type KeyVaultFetch = { ok: true; facts: PfxFacts; status: KeyVaultStatus } | { ok: false; status: KeyVaultStatus };

/** Reads the secret as the service's identity would, and opens the .pfx it holds (Key Vault keeps it password-less). */
export async function fetchFromKeyVault(db: Db, input: KeyVaultInput, now: Date): Promise<KeyVaultFetch> {
  const timeStampUtc = formatAzureDate(now);
  const reference = parseSecretIdentifier(input.secretIdentifier);
  if ('problem' in reference) return { ok: false, status: { code: 'InvalidSecretIdentifier', message: reference.problem, timeStampUtc } };
  const caller: VaultCaller = input.identityClientId ? { kind: 'user', clientId: input.identityClientId } : { kind: 'system' };
  const secret = getSecret(db, reference, caller);
  if (!secret.ok) return { ok: false, status: { code: secret.code, message: secret.message, timeStampUtc } };
  try {
    // In the worker pool, as uploads are: deriving a PKCS#12 key on the event loop held every other request up;
    // and once per distinct file: the same secret read again gives the same facts.
    const source = `Key Vault secret '${input.secretIdentifier}'`;
    const facts = await openPfxOnce(secret.value, secret.password, () => openPfxOffThread(secret.value, secret.password, source));
    return { ok: true, facts, status: { code: 'Success', timeStampUtc } };
  } catch (error) {
    if (!(error instanceof PfxRejected)) throw error;
    return { ok: false, status: { code: 'InvalidCertificate', message: error.message, timeStampUtc } };
  }
}
