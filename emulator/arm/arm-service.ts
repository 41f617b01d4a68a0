import type { ServiceHandler } from '../common/api-types.ts';
import { armErrors } from '../common/arm-error.ts';

/** ARM: subscriptions, resource groups, API Management services and certificates. */
export const handleArm: ServiceHandler = async (request) => {
  throw armErrors.noRoute(request.method, request.path);
};
