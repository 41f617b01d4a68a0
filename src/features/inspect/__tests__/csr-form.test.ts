import { describe, expect, it } from 'vitest';
import { checkCsrForm, dnsNamesOf, EMPTY_CSR_FORM, MAX_DNS_NAMES } from '../csr-form';

const sound = { ...EMPTY_CSR_FORM, commonName: 'api.contoso.example', password: 'long enough', confirmPassword: 'long enough' };

describe('the CSR form', () => {
  it('takes a sound form, DNS names by line or comma, wildcards included', () => {
    expect(checkCsrForm({ ...sound, country: 'nl', dnsNames: 'a.example, *.b.example\nc-d.example' })).toEqual({});
    expect(dnsNamesOf(' a.example,\n\n b.example ,')).toEqual(['a.example', 'b.example']);
  });

  it.each([
    [{ commonName: '  ' }, 'commonName', 'Enter a common name.'],
    [{ commonName: 'x'.repeat(65) }, 'commonName', /At most 64/],
    [{ country: 'NLD' }, 'country', /Two letters/],
    [{ dnsNames: 'good.example bad_name.example' }, 'dnsNames', '"bad_name.example" is not a DNS name.'],
    [{ dnsNames: 'a..example' }, 'dnsNames', /not a DNS name/],
    [{ dnsNames: Array.from({ length: MAX_DNS_NAMES + 1 }, (_, i) => `n${i}.example`).join(',') }, 'dnsNames', /At most 100/],
    [{ password: 'short', confirmPassword: 'short' }, 'password', /At least 8/],
    [{ confirmPassword: 'different!' }, 'confirmPassword', 'The passwords differ.'],
  ] as const)('refuses %o in %s', (change, field, message) => {
    const errors = checkCsrForm({ ...sound, ...change });
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toMatch(message);
  });
});
