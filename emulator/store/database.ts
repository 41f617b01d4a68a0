import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Db = Database.Database;
export type Statement = Database.Statement;

const MAX_CACHED_STATEMENTS = 256;
const statements = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement for this SQL, compiled once per database. Request paths run the same few statements
 * over and over; preparing each time was a visible share of a request's CPU. Bounded, because a list's SQL
 * varies with the shape of its $filter.
 */
export function statement(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) {
    if (cache.size >= MAX_CACHED_STATEMENTS) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

/**
 * Schema versions, applied in order inside one transaction each. Append; never edit a shipped step,
 * or a `--location` made by an older emulator stops opening.
 */
const migrations: string[] = [
  `
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE subscriptions (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('Enabled','Warned','PastDue','Disabled','Deleted')),
    tenant_id TEXT NOT NULL
  );
  CREATE TABLE role_assignments (
    principal_id TEXT NOT NULL,
    subscription_id TEXT NOT NULL REFERENCES subscriptions(id),
    role TEXT NOT NULL CHECK (role IN ('Owner','Contributor','Reader')),
    PRIMARY KEY (principal_id, subscription_id)
  );
  CREATE TABLE resource_groups (
    subscription_id TEXT NOT NULL REFERENCES subscriptions(id),
    name TEXT NOT NULL COLLATE NOCASE,
    location TEXT NOT NULL,
    PRIMARY KEY (subscription_id, name)
  );
  CREATE TABLE apim_services (
    subscription_id TEXT NOT NULL,
    resource_group TEXT NOT NULL COLLATE NOCASE,
    name TEXT NOT NULL COLLATE NOCASE,
    location TEXT NOT NULL,
    sku_name TEXT NOT NULL,
    sku_capacity INTEGER NOT NULL,
    publisher_email TEXT NOT NULL,
    publisher_name TEXT NOT NULL,
    user_identity_client_ids TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (subscription_id, resource_group, name),
    FOREIGN KEY (subscription_id, resource_group) REFERENCES resource_groups(subscription_id, name)
  );
  CREATE TABLE apim_certificates (
    subscription_id TEXT NOT NULL,
    resource_group TEXT NOT NULL COLLATE NOCASE,
    service_name TEXT NOT NULL COLLATE NOCASE,
    certificate_id TEXT NOT NULL COLLATE NOCASE,
    subject TEXT NOT NULL,
    thumbprint TEXT NOT NULL,
    expiration_date TEXT NOT NULL,
    key_vault TEXT,
    data BLOB,
    etag TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (subscription_id, resource_group, service_name, certificate_id)
  );
  CREATE TABLE apim_certificate_references (
    subscription_id TEXT NOT NULL,
    resource_group TEXT NOT NULL COLLATE NOCASE,
    service_name TEXT NOT NULL COLLATE NOCASE,
    certificate_id TEXT NOT NULL COLLATE NOCASE,
    kind TEXT NOT NULL CHECK (kind IN ('policy','backend')),
    name TEXT NOT NULL,
    PRIMARY KEY (subscription_id, resource_group, service_name, certificate_id, kind, name)
  );
  CREATE TABLE key_vault_secrets (
    vault TEXT NOT NULL COLLATE NOCASE,
    name TEXT NOT NULL COLLATE NOCASE,
    version TEXT NOT NULL,
    value BLOB,
    password TEXT NOT NULL DEFAULT '',
    access TEXT NOT NULL DEFAULT 'allowed' CHECK (access IN ('allowed','forbidden')),
    created_at TEXT NOT NULL,
    PRIMARY KEY (vault, name, version)
  );
  CREATE TABLE management_certificates (
    subscription_id TEXT NOT NULL REFERENCES subscriptions(id),
    thumbprint TEXT NOT NULL,
    public_key BLOB NOT NULL,
    data BLOB NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (subscription_id, thumbprint)
  );
  `,
  `
  -- oidc-provider's models (sessions, grants, codes, refresh tokens), so sign-ins survive a restart.
  CREATE TABLE oidc_models (
    model TEXT NOT NULL,
    id TEXT NOT NULL,
    payload TEXT NOT NULL,
    grant_id TEXT,
    user_code TEXT,
    uid TEXT,
    expires_at INTEGER,
    PRIMARY KEY (model, id)
  );
  CREATE INDEX oidc_models_grant ON oidc_models (grant_id);
  CREATE INDEX oidc_models_uid ON oidc_models (model, uid);
  `,
  `
  -- The certificate list's expirationDate ranges, within one service (the primary key already serves id order).
  CREATE INDEX apim_certificates_expiration ON apim_certificates (subscription_id, resource_group, service_name, expiration_date);
  `,
  `
  -- The certificate list's contains/startswith/endswith/eq, looked up by trigram (common/odata-filter-sql.ts).
  -- Contentless, so INSERT OR REPLACE by rowid keeps it right even when a REPLACE into apim_certificates
  -- deletes a row without firing the delete trigger (recursive_triggers is off); such leftovers only cost time.
  CREATE VIRTUAL TABLE apim_certificate_text USING fts5(certificate_id, subject, thumbprint, tokenize = 'trigram', content = '', contentless_delete = 1);
  INSERT INTO apim_certificate_text (rowid, certificate_id, subject, thumbprint) SELECT rowid, certificate_id, subject, thumbprint FROM apim_certificates;
  CREATE TRIGGER apim_certificate_text_insert AFTER INSERT ON apim_certificates BEGIN
    INSERT OR REPLACE INTO apim_certificate_text (rowid, certificate_id, subject, thumbprint) VALUES (new.rowid, new.certificate_id, new.subject, new.thumbprint);
  END;
  CREATE TRIGGER apim_certificate_text_update AFTER UPDATE OF certificate_id, subject, thumbprint ON apim_certificates BEGIN
    INSERT OR REPLACE INTO apim_certificate_text (rowid, certificate_id, subject, thumbprint) VALUES (new.rowid, new.certificate_id, new.subject, new.thumbprint);
  END;
  CREATE TRIGGER apim_certificate_text_delete AFTER DELETE ON apim_certificates BEGIN
    DELETE FROM apim_certificate_text WHERE rowid = old.rowid;
  END;
  -- The rows the trigram index cannot judge (certificate-store.ts NON_ASCII_TEXT, the same text, or the planner will not use it).
  CREATE INDEX apim_certificates_non_ascii ON apim_certificates (subscription_id)
    WHERE length(certificate_id) <> octet_length(certificate_id) OR length(subject) <> octet_length(subject) OR length(thumbprint) <> octet_length(thumbprint);
  `,
  `
  -- The direct management API of each API Management service (tenant/access): on or off, its identifier and
  -- the two keys SharedAccessSignature tokens are signed with. A service without a row has it off.
  CREATE TABLE apim_tenant_access (
    subscription_id TEXT NOT NULL,
    resource_group TEXT NOT NULL COLLATE NOCASE,
    service_name TEXT NOT NULL COLLATE NOCASE,
    identifier TEXT NOT NULL,
    primary_key TEXT NOT NULL,
    secondary_key TEXT NOT NULL,
    enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    etag TEXT NOT NULL,
    PRIMARY KEY (subscription_id, resource_group, service_name)
  );
  `,
  `
  -- Resources an empty emulator can create (ARM PUT/PATCH/DELETE): a service's long-running state, its tags and CA
  -- certificates (the service's own \`certificates\` array, JSON), a group's tags, and the long-running operations.
  ALTER TABLE resource_groups ADD COLUMN tags TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE apim_services ADD COLUMN provisioning_state TEXT NOT NULL DEFAULT 'Succeeded';
  ALTER TABLE apim_services ADD COLUMN ready_at INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE apim_services ADD COLUMN tags TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE apim_services ADD COLUMN ca_certificates TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE apim_services ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
  CREATE TABLE arm_operations (
    id TEXT PRIMARY KEY,
    subscription_id TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    completes_at INTEGER NOT NULL
  );
  `,
  `
  -- The certificate list read in id order without touching the table: every column a $filter can test, after
  -- the service and id, so a filter the trigram index cannot narrow is judged on this index alone and only
  -- the page's rows are read from the table (store/apim-certificate-store.ts, LIST_INDEX).
  CREATE INDEX apim_certificates_list ON apim_certificates (subscription_id, resource_group, service_name, certificate_id, expiration_date, subject, thumbprint);
  `,
  `
  -- The certificate list is answered from an in-memory index kept up to date row by row
  -- (store/apim-certificate-list/): the trigram table, its triggers and the list's own indexes would only cost writes.
  DROP TRIGGER IF EXISTS apim_certificate_text_insert;
  DROP TRIGGER IF EXISTS apim_certificate_text_update;
  DROP TRIGGER IF EXISTS apim_certificate_text_delete;
  DROP TABLE IF EXISTS apim_certificate_text;
  DROP INDEX IF EXISTS apim_certificates_non_ascii;
  DROP INDEX IF EXISTS apim_certificates_list;
  DROP INDEX IF EXISTS apim_certificates_expiration;
  `,
];

export function openDatabase(location: string | null): Db {
  let file = ':memory:';
  if (location) {
    mkdirSync(location, { recursive: true });
    file = join(location, 'emulator.db');
  }
  const db = new Database(file);
  if (location) {
    db.pragma('journal_mode = WAL');
    // FULL: a write that was answered 2xx is on disk, even if the machine loses power right after.
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** The schema steps in order; `user_version` counts the steps applied. */
export const MIGRATIONS: readonly string[] = migrations;

/** Applies the steps not yet applied, up to `target` (all of them unless a test builds an older store). */
export function migrate(db: Db, target = migrations.length): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < target; version++) {
    db.transaction(() => {
      db.exec(migrations[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

export function getSetting(db: Db, key: string): string | undefined {
  const row = statement(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function putSetting(db: Db, key: string, value: string): void {
  statement(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
