import { createHash } from 'node:crypto';
import pg from 'pg';
import type { SyncedCollection } from '../../shared/sync/protocol';
import { runMigrations, SCHEMA_MIGRATIONS_DDL } from './migrate';
import type { MigrationTarget, MigrationTx } from './migrate';

import { POSTGRES_MIGRATIONS } from './postgresMigrations';
import { chainEntries, redactedValue } from '../audit/chain';
import {
  AUDIT_CHAIN_COLUMNS, AUDIT_COLUMNS, DOC_COLUMNS, SESSION_COLUMNS, SESSION_SELECT, TERRITORY_COLUMNS, USER_COLUMNS,
  ChangeListeners, assignSeqs, auditJson, auditLimit, normalizePlan,
  sessionValues, toAudit, toAuditChainRow, toSession, toStoredDoc, toTerritory, toUser, userPatch, userValues,
} from './rows';
import type { AuditChainDbRow, AuditRow, DocRow, SessionRow, TerritoryRow, UserRow } from './rows';
import type {
  AuditChainRow, AuditEntry, AuditFilter, AuditRedaction, ChangeEvent, DeviceSession, ReadScope, RevokeOptions, Store, StoredDoc, TerritoryRecord, TransactionReader, UserRecord,
  WritePlan,
} from './types';

/** Migration steps on a client that is already in a transaction. */
export function postgresMigrationTx(c: pg.PoolClient): MigrationTx {
  return {
    appliedVersions: async () => new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version)),
    exec: async (sql) => { await c.query(sql); },
    query: async <R>(sql: string, params: readonly unknown[] = []) => (await c.query(sql, [...params])).rows as R[],
    record: async (m, at) => { await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, at]); },
  };
}

/** Advisory lock keys in the two-int4 space (disjoint from the bigint space of document locks). */
const LOCK_CLASS = 0x46424b; // "FBK"
const SEQ_LOCK = 1;
const MIGRATION_LOCK = 2;
export const CHANGE_CHANNEL = 'fieldbook_changes';
const CATCH_UP_PAGE = 1000;

/** 64-bit advisory lock key of a document (a collision only serializes two unrelated pushes). */
export function docLockKey(collection: string, id: string): bigint {
  return createHash('sha256').update(`${collection}\u0000${id}`).digest().readBigInt64BE(0);
}

export interface PostgresStoreOptions {
  /** Pool size (default 10). */
  max?: number;
  /** Delay before re-connecting the LISTEN connection after it dropped (default 500 ms). */
  reconnectDelayMs?: number;
}

