import { asmErrors } from '../common/asm-error.ts';

/** The `{thumbprint}` of a URL, uppercased as stored. */
export function thumbprintParameter(value: string): string {
  if (!/^[0-9A-Fa-f]{40}$/.test(value)) throw asmErrors.badRequest(`'${value}' is not a certificate thumbprint (40 hexadecimal digits).`);
  return value.toUpperCase();
}

export const certificateNotFound = (thumbprint: string, subscriptionId: string) =>
  asmErrors.resourceNotFound(`The management certificate with thumbprint ${thumbprint} was not found in subscription '${subscriptionId}'.`);
