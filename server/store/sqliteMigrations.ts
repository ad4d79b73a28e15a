import { chainExistingAuditEntries } from '../audit/backfill';
import type { Migration } from './migrate';

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
CREATE TABLE docs (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  territory_id TEXT,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  data TEXT NOT NULL,
  PRIMARY KEY (collection, id)
) WITHOUT ROWID;
CREATE INDEX docs_collection_seq ON docs (collection, seq);
CREATE UNIQUE INDEX docs_seq ON docs (seq);

CREATE TABLE seq_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value INTEGER NOT NULL
);
INSERT INTO seq_counter (id, value) VALUES (1, 0);

CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  seq INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  device_id TEXT,
  collection TEXT NOT NULL,
  document_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  old_value TEXT,
  new_value TEXT
);
CREATE INDEX audit_document ON audit (collection, document_id);
CREATE INDEX audit_user ON audit (user_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

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
  roles TEXT NOT NULL,
  territory_ids TEXT NOT NULL,
  manager_id TEXT,
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
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
    // The chain columns; entries written so far are chained in code (run), then the triggers
    // refuse unchained inserts and any update but an erasure's redaction of the values.
    sql: `
ALTER TABLE audit ADD COLUMN values_salt TEXT;
ALTER TABLE audit ADD COLUMN values_digest TEXT;
ALTER TABLE audit ADD COLUMN prev_hash TEXT;
ALTER TABLE audit ADD COLUMN hash TEXT;
ALTER TABLE audit ADD COLUMN redacted_at TEXT;
DROP TRIGGER audit_no_update;
`,
    run: async (tx) => {
      await chainExistingAuditEntries(tx, () => '?');
      await tx.exec(`
CREATE TRIGGER audit_update_only_redaction BEFORE UPDATE ON audit
WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.seq IS NOT OLD.seq OR NEW.user_id IS NOT OLD.user_id
  OR NEW.device_id IS NOT OLD.device_id OR NEW.collection IS NOT OLD.collection OR NEW.document_id IS NOT OLD.document_id
  OR NEW.action IS NOT OLD.action OR NEW.values_digest IS NOT OLD.values_digest OR NEW.prev_hash IS NOT OLD.prev_hash
  OR NEW.hash IS NOT OLD.hash OR OLD.redacted_at IS NOT NULL OR NEW.redacted_at IS NULL OR NEW.values_salt IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'audit is append-only (only an erasure may redact values)'); END;
CREATE TRIGGER audit_chained BEFORE INSERT ON audit
WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL OR NEW.values_digest IS NULL
BEGIN SELECT RAISE(ABORT, 'audit entries must be chained'); END;
`);
    },
  },
  {
    version: 3,
    name: 'session wipe on revoke',
    // An administrator's revoke (lost device, disabled user) tells the app to wipe its local data.
    sql: `ALTER TABLE sessions ADD COLUMN wipe_on_revoke INTEGER NOT NULL DEFAULT 0 CHECK (wipe_on_revoke IN (0, 1));`,
  },
];
