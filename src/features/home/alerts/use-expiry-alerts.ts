import { useEffect, useRef, useState } from 'react';
import { useNotifications } from '../../../components/notifications';
import type { InventoryRow } from '../inventory/inventory-row';
import { crossedThresholds, thresholdWords, type ExpiryAlert } from './alert-rules';
import { loadAlertSettings, loadLastVisit, saveLastVisit } from './alert-settings';

/**
 * Once the inventory is complete: the certificates that crossed a threshold since this browser last saw
 * it complete, then "now" becomes the last visit. A first visit only records the time: everything would
 * otherwise be "new".
 */
export function useExpiryAlerts(rows: InventoryRow[], complete: boolean, now: Date): ExpiryAlert[] {
  const { notify } = useNotifications();
  const [alerts, setAlerts] = useState<ExpiryAlert[]>([]);
  const checked = useRef(false);
  useEffect(() => {
    if (!complete || checked.current) return;
    checked.current = true;
    const lastVisit = loadLastVisit();
    saveLastVisit(now);
    if (!lastVisit || lastVisit.getTime() >= now.getTime()) return;
    const found = crossedThresholds(rows, lastVisit, now, loadAlertSettings().thresholds);
    setAlerts(found);
    if (found.length > 0) {
      const [first] = found;
      notify({
        intent: 'warning',
        title: found.length === 1 ? `${first.row.name} ${thresholdWords(first.threshold)}` : `${found.length} certificates crossed an expiry threshold`,
        body: 'Since your last visit. See the alerts on Home.',
      });
    }
  }, [complete, rows, now, notify]);
  return alerts;
}
