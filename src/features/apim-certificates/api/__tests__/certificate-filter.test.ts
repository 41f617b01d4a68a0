import { describe, expect, it } from 'vitest';
import { buildCertificateFilter, odataString } from '../certificate-filter';
import { certificateIdProblem, checkSecretIdentifier } from '../key-vault-identifier';

describe('buildCertificateFilter', () => {
  it('is undefined when nothing is asked', () => {
    expect(buildCertificateFilter({})).toBeUndefined();
    expect(buildCertificateFilter({ search: '   ', expiresBefore: '' })).toBeUndefined();
  });

  it('searches id, subject and thumbprint with contains', () => {
    expect(buildCertificateFilter({ search: ' contoso ' })).toBe("(contains(name,'contoso') or contains(subject,'contoso') or contains(thumbprint,'contoso'))");
  });

  it('doubles single quotes', () => {
    expect(odataString("O'Brien's")).toBe("'O''Brien''s'");
    expect(buildCertificateFilter({ search: "o'b" })).toContain("contains(subject,'o''b')");
  });

  it('keeps an injection attempt inside the string literal', () => {
    const filter = buildCertificateFilter({ search: "x') or name eq ('y" })!;
    expect(filter).toContain("'x'') or name eq (''y'");
  });

  it('adds expirationDate lt the start of the day, joined with and', () => {
    expect(buildCertificateFilter({ expiresBefore: '2026-03-01' })).toBe('expirationDate lt 2026-03-01T00:00:00Z');
    expect(buildCertificateFilter({ search: 'a', expiresBefore: '2026-03-01' })).toBe(
      "(contains(name,'a') or contains(subject,'a') or contains(thumbprint,'A')) and expirationDate lt 2026-03-01T00:00:00Z",
    );
  });

  it('refuses a date that is not yyyy-mm-dd', () => {
    expect(() => buildCertificateFilter({ expiresBefore: '01/03/2026' })).toThrow(RangeError);
  });
});

describe('input checks', () => {
  it('certificate ids', () => {
    expect(certificateIdProblem('backend-mtls')).toBeNull();
    expect(certificateIdProblem('')).toMatch(/Enter/);
    expect(certificateIdProblem('a'.repeat(81))).toMatch(/80/);
    expect(certificateIdProblem('a:b')).toMatch(/:/);
  });

  it('secret identifiers', () => {
    expect(checkSecretIdentifier('https://contoso-kv.vault.azure.net/secrets/gateway')).toEqual({
      ok: true,
      vault: 'contoso-kv',
      name: 'gateway',
      version: null,
    });
    expect(checkSecretIdentifier(`https://contoso-kv.vault.azure.net/secrets/gateway/${'a'.repeat(32)}`)).toMatchObject({ ok: true, version: 'a'.repeat(32) });
    expect(checkSecretIdentifier('http://contoso-kv.vault.azure.net/secrets/gateway').ok).toBe(false);
    expect(checkSecretIdentifier('https://example.com/secrets/gateway').ok).toBe(false);
    expect(checkSecretIdentifier('https://contoso-kv.vault.azure.net/keys/gateway').ok).toBe(false);
    expect(checkSecretIdentifier('https://contoso-kv.vault.azure.net/secrets/gateway/v1').ok).toBe(false);
  });
});
