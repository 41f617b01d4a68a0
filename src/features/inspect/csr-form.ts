import type { KeyType, PrivateKeyFormat } from '../../../certificates/convert/key-types';

/** What the CSR form asks for; the passwords live here only until the key is encrypted. */
export interface CsrForm {
  commonName: string;
  organization: string;
  organizationalUnit: string;
  country: string;
  dnsNames: string;
  keyType: KeyType;
  keyFormat: PrivateKeyFormat;
  password: string;
  confirmPassword: string;
}

export type CsrFormErrors = Partial<Record<keyof CsrForm, string>>;

export const EMPTY_CSR_FORM: CsrForm = {
  commonName: '',
  organization: '',
  organizationalUnit: '',
  country: '',
  dnsNames: '',
  keyType: 'RSA-2048',
  keyFormat: 'pkcs8',
  password: '',
  confirmPassword: '',
};

/** A request is for a handful of names; a CA refuses hundreds, and each is signed into the request. */
export const MAX_DNS_NAMES = 100;
// A DNS name or a wildcard one: labels of letters, digits and hyphens, at most 253 characters (RFC 1035, RFC 6125).
const DNS_NAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

export const dnsNamesOf = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((n) => n.trim())
    .filter(Boolean);

/** The form's mistakes, each worded for its field; empty when the request can be made. */
export function checkCsrForm(form: CsrForm): CsrFormErrors {
  const errors: CsrFormErrors = {};
  const commonName = form.commonName.trim();
  if (!commonName) errors.commonName = 'Enter a common name.';
  else if (commonName.length > 64) errors.commonName = 'At most 64 characters (the limit of X.520 and of CAs).';
  if (form.country.trim() && !/^[A-Za-z]{2}$/.test(form.country.trim())) errors.country = 'Two letters, the ISO 3166 country code.';
  const names = dnsNamesOf(form.dnsNames);
  const bad = names.find((n) => n.length > 253 || !DNS_NAME.test(n));
  if (bad) errors.dnsNames = `"${bad.slice(0, 80)}" is not a DNS name.`;
  else if (names.length > MAX_DNS_NAMES) errors.dnsNames = `At most ${MAX_DNS_NAMES} names.`;
  if (form.password.length < 8) errors.password = 'At least 8 characters.';
  else if (form.confirmPassword !== form.password) errors.confirmPassword = 'The passwords differ.';
  return errors;
}
