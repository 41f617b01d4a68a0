import type { ServiceHandler } from '../common/api-types.ts';
import { asmErrors } from '../common/asm-error.ts';

/** Classic Service Management: management certificates. */
export const handleAsm: ServiceHandler = async (request) => {
  throw asmErrors.resourceNotFound(`No route matches ${request.method} ${request.path}.`);
};
