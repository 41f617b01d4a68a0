// One rule for "days left" and the expiry bands, shared by every blade that shows an expiry. Days are
// calendar days in the viewer's time zone: a certificate expiring tomorrow at 01:00 has 1 day left even
// when fewer than 24 hours remain, as a person reading a calendar counts.

const DAY = 86_400_000;

/** The day number of an instant's calendar date: in the browser's time zone, or `offsetMinutes` east of UTC. */
function calendarDay(date: Date, offsetMinutes?: number): number {
  if (offsetMinutes === undefined) return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY;
  return Math.floor((date.getTime() + offsetMinutes * 60_000) / DAY);
}

/** Calendar days from `now` to `expiry`: 0 on the day it expires, negative once past that day. */
export function calendarDaysLeft(expiry: Date, now: Date, offsetMinutes?: number): number {
  return Math.round(calendarDay(expiry, offsetMinutes) - calendarDay(now, offsetMinutes));
}

export const EXPIRY_BANDS = ['expired', 'within7', 'within14', 'within30', 'later'] as const;
export type ExpiryBand = (typeof EXPIRY_BANDS)[number];

export const EXPIRY_BAND_LABELS: Record<ExpiryBand, string> = {
  expired: 'Expired',
  within7: '≤ 7 days',
  within14: '≤ 14 days',
  within30: '≤ 30 days',
  later: 'Later',
};

/** Expired means past the instant, not the day: a certificate expiring at 18:00 today is still valid at noon. */
export function expiryBand(expiry: Date, now: Date): ExpiryBand {
  if (expiry.getTime() <= now.getTime()) return 'expired';
  const days = calendarDaysLeft(expiry, now);
  if (days <= 7) return 'within7';
  if (days <= 14) return 'within14';
  if (days <= 30) return 'within30';
  return 'later';
}
