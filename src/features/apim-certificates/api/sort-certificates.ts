import type { CertificateContract } from './certificate-contract';

export type SortDirection = 'ascending' | 'descending';

/**
 * What each sortable column sorts by. The loaded rows sort in the browser; the server's order stays the
 * default. Status sorts with the expiration date (expired, then expiring soon, then valid).
 */
export const sortValue: Partial<Record<string, (c: CertificateContract) => string>> = {
  Id: (c) => c.name.toLowerCase(),
  Subject: (c) => c.properties.subject.toLowerCase(),
  Expiration: (c) => c.properties.expirationDate,
  Status: (c) => c.properties.expirationDate,
  Source: (c) => (c.properties.keyVault ? 'Key Vault' : 'Custom'),
  'Key Vault status': (c) => c.properties.keyVault?.lastStatus?.code ?? '',
  Thumbprint: (c) => c.properties.thumbprint,
};

export function sortCertificates(rows: CertificateContract[], key: string, direction: SortDirection): CertificateContract[] {
  const value = sortValue[key];
  if (!value) return rows;
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row) => ({ row, v: value(row) }))
    .sort((a, b) => (a.v < b.v ? -sign : a.v > b.v ? sign : 0))
    .map(({ row }) => row);
}
