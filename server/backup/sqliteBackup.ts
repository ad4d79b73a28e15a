import { sqliteMigrationTx, type SqliteStore } from '../store/sqlite';
import { SQLITE_MIGRATIONS } from '../store/sqliteMigrations';
import { applyMigration, SCHEMA_MIGRATIONS_DDL } from '../store/migrate';
import {
  AUDIT_CHAIN_COLUMNS, DOC_COLUMNS, SESSION_COLUMNS, SESSION_SELECT, TERRITORY_COLUMNS, USER_COLUMNS,
  auditJson, sessionValues, toAuditChainRow, toSession, toStoredDoc, toTerritory, toUser, userValues,
} from '../store/rows';
import type { AuditChainDbRow, DocRow, SessionRow, TerritoryRow, UserRow } from '../store/rows';
import { readBackup, type BackupEntry, type BackupHeader, type BackupWriter } from './backupFile';

/**
 * SQLite: the dump reads inside one read transaction, which in WAL mode is a consistent snapshot
 * while the server keeps writing. The restore runs in one write transaction: all or nothing.
 */
const bind = (values: unknown[]): unknown[] => values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));

export async function dumpSqlite(store: SqliteStore, writer: BackupWriter, createdAt: string): Promise<BackupHeader> {
  const db = store.connection;
  db.exec('BEGIN');
  try {
    const seq = (db.prepare('SELECT value FROM seq_counter WHERE id = 1').get() as { value: number }).value;
    const schemaVersion = (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number }).v;
    const header: BackupHeader = { format: 'fieldbook-backup', version: 1, createdAt, source: 'sqlite', schemaVersion, seq };
    await writer.header(header);
    // One statement at a time: better-sqlite3 runs nothing else on a connection while iterating.
    for (const r of db.prepare(`SELECT ${TERRITORY_COLUMNS} FROM territories ORDER BY id`).iterate()) await writer.entry({ t: 'territory', v: toTerritory(r as TerritoryRow) });
    for (const r of db.prepare(`SELECT ${USER_COLUMNS} FROM users ORDER BY id`).iterate()) await writer.entry({ t: 'user', v: toUser(r as UserRow) });
    for (const r of db.prepare(`SELECT ${SESSION_SELECT} FROM sessions ORDER BY id`).iterate()) await writer.entry({ t: 'session', v: toSession(r as SessionRow) });
    for (const r of db.prepare('SELECT token_hash, session_id FROM spent_refresh_tokens ORDER BY token_hash').iterate()) {
      const row = r as { token_hash: string; session_id: string };
      await writer.entry({ t: 'spent', v: { tokenHash: row.token_hash, sessionId: row.session_id } });
    }
    for (const r of db.prepare(`SELECT ${DOC_COLUMNS} FROM docs ORDER BY seq`).iterate()) await writer.entry({ t: 'doc', v: toStoredDoc(r as DocRow) });
    for (const r of db.prepare(`SELECT ${AUDIT_CHAIN_COLUMNS} FROM audit ORDER BY id`).iterate()) await writer.entry({ t: 'audit', v: toAuditChainRow(r as AuditChainDbRow) });
    return header;
  } finally {
    db.exec('COMMIT');
  }
}

export function sqliteRowCount(store: SqliteStore): number {
  const db = store.connection;
  return ['docs', 'users', 'territories', 'audit', 'sessions']
    .reduce((n, table) => n + (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, 0);
}

/** Loads a verified backup. `replace`: drop the current tables first (in the same transaction). */
export async function restoreSqlite(store: SqliteStore, file: string, header: BackupHeader, replace: boolean): Promise<void> {
  const db = store.connection;
  db.exec('BEGIN IMMEDIATE');
  try {
    if (replace) {
      for (const table of ['spent_refresh_tokens', 'sessions', 'users', 'territories', 'audit', 'seq_counter', 'docs', 'schema_migrations']) db.exec(`DROP TABLE IF EXISTS ${table}`);
      db.exec(SCHEMA_MIGRATIONS_DDL);
      const tx = sqliteMigrationTx(db);
      for (const m of SQLITE_MIGRATIONS) await applyMigration(tx, m);
    }
    const insert = {
      territory: db.prepare(`INSERT INTO territories (${TERRITORY_COLUMNS}) VALUES (?, ?, ?)`),
      user: db.prepare(`INSERT INTO users (${USER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      session: db.prepare(`INSERT INTO sessions (${SESSION_COLUMNS}, wipe_on_revoke) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      spent: db.prepare('INSERT INTO spent_refresh_tokens (token_hash, session_id) VALUES (?, ?)'),
      doc: db.prepare(`INSERT INTO docs (${DOC_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`),
      audit: db.prepare(`INSERT INTO audit (${AUDIT_CHAIN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    };
    const load = (e: BackupEntry): void => {
      switch (e.t) {
        case 'territory': insert.territory.run(e.v.id, e.v.name, e.v.createdAt); break;
        case 'user': insert.user.run(...bind(userValues(e.v))); break;
        case 'session': insert.session.run(...sessionValues(e.v), e.v.wipeOnRevoke ? 1 : 0); break;
        case 'spent': insert.spent.run(e.v.tokenHash, e.v.sessionId); break;
        case 'doc': insert.doc.run(e.v.collection, e.v.id, e.v.seq, e.v.territoryId, e.v.deleted ? 1 : 0, JSON.stringify(e.v.data)); break;
        case 'audit': {
          const a = e.v;
          insert.audit.run(a.id, a.at, a.seq, a.userId, a.deviceId, a.collection, a.documentId, a.action, auditJson(a.oldValue), auditJson(a.newValue),
            a.valuesSalt, a.valuesDigest, a.prevHash, a.hash, a.redactedAt);
          break;
        }
      }
    };
    await readBackup(file, load);
    db.prepare('UPDATE seq_counter SET value = ? WHERE id = 1').run(header.seq);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
