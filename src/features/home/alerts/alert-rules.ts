import { calendarDaysLeft } from '../../../lib/expiry';
import type { InventoryRow } from '../inventory/inventory-row';

/** Days-left thresholds, and 0 for "expired". */
export const ALERT_THRESHOLDS = [30, 14, 7, 0] as const;
export type AlertThreshold = (typeof ALERT_THRESHOLDS)[number];

export interface ExpiryAlert {
  row: InventoryRow;
  threshold: AlertThreshold;
}

const expired = (expiry: Date, at: Date) => expiry.getTime() <= at.getTime();
const beyond = (expiry: Date, at: Date, threshold: AlertThreshold) =>
  threshold === 0 ? !expired(expiry, at) : calendarDaysLeft(expiry, at) > threshold && !expired(expiry, at);
const within = (expiry: Date, at: Date, threshold: AlertThreshold) => (threshold === 0 ? expired(expiry, at) : calendarDaysLeft(expiry, at) <= threshold);

/**
 * The certificates that crossed an enabled threshold between the last visit and now, each named once,
 * at the tightest threshold it crossed (a certificate gone from 20 days to expired is "expired").
 */
export function crossedThresholds(rows: InventoryRow[], lastVisit: Date, now: Date, enabled: readonly AlertThreshold[]): ExpiryAlert[] {
  const tightestFirst = [...enabled].sort((a, b) => a - b);
  const alerts: ExpiryAlert[] = [];
  for (const row of rows) {
    if (!row.expiry) continue;
    const expiry = new Date(row.expiry);
    const threshold = tightestFirst.find((t) => beyond(expiry, lastVisit, t) && within(expiry, now, t));
    if (threshold !== undefined) alerts.push({ row, threshold });
  }
  return alerts;
}

export const thresholdWords = (threshold: AlertThreshold) => (threshold === 0 ? 'has expired' : `expires within ${threshold} days`);
