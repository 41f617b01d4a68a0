import type { ShownRow } from './inventory-view';

export interface ExpiryBucket {
  /** Short label for the axis. */
  label: string;
  /** Full words for the table and screen readers. */
  description: string;
  count: number;
  expired: boolean;
}

const DAY = 86_400_000;
const WEEKS = 13; // the next 90 days, a week a bar
const shortDate = (date: Date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
const monthName = (date: Date) => date.toLocaleDateString('en-GB', { month: 'short', year: 'numeric' });

/**
 * What expires when: expired as one bar, then a bar per week for the next 90 days, a bar per calendar
 * month up to a year, and one for everything later. Every row with a known expiry lands in exactly one
 * bar, so the bars add up to the status counts.
 */
export function expiryBuckets(rows: ShownRow[], now: Date): ExpiryBucket[] {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const buckets: ExpiryBucket[] = [{ label: 'Expired', description: 'Expired', count: 0, expired: true }];
  for (let week = 0; week < WEEKS; week++) {
    const from = new Date(today.getTime() + week * 7 * DAY);
    const to = new Date(today.getTime() + Math.min(week * 7 + 6, 90) * DAY);
    buckets.push({ label: shortDate(from), description: `${shortDate(from)} – ${shortDate(to)}`, count: 0, expired: false });
  }
  const monthIndex = new Map<string, number>();
  for (let day = 91; day <= 365; day++) {
    const date = new Date(today.getTime() + day * DAY);
    const key = `${date.getFullYear()}-${date.getMonth()}`;
    if (!monthIndex.has(key)) {
      monthIndex.set(key, buckets.length);
      buckets.push({ label: monthName(date), description: monthName(date), count: 0, expired: false });
    }
  }
  const laterIndex = buckets.push({ label: 'Later', description: 'More than a year from now', count: 0, expired: false }) - 1;
  for (const row of rows) {
    if (row.daysLeft === null || !row.expiry) continue;
    if (row.status === 'expired') buckets[0].count++;
    else if (row.daysLeft <= 90) buckets[1 + Math.min(Math.floor(row.daysLeft / 7), WEEKS - 1)].count++;
    else if (row.daysLeft <= 365) {
      const date = new Date(today.getTime() + row.daysLeft * DAY);
      buckets[monthIndex.get(`${date.getFullYear()}-${date.getMonth()}`) ?? laterIndex].count++;
    } else buckets[laterIndex].count++;
  }
  return buckets;
}
