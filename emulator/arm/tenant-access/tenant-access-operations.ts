import { ifMatchAllows } from '../../common/etag.ts';
import { newAccessKey } from '../../common/shared-access-signature.ts';
import { replaceAccessKey, setTenantAccessEnabled, type AccessKeyKind } from '../../store/apim-tenant-access-store.ts';
import { validationError } from '../apim-errors.ts';
import { json, type ArmOperation } from '../arm-context.ts';
import { ArmError } from '../../common/arm-error.ts';
import { readJsonProperties } from './read-json-properties.ts';
import { tenantAccess, toAccessContract } from './tenant-access.ts';

/** GET .../tenant/access: whether the direct management API is on; ETag. */
export const getTenantAccess: ArmOperation = (context) => {
  const target = tenantAccess(context);
  return json(200, toAccessContract(target), { ETag: target.access.etag });
};

/** HEAD .../tenant/access: the ETag only. */
export const getTenantAccessEntityTag: ArmOperation = (context) => ({ status: 200, headers: { ETag: tenantAccess(context).access.etag } });

/** PATCH (and PUT) .../tenant/access: `{"properties":{"enabled":bool}}`, If-Match required as the spec says. */
export const updateTenantAccess: ArmOperation = (context) => {
  const target = tenantAccess(context);
  const header = context.request.headers['if-match'];
  const ifMatch = Array.isArray(header) ? header.join(',') : header;
  if (ifMatch === undefined || ifMatch.trim() === '')
    throw new ArmError(400, 'ValidationError', 'Changing tenant access requires If-Match: the ETag from your last read, or *.', 'If-Match');
  const { enabled } = readJsonProperties(context.request);
  if (typeof enabled !== 'boolean') throw validationError('properties.enabled', 'properties.enabled must be true or false.');
  const updated = context.env.db
    .transaction(() => {
      const current = tenantAccess(context).access;
      if (!ifMatchAllows(ifMatch, current.etag))
        throw new ArmError(412, 'PreconditionFailed', 'Tenant access has changed since the ETag in If-Match was read. Read it again.');
      return setTenantAccessEnabled(context.env.db, target.key, enabled);
    })
    .immediate();
  return json(200, toAccessContract({ ...target, access: updated }), { ETag: updated.etag });
};

/** POST .../tenant/access/listSecrets: the identifier and both keys. */
export const listTenantAccessSecrets: ArmOperation = (context) => {
  const { access } = tenantAccess(context);
  return json(
    200,
    {
      id: access.identifier,
      principalId: access.identifier,
      primaryKey: access.primary_key,
      secondaryKey: access.secondary_key,
      enabled: access.enabled === 1,
    },
    { ETag: access.etag },
  );
};

/** POST .../regeneratePrimaryKey | regenerateSecondaryKey: 204; tokens signed with the old key stop working. */
export const regenerateAccessKey =
  (kind: AccessKeyKind): ArmOperation =>
  (context) => {
    const { key } = tenantAccess(context);
    replaceAccessKey(context.env.db, key, kind, newAccessKey());
    return { status: 204 };
  };
