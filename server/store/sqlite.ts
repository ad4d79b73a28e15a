import Database from 'better-sqlite3';
import type { SyncedCollection } from '../../shared/sync/protocol';
import { runMigrations, SCHEMA_MIGRATIONS_DDL } from './migrate';
import type { MigrationTarget, MigrationTx } from './migrate';
import { chainEntries, redactedValue } from '../audit/chain';
import {
  AUDIT_CHAIN_COLUMNS, AUDIT_COLUMNS, DOC_COLUMNS, SESSION_COLUMNS, SESSION_SELECT, TERRITORY_COLUMNS, USER_COLUMNS,
  ChangeListeners, Mutex, assignSeqs, auditJson, auditLimit, normalizePlan,
  sessionValues, toAudit, toAuditChainRow, toSession, toStoredDoc, toTerritory, toUser, userPatch, userValues,
} from './rows';
import type { AuditChainDbRow, AuditRow, DocRow, SessionRow, TerritoryRow, UserRow } from './rows';
import { SQLITE_MIGRATIONS } from './sqliteMigrations';
import type {
  AuditChainRow, AuditEntry, AuditFilter, AuditRedaction, ChangeEvent, DeviceSession, ReadScope, RevokeOptions, Store, StoredDoc, TerritoryRecord, TransactionReader, UserRecord,
  WritePlan,
} from './types';

/** Migration steps on a connection that is already in a transaction. */
export function sqliteMigrationTx(db: Database.Database): MigrationTx {
  return {
    appliedVersions: async () => new Set((db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version)),
    exec: async (sql) => { db.exec(sql); },
    query: async <R>(sql: string, params: readonly unknown[] = []) => {
      const stmt = db.prepare(sql);
      const values = params.map(sqlValue);
      return (stmt.reader ? stmt.all(...values) : (stmt.run(...values), [])) as R[];
    },
    record: async (m, at) => { db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, at); },
  };
}

/** better-sqlite3 binds no booleans. */
const sqlValue = (v: unknown): unknown => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

