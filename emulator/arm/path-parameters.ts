import { validationError } from './apim-errors.ts';

/** Subscription ids and identity client ids are GUIDs. */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The limits apimcertificates.json and ARM's common types put on path segments. */
export function checkResourceGroupName(name: string): void {
  if (name.length < 1 || name.length > 90 || !/^[-\w._()]+$/.test(name)) {
    throw validationError('resourceGroupName', `The resource group name '${name}' is invalid: use 1 to 90 letters, digits, '-', '_', '.', '(' or ')'.`);
  }
}

export function checkServiceName(name: string): void {
  if (name.length < 1 || name.length > 50 || !/^[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/.test(name)) {
    throw validationError(
      'serviceName',
      `The service name '${name}' is invalid: use 1 to 50 letters, digits and hyphens, starting with a letter and ending with a letter or digit.`,
    );
  }
}

export function checkCertificateId(id: string): void {
  if (id.length < 1 || id.length > 80) {
    throw validationError(
      'certificateId',
      `The certificate id must be 1 to 80 characters long; '${id.length > 90 ? `${id.slice(0, 80)}…` : id}' has ${id.length}.`,
    );
  }
  const bad = /[*#&+:<>?]/.exec(id);
  if (bad) throw validationError('certificateId', `The certificate id '${id}' contains '${bad[0]}'; it may not contain any of * # & + : < > ?.`);
  // Beyond the spec's pattern: a NUL, CR, LF or ESC in a stored name breaks logs, terminals and CSV exports downstream.
  const control = /\p{Cc}/u.exec(id);
  if (control) {
    const code = `U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw validationError(
      'certificateId',
      `The certificate id contains the control character ${code} at position ${control.index + 1}; it may not contain control characters.`,
    );
  }
}
