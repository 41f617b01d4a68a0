import { ArmError } from '../../common/arm-error.ts';
import { ADMINISTRATOR_USER_ID, shortExpiry, signSharedAccess } from '../../common/shared-access-signature.ts';
import { validationError } from '../apim-errors.ts';
import { json, type ArmOperation } from '../arm-context.ts';
import { readJsonProperties } from './read-json-properties.ts';
import { tenantAccess } from './tenant-access.ts';

const MAX_LIFETIME_MS = 30 * 86_400_000;

/**
 * POST .../users/{userId}/token (User_GetSharedAccessToken): `{userId}&{yyyyMMddHHmm}&{signature}`, signed
 * like the direct management API's tokens with the chosen key, so it authenticates there.
 */
export const getUserSharedAccessToken: ArmOperation = (context) => {
  const { userId } = context.params;
  const { access, service } = tenantAccess({ ...context, params: { ...context.params, accessName: 'access' } });
  if (userId !== ADMINISTRATOR_USER_ID && userId !== access.identifier)
    throw new ArmError(
      404,
      'ResourceNotFound',
      `User '${userId}' not found in service '${service.name}'. The emulator knows '1' (the administrator) and '${access.identifier}'.`,
    );
  const { keyType, expiry } = readJsonProperties(context.request);
  if (keyType !== 'primary' && keyType !== 'secondary') throw validationError('properties.keyType', 'properties.keyType must be primary or secondary.');
  const expiresAt = typeof expiry === 'string' ? new Date(expiry) : new Date(NaN);
  if (typeof expiry !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(expiry) || Number.isNaN(expiresAt.getTime()))
    throw validationError('properties.expiry', 'properties.expiry must be a date and time like 2025-01-31T00:00:00Z.');
  const now = context.env.now().getTime();
  if (expiresAt.getTime() <= now) throw validationError('properties.expiry', 'properties.expiry must be in the future.');
  if (expiresAt.getTime() - now > MAX_LIFETIME_MS) throw validationError('properties.expiry', 'properties.expiry may be at most 30 days away.');
  const expiryText = shortExpiry(expiresAt);
  const signature = signSharedAccess(keyType === 'primary' ? access.primary_key : access.secondary_key, userId, expiryText);
  return json(200, { value: `${userId}&${expiryText}&${signature}` });
};
