import { validationError } from './apim-errors.ts';
import { linkToSelf, type ArmContext } from './arm-context.ts';

/** How many items ARM's own collections (subscriptions, groups, services) return per page. */
export const ARM_PAGE_SIZE = 50;

/** ARM's own collections page with an opaque `$skipToken`; here it is the offset, in base64url. */
export function pageWithSkipToken<T>(context: ArmContext, items: T[], pageSize = ARM_PAGE_SIZE): { value: T[]; nextLink?: string } {
  const token = context.request.query.get('$skipToken') ?? context.request.query.get('$skiptoken');
  let offset = 0;
  if (token !== null) {
    const decoded = Buffer.from(token, 'base64url').toString('utf8');
    if (!/^\d+$/.test(decoded)) throw validationError('$skipToken', `The $skipToken '${token}' is not one this server issued; follow nextLink as it is.`);
    offset = Number(decoded);
  }
  const value = items.slice(offset, offset + pageSize);
  const next = offset + pageSize;
  if (next >= items.length) return { value };
  return { value, nextLink: linkToSelf(context, { $skiptoken: undefined, $skipToken: Buffer.from(String(next)).toString('base64url') }) };
}
