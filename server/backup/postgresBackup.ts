import type pg from 'pg';
import { postgresMigrationTx, type PostgresStore } from '../store/postgres';
import { POSTGRES_MIGRATIONS } from '../store/postgresMigrations';
import { applyMigration, SCHEMA_MIGRATIONS_DDL } from '../store/migrate';
import {
  AUDIT_CHAIN_COLUMNS, DOC_COLUMNS, SESSION_COLUMNS, SESSION_SELECT, TERRITORY_COLUMNS, USER_COLUMNS,
  auditJson, sessionValues, toAuditChainRow, toSession, toStoredDoc, toTerritory, toUser, userValues,
} from '../store/rows';
import type { AuditChainDbRow, DocRow, SessionRow, TerritoryRow, UserRow } from '../store/rows';
import { readBackup, type BackupEntry, type BackupHeader, type BackupWriter } from './backupFile';

/**
 * PostgreSQL: the dump reads in one REPEATABLE READ, READ ONLY transaction (one snapshot while
 * servers keep writing), page by page in key order. The restore runs in one transaction:
 * rows go in by batches, audit ids are kept (OVERRIDING SYSTEM VALUE) and the identity moves on.
 */
const PAGE = 1000;

async function pages<R extends Record<string, unknown>>(c: pg.PoolClient, columns: string, table: string, key: string, each: (row: R) => Promise<void>): Promise<void> {
  let last: unknown = null;
  for (;;) {
    const { rows } = await c.query<R>(
      `SELECT ${columns} FROM ${table} ${last === null ? '' : `WHERE ${key} > $2`} ORDER BY ${key} LIMIT $1`,
      last === null ? [PAGE] : [PAGE, last],
    );
    for (const row of rows) await each(row);
    if (rows.length < PAGE) return;
    last = rows[rows.length - 1]![key];
  }
}

export async function dumpPostgres(store: PostgresStore, writer: BackupWriter, createdAt: string): Promise<BackupHeader> {
  const c = await store.pool.connect();
  try {
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: [counter] } = await c.query<{ value: string }>('SELECT value FROM seq_counter WHERE id = 1');
    const { rows: [schema] } = await c.query<{ v: number }>('SELECT max(version) AS v FROM schema_migrations');
    const header: BackupHeader = { format: 'fieldbook-backup', version: 1, createdAt, source: 'postgres', schemaVersion: Number(schema!.v), seq: Number(counter!.value) };
    await writer.header(header);
    await pages<TerritoryRow & Record<string, unknown>>(c, TERRITORY_COLUMNS, 'territories', 'id', (r) => writer.entry({ t: 'territory', v: toTerritory(r) }));
    await pages<UserRow & Record<string, unknown>>(c, USER_COLUMNS, 'users', 'id', (r) => writer.entry({ t: 'user', v: toUser(r) }));
    await pages<SessionRow & Record<string, unknown>>(c, SESSION_SELECT, 'sessions', 'id', (r) => writer.entry({ t: 'session', v: toSession(r) }));
    await pages<{ token_hash: string; session_id: string }>(c, 'token_hash, session_id', 'spent_refresh_tokens', 'token_hash',
      (r) => writer.entry({ t: 'spent', v: { tokenHash: r.token_hash, sessionId: r.session_id } }));
    await pages<DocRow & Record<string, unknown>>(c, DOC_COLUMNS, 'docs', 'seq', (r) => writer.entry({ t: 'doc', v: toStoredDoc(r) }));
    await pages<AuditChainDbRow & Record<string, unknown>>(c, AUDIT_CHAIN_COLUMNS, 'audit', 'id', (r) => writer.entry({ t: 'audit', v: toAuditChainRow(r) }));
    await c.query('COMMIT');
    return header;
  } catch (error) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    c.release();
  }
}

export async function postgresRowCount(store: PostgresStore): Promise<number> {
  const { rows: [r] } = await store.pool.query<{ n: string }>(
    'SELECT (SELECT count(*) FROM docs) + (SELECT count(*) FROM users) + (SELECT count(*) FROM territories) + (SELECT count(*) FROM audit) + (SELECT count(*) FROM sessions) AS n',
  );
  return Number(r!.n);
}

