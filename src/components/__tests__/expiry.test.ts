import { describe, expect, it } from 'vitest';
import { expiresInText, expiryStatus } from '../expiry';

const at = (iso: string) => new Date(iso);

describe('days left, in calendar days', () => {
  const UTC = 0;
  it('counts 12 for a certificate made for 12 days a moment ago (the old count said 11)', () => {
    const now = at('2026-03-01T10:00:00Z');
    const notAfter = new Date(now.getTime() + 12 * 86_400_000 - 1000);
    expect(expiryStatus(notAfter, now, UTC)).toEqual({ status: 'expiring', days: 12 });
    expect(expiresInText(12)).toBe('Expires in 12 days');
  });

  it('says today for later today, and tomorrow for early tomorrow however late it is now', () => {
    expect(expiryStatus(at('2026-03-01T23:59:00Z'), at('2026-03-01T00:01:00Z'), UTC)).toEqual({ status: 'expiring', days: 0 });
    expect(expiresInText(0)).toBe('Expires today');
    expect(expiryStatus(at('2026-03-02T00:30:00Z'), at('2026-03-01T23:30:00Z'), UTC)).toEqual({ status: 'expiring', days: 1 });
    expect(expiresInText(1)).toBe('Expires tomorrow');
  });

  it('is expired from the instant it ends: yesterday, and a second ago', () => {
    expect(expiryStatus(at('2026-02-28T12:00:00Z'), at('2026-03-01T09:00:00Z'), UTC)).toEqual({ status: 'expired', days: -1 });
    expect(expiryStatus(at('2026-03-01T08:59:59Z'), at('2026-03-01T09:00:00Z'), UTC).status).toBe('expired');
  });

  it("counts in the admin's time zone: the same instants are 0 days apart in UTC and 1 in Auckland", () => {
    const now = at('2026-03-01T09:00:00Z');
    const notAfter = at('2026-03-01T13:00:00Z');
    expect(expiryStatus(notAfter, now, 0).days).toBe(0);
    // UTC+13: now is 22:00 on the 1st, the end is 02:00 on the 2nd.
    expect(expiryStatus(notAfter, now, 13 * 60).days).toBe(1);
    // UTC-10 (Honolulu): 23:00 on the 28th against 03:00 on the 1st is a day; from 01:00 on the 1st it is none.
    expect(expiryStatus(notAfter, now, -10 * 60).days).toBe(1);
    expect(expiryStatus(notAfter, at('2026-03-01T11:00:00Z'), -10 * 60).days).toBe(0);
  });

  it('is valid from 30 days, and unknown without a date', () => {
    expect(expiryStatus(at('2026-03-31T12:00:00Z'), at('2026-03-01T12:00:00Z'), 0)).toEqual({ status: 'valid', days: 30 });
    expect(expiryStatus(null).status).toBe('unknown');
    expect(expiryStatus(new Date(Number.NaN)).status).toBe('unknown');
  });
});
