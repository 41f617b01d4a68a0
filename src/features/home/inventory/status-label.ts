import { EXPIRY_BAND_LABELS } from '../../../lib/expiry';
import type { ShownRow } from './inventory-view';

export function statusLabel(row: Pick<ShownRow, 'status' | 'keyVaultRefreshFailed'>): string {
  const band = row.status === 'unknown' ? 'Unreadable' : EXPIRY_BAND_LABELS[row.status];
  return row.keyVaultRefreshFailed ? `${band}; Key Vault refresh failed` : band;
}
