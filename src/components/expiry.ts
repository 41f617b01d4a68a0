import { calendarDaysLeft } from '../lib/expiry';

export type ExpiryStatus = 'expired' | 'expiring' | 'valid' | 'unknown';

/**
 * Days left counted in calendar days, as the portal shows them: a certificate that expires tomorrow at 09:00 has
 * 1 day left however late it is today; one that expires later today has 0. Dates are read in the admin's time zone
 * (or the offset given), so the count changes at their midnight, not UTC's.
 */
export function expiryStatus(notAfter: Date | null | undefined, now = new Date(), offsetMinutes?: number): { status: ExpiryStatus; days: number | null } {
  if (!notAfter || Number.isNaN(notAfter.getTime())) return { status: 'unknown', days: null };
  const days = calendarDaysLeft(notAfter, now, offsetMinutes);
  if (notAfter.getTime() <= now.getTime()) return { status: 'expired', days };
  return { status: days < 30 ? 'expiring' : 'valid', days };
}

/** "Expires today", "Expires tomorrow", "Expires in 12 days". */
export function expiresInText(days: number): string {
  if (days <= 0) return 'Expires today';
  if (days === 1) return 'Expires tomorrow';
  return `Expires in ${days.toLocaleString('en-US')} days`;
}
