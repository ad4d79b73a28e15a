import { chainExistingAuditEntries } from '../audit/backfill';
import type { Migration } from './migrate';

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
CREATE TABLE docs (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  territory_id TEXT,
  deleted BOOLEAN NOT NULL DEFAULT FALSE,
  data JSONB NOT NULL,
  PRIMARY KEY (collection, id)
);
CREATE INDEX docs_collection_seq ON docs (collection, seq);
CREATE UNIQUE INDEX docs_seq ON docs (seq);

CREATE TABLE seq_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value BIGINT NOT NULL
);
INSERT INTO seq_counter (id, value) VALUES (1, 0);

CREATE TABLE audit (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at TEXT NOT NULL,
  seq BIGINT NOT NULL,
  user_id TEXT NOT NULL,
  device_id TEXT,
  collection TEXT NOT NULL,
  document_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  old_value JSONB,
  new_value JSONB
);
CREATE INDEX audit_document ON audit (collection, document_id);
CREATE INDEX audit_user ON audit (user_id);
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit is append-only';
END;
$$;
CREATE TRIGGER audit_no_update_delete BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

CREATE TABLE territories (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  user_name TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  roles JSONB NOT NULL,
  territory_ids JSONB NOT NULL,
  manager_id TEXT,
  active BOOLEAN NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  device_id TEXT NOT NULL,
  device_name TEXT NOT NULL,
  refresh_token_hash TEXT NOT NULL UNIQUE,
  previous_token_hash TEXT,
  created_at TEXT NOT NULL,
  last_used_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX sessions_previous_token ON sessions (previous_token_hash);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_device ON sessions (device_id);

-- Every refresh token a session has used up: one coming back means somebody holds a copy.
CREATE TABLE spent_refresh_tokens (
  token_hash TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions (id)
);
`,
  },
  {
    version: 2,
    name: 'audit hash chain',
    // Writers of an older version are held off while the existing entries are chained (run);
    // afterwards unchained inserts fail (NOT NULL) and only an erasure may update (redact) values.
    sql: `
LOCK TABLE audit IN SHARE ROW EXCLUSIVE MODE;
ALTER TABLE audit ADD COLUMN values_salt TEXT, ADD COLUMN values_digest TEXT, ADD COLUMN prev_hash TEXT,
  ADD COLUMN hash TEXT, ADD COLUMN redacted_at TEXT;
DROP TRIGGER audit_no_update_delete ON audit;
`,
    run: async (tx) => {
      await chainExistingAuditEntries(tx, (n) => `$${n}`);
      await tx.exec(`
ALTER TABLE audit ALTER COLUMN values_digest SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE FUNCTION audit_redaction_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.at IS DISTINCT FROM OLD.at OR NEW.seq IS DISTINCT FROM OLD.seq
    OR NEW.user_id IS DISTINCT FROM OLD.user_id OR NEW.device_id IS DISTINCT FROM OLD.device_id
    OR NEW.collection IS DISTINCT FROM OLD.collection OR NEW.document_id IS DISTINCT FROM OLD.document_id
    OR NEW.action IS DISTINCT FROM OLD.action OR NEW.values_digest IS DISTINCT FROM OLD.values_digest
    OR NEW.prev_hash IS DISTINCT FROM OLD.prev_hash OR NEW.hash IS DISTINCT FROM OLD.hash
    OR OLD.redacted_at IS NOT NULL OR NEW.redacted_at IS NULL OR NEW.values_salt IS NOT NULL THEN
    RAISE EXCEPTION 'audit is append-only (only an erasure may redact values)';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER audit_update_only_redaction BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION audit_redaction_only();
`);
    },
  },
  {
    version: 3,
    name: 'session wipe on revoke',
    // An administrator's revoke (lost device, disabled user) tells the app to wipe its local data.
    sql: `ALTER TABLE sessions ADD COLUMN wipe_on_revoke BOOLEAN NOT NULL DEFAULT FALSE;`,
  },
];