/** Multi-row INSERTs of up to BATCH rows; `casts` per column (e.g. "::jsonb"). */
class Batch {
  private rows: unknown[][] = [];
  constructor(private readonly c: pg.PoolClient, private readonly sql: string, private readonly casts: readonly string[], private readonly suffix = '') {}
  async add(values: unknown[]): Promise<void> {
    this.rows.push(values);
    if (this.rows.length >= 500) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const params: unknown[] = [];
    const tuples = this.rows.map((row) => `(${row.map((v, i) => { params.push(v); return `$${params.length}${this.casts[i] ?? ''}`; }).join(', ')})`);
    this.rows = [];
    await this.c.query(`${this.sql} ${this.suffix} VALUES ${tuples.join(', ')}`, params);
  }
}

export async function restorePostgres(store: PostgresStore, file: string, header: BackupHeader, replace: boolean): Promise<void> {
  const c = await store.pool.connect();
  try {
    await c.query('BEGIN');
    if (replace) {
      // DROP is not an UPDATE/DELETE/TRUNCATE: the audit's append-only triggers go with the table.
      await c.query('DROP TABLE IF EXISTS spent_refresh_tokens, sessions, users, territories, audit, seq_counter, docs, schema_migrations CASCADE');
      await c.query('DROP FUNCTION IF EXISTS audit_append_only() CASCADE');
      await c.query('DROP FUNCTION IF EXISTS audit_redaction_only() CASCADE');
      await c.query(SCHEMA_MIGRATIONS_DDL);
      const tx = postgresMigrationTx(c);
      for (const m of POSTGRES_MIGRATIONS) await applyMigration(tx, m);
    }
    const batches = {
      territory: new Batch(c, `INSERT INTO territories (${TERRITORY_COLUMNS})`, []),
      user: new Batch(c, `INSERT INTO users (${USER_COLUMNS})`, ['', '', '', '', '::jsonb', '::jsonb']),
      session: new Batch(c, `INSERT INTO sessions (${SESSION_COLUMNS}, wipe_on_revoke)`, []),
      spent: new Batch(c, 'INSERT INTO spent_refresh_tokens (token_hash, session_id)', []),
      doc: new Batch(c, `INSERT INTO docs (${DOC_COLUMNS})`, ['', '', '::bigint', '', '::boolean', '::jsonb']),
      audit: new Batch(c, `INSERT INTO audit (${AUDIT_CHAIN_COLUMNS})`, ['::bigint', '', '::bigint', '', '', '', '', '', '::jsonb', '::jsonb', '', '', '', '', ''], 'OVERRIDING SYSTEM VALUE'),
    };
    // Rows come grouped by type in the file, so a type's batch is flushed before the next type starts.
    let current: BackupEntry['t'] | null = null;
    await readBackup(file, async (e) => {
      if (current !== e.t && current !== null) await batches[current].flush();
      current = e.t;
      switch (e.t) {
        case 'territory': return batches.territory.add([e.v.id, e.v.name, e.v.createdAt]);
        case 'user': return batches.user.add(userValues(e.v));
        case 'session': return batches.session.add([...sessionValues(e.v), e.v.wipeOnRevoke === true]);
        case 'spent': return batches.spent.add([e.v.tokenHash, e.v.sessionId]);
        case 'doc': return batches.doc.add([e.v.collection, e.v.id, e.v.seq, e.v.territoryId, e.v.deleted, JSON.stringify(e.v.data)]);
        case 'audit': {
          const a = e.v;
          return batches.audit.add([a.id, a.at, a.seq, a.userId, a.deviceId, a.collection, a.documentId, a.action, auditJson(a.oldValue), auditJson(a.newValue),
            a.valuesSalt, a.valuesDigest, a.prevHash, a.hash, a.redactedAt]);
        }
      }
    });
    for (const b of Object.values(batches)) await b.flush();
    await c.query('UPDATE seq_counter SET value = $1 WHERE id = 1', [header.seq]);
    await c.query("SELECT setval(pg_get_serial_sequence('audit', 'id'), GREATEST((SELECT max(id) FROM audit), 1), (SELECT count(*) > 0 FROM audit))");
    await c.query('COMMIT');
  } catch (error) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    c.release();
  }
}
