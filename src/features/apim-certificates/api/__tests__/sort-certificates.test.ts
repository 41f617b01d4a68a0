import { describe, expect, it } from 'vitest';
import { sortCertificates } from '../sort-certificates';
import type { CertificateContract } from '../certificate-contract';

const cert = (name: string, subject: string, expirationDate: string, keyVault = false): CertificateContract =>
  ({
    id: `/x/${name}`,
    name,
    type: 'Microsoft.ApiManagement/service/certificates',
    properties: {
      subject,
      thumbprint: name.toUpperCase(),
      expirationDate,
      ...(keyVault ? { keyVault: { secretIdentifier: 'https://v.vault.azure.net/secrets/s' } } : {}),
    },
  }) as CertificateContract;

const rows = [cert('b', 'CN=zeta', '2027-01-01T00:00:00Z'), cert('a', 'CN=Alpha', '2030-01-01T00:00:00Z', true), cert('c', 'CN=mid', '2020-01-01T00:00:00Z')];

describe('sortCertificates', () => {
  it('sorts by subject without regard to case, both ways', () => {
    expect(sortCertificates(rows, 'Subject', 'ascending').map((c) => c.name)).toEqual(['a', 'c', 'b']);
    expect(sortCertificates(rows, 'Subject', 'descending').map((c) => c.name)).toEqual(['b', 'c', 'a']);
  });
  it('sorts status by expiry: expired first', () => {
    expect(sortCertificates(rows, 'Status', 'ascending').map((c) => c.name)).toEqual(['c', 'b', 'a']);
  });
  it('sorts by source and leaves the input untouched', () => {
    expect(sortCertificates(rows, 'Source', 'ascending').map((c) => c.name)).toEqual(['b', 'c', 'a']);
    expect(rows.map((c) => c.name)).toEqual(['b', 'a', 'c']);
  });
  it('an unknown column keeps the server order', () => {
    expect(sortCertificates(rows, 'Actions', 'ascending')).toBe(rows);
  });
});
