// zod/mini, as src/lib/runtime-config.ts: the first load already holds it; classic zod would add ~12 KB gzip to Home.
import * as z from 'zod/mini';
import { ALERT_THRESHOLDS, type AlertThreshold } from './alert-rules';

// Only preferences and a timestamp live here: localStorage is readable by any script on the origin, so
// it never holds a token, a password or a certificate.
const SETTINGS_KEY = 'certportal.inventory.alerts';
const LAST_VISIT_KEY = 'certportal.inventory.lastVisit';

const settingsSchema = z.object({ thresholds: z.array(z.union(ALERT_THRESHOLDS.map((t) => z.literal(t)))) });

export interface AlertSettings {
  thresholds: AlertThreshold[];
}

export const defaultAlertSettings: AlertSettings = { thresholds: [...ALERT_THRESHOLDS] };

export function loadAlertSettings(storage: Storage = window.localStorage): AlertSettings {
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(storage.getItem(SETTINGS_KEY) ?? 'null'));
    return parsed.success ? { thresholds: [...new Set(parsed.data.thresholds)] } : defaultAlertSettings;
  } catch {
    return defaultAlertSettings;
  }
}

export function saveAlertSettings(settings: AlertSettings, storage: Storage = window.localStorage): void {
  storage.setItem(SETTINGS_KEY, JSON.stringify({ thresholds: settings.thresholds }));
}

/** When the inventory was last seen complete by this browser, or null the first time. */
export function loadLastVisit(storage: Storage = window.localStorage): Date | null {
  const value = storage.getItem(LAST_VISIT_KEY);
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

export function saveLastVisit(at: Date, storage: Storage = window.localStorage): void {
  storage.setItem(LAST_VISIT_KEY, at.toISOString());
}
