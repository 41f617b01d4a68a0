import { describe, expect, it } from 'vitest';
import { buildCertificateFilter } from '../certificate-filter';

describe('thumbprint search in the $filter', () => {
  it('sends the bare thumbprint to the service, and the typed text for id and subject', () => {
    expect(buildCertificateFilter({ search: '58:36:da' })).toBe("(contains(name,'58:36:da') or contains(subject,'58:36:da') or contains(thumbprint,'5836DA'))");
  });
});
