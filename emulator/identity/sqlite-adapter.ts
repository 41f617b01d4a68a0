import type { Adapter, AdapterPayload } from 'oidc-provider';
import { statement, type Db } from '../store/database.ts';

interface Row {
  payload: string;
  expires_at: number | null;
}

/** oidc-provider's storage contract over the emulator's database (its default adapter is memory only). */
export function sqliteAdapterFactory(db: Db): (model: string) => Adapter {
  const now = () => Math.floor(Date.now() / 1000);
  const read = (row: Row | undefined): AdapterPayload | undefined => {
    if (!row) return undefined;
    if (row.expires_at !== null && row.expires_at <= now()) return undefined;
    return JSON.parse(row.payload) as AdapterPayload;
  };
  return (model: string): Adapter => ({
    async upsert(id, payload, expiresIn) {
      statement(
        db,
        `INSERT INTO oidc_models (model, id, payload, grant_id, user_code, uid, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id,
           user_code = excluded.user_code, uid = excluded.uid, expires_at = excluded.expires_at`,
      ).run(model, id, JSON.stringify(payload), payload.grantId ?? null, payload.userCode ?? null, payload.uid ?? null, expiresIn ? now() + expiresIn : null);
    },
    async find(id) {
      return read(statement(db, 'SELECT payload, expires_at FROM oidc_models WHERE model = ? AND id = ?').get(model, id) as Row | undefined);
    },
    async findByUserCode(userCode) {
      return read(statement(db, 'SELECT payload, expires_at FROM oidc_models WHERE model = ? AND user_code = ?').get(model, userCode) as Row | undefined);
    },
    async findByUid(uid) {
      return read(statement(db, 'SELECT payload, expires_at FROM oidc_models WHERE model = ? AND uid = ?').get(model, uid) as Row | undefined);
    },
    async consume(id) {
      const found = await this.find(id);
      if (!found) return;
      found.consumed = now();
      statement(db, 'UPDATE oidc_models SET payload = ? WHERE model = ? AND id = ?').run(JSON.stringify(found), model, id);
    },
    async destroy(id) {
      statement(db, 'DELETE FROM oidc_models WHERE model = ? AND id = ?').run(model, id);
    },
    async revokeByGrantId(grantId) {
      statement(db, 'DELETE FROM oidc_models WHERE grant_id = ?').run(grantId);
    },
  });
}