/**
 * PostgreSQL store.
 *
 * Ordering: write() takes transaction-scoped advisory locks on its (collection, id) keys in sorted
 * order (so even two creates of the same new id serialize), reads the rows, runs `plan`, then takes
 * ONE constant advisory lock before incrementing the counter and holds it until COMMIT. Seqs are
 * therefore handed out and committed in the same order, and a transaction releases its locks only
 * after it became visible: no reader can see seq N+1 without N.
 *
 * Changes: every write NOTIFYs `from:to` inside its transaction (delivered at commit, in commit
 * order). Every store, this process's included, LISTENs on a dedicated connection and re-reads the
 * rows with seq in (lastEmitted, to], so listeners of all processes see every change in seq order,
 * and a reconnect catches up on what was missed. write() resolves once this process's listeners
 * got its change (as with SQLite), waiting at most 2 s when the LISTEN connection is down.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;
  private readonly listeners = new ChangeListeners();
  private listenClient: pg.Client | null = null;
  private lastEmitted = 0;
  private emitChain: Promise<void> = Promise.resolve();
  private reconnectTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly reconnectDelayMs: number;

  constructor(private readonly url: string, opts: PostgresStoreOptions = {}) {
    this.pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
    // An idle client that dies (server restart) must not crash the process; the pool replaces it.
    this.pool.on('error', (err) => { console.error('postgres pool client error', err.message); });
    this.reconnectDelayMs = opts.reconnectDelayMs ?? 500;
  }

  /** Connects the LISTEN connection; resolves once it listens. */
  async startListening(): Promise<void> {
    const first = !this.started;
    this.started = true;
    // On the first start, notifications wait behind a gate until we know where we start from.
    let openGate = (): void => undefined;
    if (first) {
      const gate = new Promise<void>((resolve) => { openGate = resolve; });
      this.emitChain = this.emitChain.then(() => gate);
    }
    try {
      const client = new pg.Client({ connectionString: this.url });
      const onLost = (err?: Error): void => {
        if (this.listenClient !== client) return;
        this.listenClient = null;
        if (err) console.error('postgres LISTEN connection lost', err.message);
        client.end().catch(() => undefined);
        this.scheduleReconnect();
      };
      client.on('error', onLost);
      client.on('end', () => onLost());
      client.on('notification', (msg) => {
        if (msg.channel !== CHANGE_CHANNEL || !msg.payload) return;
        const to = Number(msg.payload.split(':')[1]);
        if (Number.isFinite(to)) this.enqueueEmit(to);
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      } catch (err) {
        client.end().catch(() => undefined);
        throw err;
      }
      if (this.closed) { await client.end(); return; }
      this.listenClient = client;
      const current = await this.currentSeqOrZero();
      if (first) this.lastEmitted = current;
      else this.enqueueEmit(current); // catch up on what was committed while not listening
    } finally {
      openGate();
    }
  }
  private started = false;

  /** For tests: the backend pid of the LISTEN connection (null while disconnected). */
  async listenerPid(): Promise<number | null> {
    const c = this.listenClient;
    if (!c) return null;
    return (c as unknown as { processID: number | null }).processID ?? null;
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.closed) return;
      this.startListening().catch((err: Error) => {
        console.error('postgres LISTEN reconnect failed', err.message);
        this.scheduleReconnect();
      });
    }, this.reconnectDelayMs);
    this.reconnectTimer.unref();
  }

  private async currentSeqOrZero(): Promise<number> {
    try {
      return await this.maxSeq();
    } catch (err) {
      if ((err as { code?: string }).code === '42P01') return 0; // not migrated yet
      throw err;
    }
  }

  private enqueueEmit(to: number): void {
    this.emitChain = this.emitChain.then(() => this.emitUpTo(to)).catch((err: Error) => {
      console.error('postgres change notification failed', err.message);
    });
  }

  private async emitUpTo(to: number): Promise<void> {
    while (this.lastEmitted < to && !this.closed) {
      if (this.listeners.size === 0) { this.lastEmitted = to; break; }
      const { rows } = await this.pool.query<DocRow>(
        `SELECT ${DOC_COLUMNS} FROM docs WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT ${CATCH_UP_PAGE}`,
        [this.lastEmitted, to],
      );
      const docs = rows.map(toStoredDoc);
      this.lastEmitted = docs.length === CATCH_UP_PAGE ? docs[docs.length - 1]!.seq : to;
      this.listeners.emit(docs);
    }
    this.releaseWaiters();
  }

  private releaseWaiters(): void {
    for (const w of [...this.waiters]) {
      if (w.seq <= this.lastEmitted || this.closed) { this.waiters.delete(w); w.resolve(); }
    }
  }

  /**
   * Resolves once this process's listeners were given every change up to `seq` (so a caller of
   * write() can rely on its own listeners having run, as with SQLite), or after `timeoutMs`
   * when the LISTEN connection is down.
   */
  private emitted(seq: number, timeoutMs = 2000): Promise<void> {
    if (seq <= this.lastEmitted || this.closed || !this.listenClient) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.waiters.delete(waiter); resolve(); }, timeoutMs);
      timer.unref();
      const waiter = { seq, resolve: () => { clearTimeout(timer); resolve(); } };
      this.waiters.add(waiter);
    });
  }
  private readonly waiters = new Set<{ seq: number; resolve: () => void }>();

  migrate(): Promise<void> {
    const target: MigrationTarget = {
      inTransaction: (fn) => this.transaction(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, MIGRATION_LOCK]);
        await c.query(SCHEMA_MIGRATIONS_DDL);
        await fn(postgresMigrationTx(c));
      }),
    };
    return runMigrations(target, POSTGRES_MIGRATIONS).then(() => undefined);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.listenClient;
    this.listenClient = null;
    if (client) await client.end().catch(() => undefined);
    this.releaseWaiters();
    await this.emitChain;
    await this.pool.end();
  }

  private async transaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
        client.release();
      } catch (rollbackErr) {
        client.release(rollbackErr as Error); // broken connection: destroy it
      }
      throw err;
    }
  }

  // ---- documents ----

  async getDocs(collection: SyncedCollection, ids: readonly string[]): Promise<Map<string, StoredDoc>> {
    return this.readDocs(this.pool, collection, ids);
  }

  private async readDocs(q: pg.Pool | pg.PoolClient, collection: SyncedCollection, ids: readonly string[]): Promise<Map<string, StoredDoc>> {
    const out = new Map<string, StoredDoc>();
    if (ids.length === 0) return out;
    const { rows } = await q.query<DocRow>(`SELECT ${DOC_COLUMNS} FROM docs WHERE collection = $1 AND id = ANY($2::text[])`, [collection, ids]);
    for (const r of rows) out.set(r.id, toStoredDoc(r));
    return out;
  }

  async pull(collection: SyncedCollection, afterSeq: number, limit: number, scope: ReadScope): Promise<StoredDoc[]> {
    const { rows } = scope.all
      ? await this.pool.query<DocRow>(`SELECT ${DOC_COLUMNS} FROM docs WHERE collection = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [collection, afterSeq, limit])
      : await this.pool.query<DocRow>(
        `SELECT ${DOC_COLUMNS} FROM docs WHERE collection = $1 AND seq > $2
           AND (territory_id IS NULL OR territory_id = ANY($3::text[]))
         ORDER BY seq LIMIT $4`,
        [collection, afterSeq, [...scope.territoryIds], limit],
      );
    return rows.map(toStoredDoc);
  }

  async write(
    collection: SyncedCollection,
    ids: readonly string[],
    plan: (current: Map<string, StoredDoc>, tx: TransactionReader) => WritePlan | Promise<WritePlan>,
  ): Promise<StoredDoc[]> {
    const docs = await this.transaction(async (c) => {
      // 1. Lock the documents, always in the same (sorted) order so two pushes cannot deadlock.
      const keys = [...new Set(ids.map((id) => docLockKey(collection, id)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (keys.length > 0) {
        await c.query('SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) WITH ORDINALITY AS t(k, i) ORDER BY i', [keys.map(String)]);
      }
      // 2. Decide.
      const result = await plan(await this.readDocs(c, collection, ids), { getDocs: (other, otherIds) => this.readDocs(c, other, otherIds) });
      const writes = normalizePlan(result);
      const redactions = result.redact ?? [];
      if (writes.length === 0 && redactions.length === 0) return [];
      // 3. Take the sequence lock (held until COMMIT), hand out consecutive seqs.
      await c.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, SEQ_LOCK]);
      const { rows: [counter] } = await c.query<{ value: string }>('UPDATE seq_counter SET value = value + $1 WHERE id = 1 RETURNING value', [writes.length]);
      const last = Number(counter!.value);
      const first = last - writes.length + 1;
      const prepared = assignSeqs(writes, result.audit, first, new Date().toISOString());
      const d = prepared.docs;
      await c.query(
        `INSERT INTO docs (${DOC_COLUMNS})
         SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::boolean[], $6::jsonb[])
         ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, territory_id = excluded.territory_id, deleted = excluded.deleted, data = excluded.data`,
        [d.map((x) => x.collection), d.map((x) => x.id), d.map((x) => x.seq), d.map((x) => x.territoryId), d.map((x) => x.deleted), d.map((x) => JSON.stringify(x.data))],
      );
      if (prepared.audit.length > 0) {
        // The chain continues from the last entry: the sequence lock (held until COMMIT) makes
        // every process's audit inserts one line, in id order.
        const { rows: [tail] } = await c.query<{ hash: string }>('SELECT hash FROM audit ORDER BY id DESC LIMIT 1');
        const a = chainEntries(tail?.hash ?? null, prepared.audit);
        await c.query(
          `INSERT INTO audit (at, seq, user_id, device_id, collection, document_id, action, old_value, new_value, values_salt, values_digest, prev_hash, hash)
           SELECT at, seq, user_id, device_id, collection, document_id, action, old_value, new_value, values_salt, values_digest, prev_hash, hash
           FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::jsonb[],
             $10::text[], $11::text[], $12::text[], $13::text[])
             WITH ORDINALITY AS t(at, seq, user_id, device_id, collection, document_id, action, old_value, new_value, values_salt, values_digest, prev_hash, hash, ord)
           ORDER BY ord`,
          [a.map((x) => x.at), a.map((x) => x.seq), a.map((x) => x.userId), a.map((x) => x.deviceId), a.map((x) => x.collection),
            a.map((x) => x.documentId), a.map((x) => x.action), a.map((x) => auditJson(x.oldValue)), a.map((x) => auditJson(x.newValue)),
            a.map((x) => x.salt), a.map((x) => x.valuesDigest), a.map((x) => x.prevHash), a.map((x) => x.hash)],
        );
      }
      await this.redactAudit(c, redactions);
      // 4. Tell every process (delivered at COMMIT, in commit order).
      if (d.length > 0) await c.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, `${first}:${last}`]);
      return d;
    });
    if (docs.length > 0) await this.emitted(docs[docs.length - 1]!.seq);
    return docs;
  }

  /** Replaces the values of the not yet redacted entries of these documents (inside write()'s transaction). */
  private async redactAudit(c: pg.PoolClient, redactions: readonly AuditRedaction[]): Promise<void> {
    for (const r of redactions) {
      if (r.documentIds.length === 0) continue;
      const { rows } = await c.query<AuditRow>(
        `SELECT ${AUDIT_COLUMNS} FROM audit WHERE collection = $1 AND document_id = ANY($2::text[]) AND redacted_at IS NULL ORDER BY id`,
        [r.collection, [...r.documentIds]],
      );
      for (const e of rows.map(toAudit)) {
        await c.query('UPDATE audit SET old_value = $1::jsonb, new_value = $2::jsonb, values_salt = NULL, redacted_at = $3 WHERE id = $4', [
          auditJson(redactedValue(e.oldValue, r.anonymise, r.at, r.by)), auditJson(redactedValue(e.newValue, r.anonymise, r.at, r.by)), r.at, e.id,
        ]);
      }
    }
  }

  async maxSeq(): Promise<number> {
    const { rows } = await this.pool.query<{ value: string }>('SELECT value FROM seq_counter WHERE id = 1');
    return rows[0] ? Number(rows[0].value) : 0;
  }

  onChange(listener: (event: ChangeEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  // ---- organisation ----

  async createTerritory(t: TerritoryRecord): Promise<void> {
    await this.pool.query(`INSERT INTO territories (${TERRITORY_COLUMNS}) VALUES ($1, $2, $3)`, [t.id, t.name, t.createdAt]);
  }
  async listTerritories(): Promise<TerritoryRecord[]> {
    return (await this.pool.query<TerritoryRow>(`SELECT ${TERRITORY_COLUMNS} FROM territories ORDER BY name, id`)).rows.map(toTerritory);
  }
  async renameTerritory(id: string, name: string): Promise<boolean> {
    return (await this.pool.query('UPDATE territories SET name = $1 WHERE id = $2', [name, id])).rowCount === 1;
  }
  async createUser(u: UserRecord): Promise<void> {
    await this.pool.query(`INSERT INTO users (${USER_COLUMNS}) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10)`, userValues(u));
  }
  async updateUser(id: string, patch: Partial<Omit<UserRecord, 'id' | 'createdAt'>>): Promise<void> {
    const cols = userPatch(patch);
    if (cols.length === 0) return;
    const sets = cols.map(([c], i) => `${c} = $${i + 1}${c === 'roles' || c === 'territory_ids' ? '::jsonb' : ''}`);
    await this.pool.query(`UPDATE users SET ${sets.join(', ')} WHERE id = $${cols.length + 1}`, [...cols.map(([, v]) => v), id]);
  }
  async getUserById(id: string): Promise<UserRecord | null> {
    const { rows: [r] } = await this.pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return r ? toUser(r) : null;
  }
  async getUserByName(userName: string): Promise<UserRecord | null> {
    const { rows: [r] } = await this.pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE user_name = $1`, [userName]);
    return r ? toUser(r) : null;
  }
  async listUsers(): Promise<UserRecord[]> {
    return (await this.pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY user_name, id`)).rows.map(toUser);
  }

  // ---- device sessions ----

  async createSession(s: DeviceSession): Promise<void> {
    await this.pool.query(`INSERT INTO sessions (${SESSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, sessionValues(s));
  }
  async findSessionByTokenHash(hash: string): Promise<{ session: DeviceSession; reused: boolean } | null> {
    const { rows: [current] } = await this.pool.query<SessionRow>(`SELECT ${SESSION_SELECT} FROM sessions WHERE refresh_token_hash = $1`, [hash]);
    if (current) return { session: toSession(current), reused: false };
    const { rows: [previous] } = await this.pool.query<SessionRow>(
      `SELECT ${SESSION_SELECT} FROM sessions WHERE id = (SELECT session_id FROM spent_refresh_tokens WHERE token_hash = $1)`, [hash],
    );
    return previous ? { session: toSession(previous), reused: true } : null;
  }
  async rotateSession(id: string, expectedHash: string, next: { refreshTokenHash: string; lastUsedAt: string; expiresAt: string }): Promise<boolean> {
    const res = await this.pool.query(
      `WITH rotated AS (
         UPDATE sessions SET previous_token_hash = refresh_token_hash, refresh_token_hash = $1, last_used_at = $2, expires_at = $3
         WHERE id = $4 AND refresh_token_hash = $5 AND revoked_at IS NULL RETURNING id
       )
       INSERT INTO spent_refresh_tokens (token_hash, session_id) SELECT $5, id FROM rotated`,
      [next.refreshTokenHash, next.lastUsedAt, next.expiresAt, id, expectedHash],
    );
    return res.rowCount === 1;
  }
  async revokeSession(id: string, at: string, options: RevokeOptions = {}): Promise<void> {
    await this.pool.query('UPDATE sessions SET revoked_at = $1, wipe_on_revoke = $3 WHERE id = $2 AND revoked_at IS NULL', [at, id, options.wipe === true]);
  }
  async revokeDevice(userId: string | null, deviceId: string, at: string, options: RevokeOptions = {}): Promise<number> {
    const res = await this.pool.query(
      'UPDATE sessions SET revoked_at = $1, wipe_on_revoke = $4 WHERE device_id = $2 AND ($3::text IS NULL OR user_id = $3) AND revoked_at IS NULL',
      [at, deviceId, userId, options.wipe === true],
    );
    return res.rowCount ?? 0;
  }
  async listSessions(userId?: string): Promise<DeviceSession[]> {
    const { rows } = userId === undefined
      ? await this.pool.query<SessionRow>(`SELECT ${SESSION_SELECT} FROM sessions ORDER BY created_at, id`)
      : await this.pool.query<SessionRow>(`SELECT ${SESSION_SELECT} FROM sessions WHERE user_id = $1 ORDER BY created_at, id`, [userId]);
    return rows.map(toSession);
  }
  async getSession(id: string): Promise<DeviceSession | null> {
    const { rows: [r] } = await this.pool.query<SessionRow>(`SELECT ${SESSION_SELECT} FROM sessions WHERE id = $1`, [id]);
    return r ? toSession(r) : null;
  }

  // ---- audit ----

  async listAudit(filter: AuditFilter): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown): void => { params.push(v); where.push(sql.replace('?', `$${params.length}`)); };
    if (filter.collection !== undefined) add('collection = ?', filter.collection);
    if (filter.documentId !== undefined) add('document_id = ?', filter.documentId);
    if (filter.userId !== undefined) add('user_id = ?', filter.userId);
    if (filter.afterId !== undefined) add('id > ?', filter.afterId);
    params.push(auditLimit(filter.limit));
    const sql = `SELECT ${AUDIT_COLUMNS} FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.length}`;
    return (await this.pool.query<AuditRow>(sql, params)).rows.map(toAudit);
  }

  async auditChain(afterId: number, limit: number): Promise<AuditChainRow[]> {
    const { rows } = await this.pool.query<AuditChainDbRow>(`SELECT ${AUDIT_CHAIN_COLUMNS} FROM audit WHERE id > $1 ORDER BY id LIMIT $2`, [afterId, limit]);
    return rows.map(toAuditChainRow);
  }
}

/** A PostgreSQL store that already listens for changes of other processes. */
export async function openPostgresStore(url: string, opts?: PostgresStoreOptions): Promise<PostgresStore> {
  const store = new PostgresStore(url, opts);
  try {
    await store.startListening();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