/**
 * Embedded SQLite store: one connection, WAL. Every mutation goes through one async mutex, and
 * write() holds BEGIN IMMEDIATE from reading the current rows until COMMIT, so `plan` (which may
 * be async) sees rows nobody else changes and seqs are handed out in commit order.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly mutex = new Mutex();
  private readonly listeners = new ChangeListeners();
  private closed = false;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
  }

  /** The raw connection, for tests and maintenance. */
  get connection(): Database.Database { return this.db; }

  private exclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.mutex.run(() => {
      if (this.closed) throw new Error('store is closed');
      return fn();
    });
  }

  private all<R>(sql: string, ...params: unknown[]): R[] {
    return this.db.prepare(sql).all(...params.map(sqlValue)) as R[];
  }
  private get<R>(sql: string, ...params: unknown[]): R | undefined {
    return this.db.prepare(sql).get(...params.map(sqlValue)) as R | undefined;
  }
  private run(sql: string, ...params: unknown[]): number {
    return this.db.prepare(sql).run(...params.map(sqlValue)).changes;
  }

  migrate(): Promise<void> {
    return this.exclusive(async () => {
      const db = this.db;
      const target: MigrationTarget = {
        inTransaction: async (fn) => {
          db.exec('BEGIN IMMEDIATE');
          try {
            db.exec(SCHEMA_MIGRATIONS_DDL);
            await fn(sqliteMigrationTx(db));
            db.exec('COMMIT');
          } catch (err) {
            if (db.inTransaction) db.exec('ROLLBACK');
            throw err;
          }
        },
      };
      await runMigrations(target, SQLITE_MIGRATIONS);
    });
  }

  async close(): Promise<void> {
    await this.mutex.run(() => {
      if (this.closed) return;
      this.closed = true;
      this.db.close();
    });
  }

  // ---- documents ----

  async getDocs(collection: SyncedCollection, ids: readonly string[]): Promise<Map<string, StoredDoc>> {
    return this.readDocs(collection, ids);
  }

  private readDocs(collection: SyncedCollection, ids: readonly string[]): Map<string, StoredDoc> {
    const out = new Map<string, StoredDoc>();
    if (ids.length === 0) return out;
    const rows = this.all<DocRow>(
      `SELECT ${DOC_COLUMNS} FROM docs WHERE collection = ? AND id IN (SELECT value FROM json_each(?))`,
      collection, JSON.stringify(ids),
    );
    for (const r of rows) out.set(r.id, toStoredDoc(r));
    return out;
  }

  async pull(collection: SyncedCollection, afterSeq: number, limit: number, scope: ReadScope): Promise<StoredDoc[]> {
    const rows = scope.all
      ? this.all<DocRow>(`SELECT ${DOC_COLUMNS} FROM docs WHERE collection = ? AND seq > ? ORDER BY seq LIMIT ?`, collection, afterSeq, limit)
      : this.all<DocRow>(
        `SELECT ${DOC_COLUMNS} FROM docs WHERE collection = ? AND seq > ?
           AND (territory_id IS NULL OR territory_id IN (SELECT value FROM json_each(?)))
         ORDER BY seq LIMIT ?`,
        collection, afterSeq, JSON.stringify(scope.territoryIds), limit,
      );
    return rows.map(toStoredDoc);
  }

  write(
    collection: SyncedCollection,
    ids: readonly string[],
    plan: (current: Map<string, StoredDoc>, tx: TransactionReader) => WritePlan | Promise<WritePlan>,
  ): Promise<StoredDoc[]> {
    return this.exclusive(async () => {
      const db = this.db;
      db.exec('BEGIN IMMEDIATE');
      let docs: StoredDoc[];
      try {
        const result = await plan(this.readDocs(collection, ids), { getDocs: async (other, otherIds) => this.readDocs(other, otherIds) });
        const writes = normalizePlan(result);
        const redactions = result.redact ?? [];
        if (writes.length === 0 && redactions.length === 0) {
          db.exec('ROLLBACK');
          return [];
        }
        // From here on everything is synchronous: nothing else can run on this connection.
        const { value: last } = this.get<{ value: number }>('UPDATE seq_counter SET value = value + ? WHERE id = 1 RETURNING value', writes.length)!;
        const prepared = assignSeqs(writes, result.audit, last - writes.length + 1, new Date().toISOString());
        const upsert = db.prepare(
          `INSERT INTO docs (${DOC_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, territory_id = excluded.territory_id, deleted = excluded.deleted, data = excluded.data`,
        );
        for (const d of prepared.docs) upsert.run(d.collection, d.id, d.seq, d.territoryId, d.deleted ? 1 : 0, JSON.stringify(d.data));
        const insertAudit = db.prepare(
          `INSERT INTO audit (at, seq, user_id, device_id, collection, document_id, action, old_value, new_value, values_salt, values_digest, prev_hash, hash)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        // The chain continues from the last entry: this transaction is the only writer (BEGIN IMMEDIATE).
        const lastHash = this.get<{ hash: string | null }>('SELECT hash FROM audit ORDER BY id DESC LIMIT 1')?.hash ?? null;
        for (const a of chainEntries(lastHash, prepared.audit)) {
          insertAudit.run(a.at, a.seq, a.userId, a.deviceId, a.collection, a.documentId, a.action, auditJson(a.oldValue), auditJson(a.newValue), a.salt, a.valuesDigest, a.prevHash, a.hash);
        }
        this.redactAudit(redactions);
        db.exec('COMMIT');
        docs = prepared.docs;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
      this.listeners.emit(docs);
      return docs;
    });
  }

  /** Replaces the values of the not yet redacted entries of these documents (inside write()'s transaction). */
  private redactAudit(redactions: readonly AuditRedaction[]): void {
    const update = this.db.prepare('UPDATE audit SET old_value = ?, new_value = ?, values_salt = NULL, redacted_at = ? WHERE id = ?');
    for (const r of redactions) {
      if (r.documentIds.length === 0) continue;
      const rows = this.all<AuditRow>(
        `SELECT ${AUDIT_COLUMNS} FROM audit WHERE collection = ? AND document_id IN (SELECT value FROM json_each(?)) AND redacted_at IS NULL ORDER BY id`,
        r.collection, JSON.stringify(r.documentIds),
      );
      for (const e of rows.map(toAudit)) {
        update.run(auditJson(redactedValue(e.oldValue, r.anonymise, r.at, r.by)), auditJson(redactedValue(e.newValue, r.anonymise, r.at, r.by)), r.at, e.id);
      }
    }
  }

  async maxSeq(): Promise<number> {
    return this.get<{ value: number }>('SELECT value FROM seq_counter WHERE id = 1')?.value ?? 0;
  }

  onChange(listener: (event: ChangeEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  // ---- organisation ----

  createTerritory(t: TerritoryRecord): Promise<void> {
    return this.exclusive(() => { this.run(`INSERT INTO territories (${TERRITORY_COLUMNS}) VALUES (?, ?, ?)`, t.id, t.name, t.createdAt); });
  }
  async listTerritories(): Promise<TerritoryRecord[]> {
    return this.all<TerritoryRow>(`SELECT ${TERRITORY_COLUMNS} FROM territories ORDER BY name, id`).map(toTerritory);
  }
  renameTerritory(id: string, name: string): Promise<boolean> {
    return this.exclusive(() => this.run('UPDATE territories SET name = ? WHERE id = ?', name, id) === 1);
  }
  createUser(u: UserRecord): Promise<void> {
    return this.exclusive(() => { this.run(`INSERT INTO users (${USER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, ...userValues(u)); });
  }
  updateUser(id: string, patch: Partial<Omit<UserRecord, 'id' | 'createdAt'>>): Promise<void> {
    return this.exclusive(() => {
      const cols = userPatch(patch);
      if (cols.length === 0) return;
      this.run(`UPDATE users SET ${cols.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`, ...cols.map(([, v]) => v), id);
    });
  }
  async getUserById(id: string): Promise<UserRecord | null> {
    const r = this.get<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`, id);
    return r ? toUser(r) : null;
  }
  async getUserByName(userName: string): Promise<UserRecord | null> {
    const r = this.get<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE user_name = ?`, userName);
    return r ? toUser(r) : null;
  }
  async listUsers(): Promise<UserRecord[]> {
    return this.all<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY user_name, id`).map(toUser);
  }

  // ---- device sessions ----

  createSession(s: DeviceSession): Promise<void> {
    return this.exclusive(() => { this.run(`INSERT INTO sessions (${SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, ...sessionValues(s)); });
  }
  async findSessionByTokenHash(hash: string): Promise<{ session: DeviceSession; reused: boolean } | null> {
    const current = this.get<SessionRow>(`SELECT ${SESSION_SELECT} FROM sessions WHERE refresh_token_hash = ?`, hash);
    if (current) return { session: toSession(current), reused: false };
    const previous = this.get<SessionRow>(
      `SELECT ${SESSION_SELECT} FROM sessions WHERE id = (SELECT session_id FROM spent_refresh_tokens WHERE token_hash = ?)`, hash,
    );
    return previous ? { session: toSession(previous), reused: true } : null;
  }
  rotateSession(id: string, expectedHash: string, next: { refreshTokenHash: string; lastUsedAt: string; expiresAt: string }): Promise<boolean> {
    return this.exclusive(() => this.db.transaction(() => {
      const changed = this.run(
        `UPDATE sessions SET previous_token_hash = refresh_token_hash, refresh_token_hash = ?, last_used_at = ?, expires_at = ?
         WHERE id = ? AND refresh_token_hash = ? AND revoked_at IS NULL`,
        next.refreshTokenHash, next.lastUsedAt, next.expiresAt, id, expectedHash,
      ) === 1;
      if (changed) this.run('INSERT INTO spent_refresh_tokens (token_hash, session_id) VALUES (?, ?)', expectedHash, id);
      return changed;
    })());
  }
  revokeSession(id: string, at: string, options: RevokeOptions = {}): Promise<void> {
    return this.exclusive(() => { this.run('UPDATE sessions SET revoked_at = ?, wipe_on_revoke = ? WHERE id = ? AND revoked_at IS NULL', at, options.wipe ? 1 : 0, id); });
  }
  revokeDevice(userId: string | null, deviceId: string, at: string, options: RevokeOptions = {}): Promise<number> {
    return this.exclusive(() => this.run(
      'UPDATE sessions SET revoked_at = ?, wipe_on_revoke = ? WHERE device_id = ? AND (? IS NULL OR user_id = ?) AND revoked_at IS NULL',
      at, options.wipe ? 1 : 0, deviceId, userId, userId,
    ));
  }
  async listSessions(userId?: string): Promise<DeviceSession[]> {
    const rows = userId === undefined
      ? this.all<SessionRow>(`SELECT ${SESSION_SELECT} FROM sessions ORDER BY created_at, id`)
      : this.all<SessionRow>(`SELECT ${SESSION_SELECT} FROM sessions WHERE user_id = ? ORDER BY created_at, id`, userId);
    return rows.map(toSession);
  }
  async getSession(id: string): Promise<DeviceSession | null> {
    const r = this.get<SessionRow>(`SELECT ${SESSION_SELECT} FROM sessions WHERE id = ?`, id);
    return r ? toSession(r) : null;
  }

  // ---- audit ----

  async listAudit(filter: AuditFilter): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.collection !== undefined) { where.push('collection = ?'); params.push(filter.collection); }
    if (filter.documentId !== undefined) { where.push('document_id = ?'); params.push(filter.documentId); }
    if (filter.userId !== undefined) { where.push('user_id = ?'); params.push(filter.userId); }
    if (filter.afterId !== undefined) { where.push('id > ?'); params.push(filter.afterId); }
    const sql = `SELECT ${AUDIT_COLUMNS} FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`;
    return this.all<AuditRow>(sql, ...params, auditLimit(filter.limit)).map(toAudit);
  }

  async auditChain(afterId: number, limit: number): Promise<AuditChainRow[]> {
    return this.all<AuditChainDbRow>(`SELECT ${AUDIT_CHAIN_COLUMNS} FROM audit WHERE id > ? ORDER BY id LIMIT ?`, afterId, limit).map(toAuditChainRow);
  }
}
