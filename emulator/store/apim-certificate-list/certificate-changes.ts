import { otherConnectionsVersion } from '../data-version.ts';
import type { Db } from '../database.ts';
import { foldAscii } from './nocase.ts';

/** The service a certificate belongs to, as the primary key compares it (NOCASE group and name). */
export function serviceIndexKey(subscriptionId: string, resourceGroup: string, serviceName: string): string {
  return `${subscriptionId}\n${foldAscii(resourceGroup)}\n${foldAscii(serviceName)}`;
}

/** Past this many changed certificates in one service, reading the service again is cheaper than one by one. */
const MAX_PENDING = 1024;

export interface CertificateChanges {
  /** Starts recording the changes of a service (its index exists from now on). */
  watch(service: string): void;
  unwatch(service: string): void;
  /**
   * The ids (ASCII-folded) changed in a service since the last take, or 'all' when too many did or the
   * service is not watched (another connection's commits are othersCommitted's). Inside a transaction the changes are kept too: a rollback fires no trigger, so they
   * must be read again once it is over.
   */
  take(service: string): ReadonlySet<string> | 'all';
  /** True when another connection has committed since the last call: every index is to be read again. */
  othersCommitted(): boolean;
}

const feeds = new WeakMap<Db, CertificateChanges>();
const FUNCTION = 'apim_certificate_list_changed';

/**
 * What changed in apim_certificates, from TEMP triggers that call into JavaScript with the key of every row
 * inserted, updated or deleted on this connection: whichever store, route, seed or migration wrote it, and a
 * REPLACE too (it fires the insert trigger with the key of the row it replaced). TEMP, so nothing is stored
 * and nothing costs a write; commits by another connection show as a new PRAGMA data_version
 * (otherConnectionsVersion, probed once per request).
 */
export function certificateChanges(db: Db): CertificateChanges {
  let feed = feeds.get(db);
  if (feed) return feed;
  const pending = new Map<string, Set<string> | 'all'>();
  db.function(FUNCTION, { deterministic: false }, (subscriptionId: unknown, resourceGroup: unknown, serviceName: unknown, certificateId: unknown) => {
    const service = serviceIndexKey(String(subscriptionId), String(resourceGroup), String(serviceName));
    const ids = pending.get(service);
    if (ids === undefined || ids === 'all') return null; // not watched, or read whole anyway
    ids.add(foldAscii(String(certificateId)));
    if (ids.size > MAX_PENDING) pending.set(service, 'all');
    return null;
  });
  const call = (row: 'new' | 'old') => `SELECT ${FUNCTION}(${row}.subscription_id, ${row}.resource_group, ${row}.service_name, ${row}.certificate_id);`;
  db.exec(`
    CREATE TEMP TRIGGER IF NOT EXISTS apim_certificate_list_insert AFTER INSERT ON main.apim_certificates BEGIN ${call('new')} END;
    CREATE TEMP TRIGGER IF NOT EXISTS apim_certificate_list_update AFTER UPDATE ON main.apim_certificates BEGIN ${call('old')} ${call('new')} END;
    CREATE TEMP TRIGGER IF NOT EXISTS apim_certificate_list_delete AFTER DELETE ON main.apim_certificates BEGIN ${call('old')} END;
  `);
  let seenVersion = otherConnectionsVersion(db);
  feed = {
    watch: (service) => void pending.set(service, new Set()),
    unwatch: (service) => void pending.delete(service),
    take(service) {
      const ids = pending.get(service) ?? 'all';
      if (!db.inTransaction) pending.set(service, new Set());
      return ids;
    },
    othersCommitted() {
      const version = otherConnectionsVersion(db);
      if (version === seenVersion) return false;
      seenVersion = version;
      return true;
    },
  };
  feeds.set(db, feed);
  return feed;
}
