import { describe, expect, it } from 'vitest';
import { addBlockedReason, caFileNotes, keptEntries, toBase64 } from '../ca-certificate-list';
import type { CaCertificate } from '../get-ca-certificates';

const root: CaCertificate = { storeName: 'Root', subject: 'CN=Root', thumbprint: 'AA11', expiry: '2030-01-01T00:00:00Z', encodedCertificate: 'AAEC' };
const issuing: CaCertificate = {
  storeName: 'CertificateAuthority',
  subject: 'CN=Issuing',
  thumbprint: 'BB22',
  expiry: '2029-01-01T00:00:00Z',
  encodedCertificate: 'AwQF',
};

describe('the CA certificate list a PATCH sends back', () => {
  it('keeps every other certificate with its contents and store, and drops the one removed', () => {
    expect(keptEntries([root, issuing])).toEqual([
      { encodedCertificate: 'AAEC', storeName: 'Root' },
      { encodedCertificate: 'AwQF', storeName: 'CertificateAuthority' },
    ]);
    expect(keptEntries([root, issuing], root)).toEqual([{ encodedCertificate: 'AwQF', storeName: 'CertificateAuthority' }]);
  });

  it('refuses to send a list that would silently lose a certificate whose contents the service did not return', () => {
    expect(() => keptEntries([root, { ...issuing, encodedCertificate: null }])).toThrow(/CN=Issuing.*Nothing was sent/);
  });

  it('blocks Add at 10 with the reason, not at 9', () => {
    expect(addBlockedReason(9)).toBeNull();
    expect(addBlockedReason(10)).toMatch(/10 of 10 CA certificates/);
  });

  it('flags a duplicate (any case), a certificate that is no CA, and an expired one', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(caFileNotes({ thumbprint: 'aa11', isCa: true, notAfter: new Date('2027-01-01') }, [root], now)).toEqual({
      duplicate: root,
      notCa: false,
      expired: false,
    });
    expect(caFileNotes({ thumbprint: 'CC33', isCa: false, notAfter: new Date('2025-12-31T23:59:59Z') }, [root], now)).toEqual({
      duplicate: null,
      notCa: true,
      expired: true,
    });
  });

  it('encodes DER bytes as base64', () => {
    expect(toBase64(new Uint8Array([0, 1, 2, 255]))).toBe('AAEC/w==');
  });
});
