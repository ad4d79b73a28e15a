/**
 * The audit trail's hash chain, on SQLite and PostgreSQL: written by the real write path (pushes
 * over HTTP, system writes), verified by `audit:verify` (the CLI, in this process), and tampered
 * with directly in the database (the triggers bypassed as a database administrator could):
 * a changed value, a deleted entry, an inserted entry, a cut-off tail → the check fails and names
 * the entry; put back as it was → it passes again. The migration chains entries written before the
 * chain existed. Two server processes writing at once on one PostgreSQL keep one linear chain.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/verify';
import { runCli } from '../../server/cli';
import { createTerritory, createUser } from '../../server/org/org';
import { writeAsSystem } from '../../server/org/systemWrite';
import { createStore } from '../../server/store/createStore';
import type { PostgresStore } from '../../server/store/postgres';
import { POSTGRES_MIGRATIONS } from '../../server/store/postgresMigrations';
import type { SqliteStore } from '../../server/store/sqlite';
import { SQLITE_MIGRATIONS } from '../../server/store/sqliteMigrations';
import type { PushResponse, SyncDoc } from '../../shared/sync/protocol';
import { API } from '../../shared/sync/protocol';
import { newId } from '../../shared/util/ids';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { makeTempDir } from '../support/tempDir';
import { addTerritories, addUser, call, login, PASSWORD, startServer, type TestServer } from '../support/testServer';

const ROOT = join(import.meta.dirname, '../..');

function customer(territoryId: string, ownerId: string, name = '王建华'): SyncDoc<'customers'> {
  const t = '2026-11-01T08:00:00.000Z';
  return { id: newId(), code: `C-${newId().slice(0, 8)}`, name, type: 'hcp', territoryId, ownerId, createdAt: t, updatedAt: t, createdBy: ownerId, updatedBy: ownerId, _deleted: false };
}

async function verifyCli(env: Record<string, string>, extra: string[] = []): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['audit:verify', ...extra], { env, cwd: ROOT, out: (l) => out.push(l), err: (l) => err.push(l), readLine: async () => '' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Raw SQL on the store's database with the audit triggers out of the way (a DBA's tampering). */
interface Tamper {
  run(sql: string, params?: unknown[]): Promise<void>;
  row(id: number): Promise<Record<string, unknown>>;
  /** Re-inserts a row exactly as it was (same id). */
  restore(row: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

function sqliteTamper(store: SqliteStore): Tamper {
  const db = store.connection;
  const withoutTriggers = (fn: () => void): void => {
    const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'").all() as { name: string; sql: string }[];
    for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
    try { fn(); } finally { for (const t of triggers) db.exec(t.sql); }
  };
  return {
    run: async (sql, params = []) => withoutTriggers(() => { db.prepare(sql.replace(/\$\d+/g, '?')).run(...params); }),
    row: async (id) => db.prepare('SELECT * FROM audit WHERE id = ?').get(id) as Record<string, unknown>,
    restore: async (row) => withoutTriggers(() => {
      const cols = Object.keys(row);
      db.prepare(`INSERT INTO audit (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c]));
    }),
    close: async () => undefined,
  };
}

async function postgresTamper(url: string): Promise<Tamper> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // A superuser's session without ordinary triggers (replication mode).
  await client.query('SET session_replication_role = replica');
  return {
    run: async (sql, params = []) => { await client.query(sql, params); },
    row: async (id) => (await client.query('SELECT * FROM audit WHERE id = $1', [id])).rows[0] as Record<string, unknown>,
    restore: async (row) => {
      const cols = Object.keys(row);
      const values = cols.map((c) => (c === 'old_value' || c === 'new_value') && row[c] !== null ? JSON.stringify(row[c]) : row[c]);
      await client.query(`INSERT INTO audit (${cols.join(', ')}) OVERRIDING SYSTEM VALUE VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, values);
    },
    close: () => client.end(),
  };
}

describe.each(['sqlite', 'postgres'] as const)('audit hash chain on %s', (backend) => {
  let postgres: TestPostgres | null = null;
  let server: TestServer;
  let tamper: Tamper;
  let env: Record<string, string>;
  let ids: number[];

  beforeAll(async () => {
    if (backend === 'postgres') postgres = await startPostgres();
    server = await startServer({}, postgres?.url);
    env = { DATA_DIR: server.dataDir, ...(postgres ? { DATABASE_URL: postgres.url } : {}) };
    await addTerritories(server, 't-1');
    const rep = await addUser(server, ['rep'], ['t-1']);
    const { accessToken } = await login(server, rep);
    // Writes through the real paths: pushes over HTTP (creates and updates) and a system write.
    const docs = Array.from({ length: 5 }, () => customer('t-1', rep.id));
    const created = await call<PushResponse>(server, 'POST', API.push('customers'), { token: accessToken, body: { rows: docs.map((d) => ({ newDocumentState: d })) } });
    expect(created.status).toBe(200);
    const stored = (await server.store.getDocs('customers', [docs[0]!.id])).get(docs[0]!.id)!.data;
    const edited = await call<PushResponse>(server, 'POST', API.push('customers'), { token: accessToken, body: { rows: [{ newDocumentState: { ...stored, phone: '+86 10 1234 5678' }, assumedMasterState: stored }] } });
    expect(edited.body.refused).toEqual([]);
    await writeAsSystem(server.store, 'customers', [customer('t-1', rep.id, 'System Written')], new Date().toISOString());
    ids = (await server.store.auditChain(0, 1000)).map((e) => e.id);
    tamper = backend === 'sqlite' ? sqliteTamper(server.store as SqliteStore) : await postgresTamper(postgres!.url);
  }, 120_000);

  afterAll(async () => {
    await tamper?.close();
    await server?.close();
    await postgres?.stop();
  });

  it('an untampered chain verifies: exit 0 with the count and the head', async () => {
    expect(ids.length).toBeGreaterThanOrEqual(8); // the rep's directory entry, 5 creates, 1 update, 1 system write
    const result = await verifyCli(env);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(new RegExp(`Audit chain intact: ${ids.length} entries`));
    const chain = await server.store.auditChain(0, 1000);
    expect(chain[0]!.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.prevHash).toBe(chain[i - 1]!.hash);
    // The recorded head can be checked later (an anchor kept outside the database).
    const head = `${chain.at(-1)!.id}:${chain.at(-1)!.hash}`;
    expect((await verifyCli(env, ['--expect-head', head])).code).toBe(0);
    expect((await verifyCli(env, ['--expect-head', `${chain.at(-1)!.id}:${'a'.repeat(64)}`])).code).toBe(1);
  });

  it('the triggers still refuse an ordinary UPDATE or DELETE of an entry', async () => {
    const sql = backend === 'sqlite' ? 'UPDATE audit SET user_id = ? WHERE id = ?' : 'UPDATE audit SET user_id = $1 WHERE id = $2';
    if (backend === 'sqlite') {
      expect(() => (server.store as SqliteStore).connection.prepare(sql).run('mallory', ids[2])).toThrow(/append-only/);
      expect(() => (server.store as SqliteStore).connection.prepare('DELETE FROM audit WHERE id = ?').run(ids[2])).toThrow(/append-only/);
    } else {
      await expect((server.store as PostgresStore).pool.query(sql, ['mallory', ids[2]])).rejects.toThrow(/append-only/);
      await expect((server.store as PostgresStore).pool.query('DELETE FROM audit WHERE id = $1', [ids[2]])).rejects.toThrow(/append-only/);
    }
  });

  it('a changed value, a changed author, a deleted entry, an inserted entry, a cut tail: verify fails and names the entry', async () => {
    const target = ids[4]!;
    const original = await tamper.row(target);
    const lastHash = (await server.store.auditChain(0, 1000)).at(-1)!.hash;
    const cases: { name: string; apply: () => Promise<void>; undo: () => Promise<void>; entry: number; problem: RegExp }[] = [
      {
        name: 'value changed',
        apply: () => tamper.run(`UPDATE audit SET new_value = ${backend === 'sqlite' ? '$1' : '$1::jsonb'} WHERE id = $2`, [JSON.stringify({ ...(typeof original.new_value === 'string' ? JSON.parse(original.new_value) : original.new_value), name: 'Forged' }), target]),
        undo: () => tamper.run(`UPDATE audit SET new_value = ${backend === 'sqlite' ? '$1' : '$1::jsonb'} WHERE id = $2`, [typeof original.new_value === 'string' ? original.new_value : JSON.stringify(original.new_value), target]),
        entry: target,
        problem: /values do not match their digest/,
      },
      {
        name: 'author changed',
        apply: () => tamper.run('UPDATE audit SET user_id = $1 WHERE id = $2', ['mallory', target]),
        undo: () => tamper.run('UPDATE audit SET user_id = $1 WHERE id = $2', [original.user_id, target]),
        entry: target,
        problem: /hash does not match/,
      },
      {
        name: 'entry deleted',
        apply: () => tamper.run('DELETE FROM audit WHERE id = $1', [target]),
        undo: () => tamper.restore(original),
        entry: ids[5]!,
        problem: /previous-hash link broken/,
      },
      {
        name: 'entry inserted',
        // Appended with a correct link to the real last entry, its hash copied from another entry.
        apply: () => tamper.restore({ ...original, id: 1_000_000, document_id: 'forged', prev_hash: lastHash }),
        undo: () => tamper.run('DELETE FROM audit WHERE id = $1', [1_000_000]),
        entry: 1_000_000,
        problem: /hash does not match/,
      },
    ];
    for (const c of cases) {
      await c.apply();
      const broken = await verifyCli(env);
      expect(broken.code, c.name).toBe(1);
      expect(broken.err, c.name).toMatch(new RegExp(`broken at entry ${c.entry}\\b`));
      expect(broken.err, c.name).toMatch(c.problem);
      await c.undo();
      expect((await verifyCli(env)).code, `${c.name}, put back`).toBe(0);
    }
    // The last entry removed: no link breaks, but the store's last write has no entry any more.
    const last = ids.at(-1)!;
    const lastRow = await tamper.row(last);
    await tamper.run('DELETE FROM audit WHERE id = $1', [last]);
    const cut = await verifyAuditChain(server.store);
    expect(cut).toMatchObject({ ok: false, problem: expect.stringMatching(/entries at the end were deleted/) });
    await tamper.restore(lastRow);
    expect(await verifyAuditChain(server.store)).toMatchObject({ ok: true, count: ids.length });
  });
});

describe.each(['sqlite', 'postgres'] as const)('migration to the hash chain on %s', (backend) => {
  it('chains the entries written before the chain existed', async () => {
    const dir = makeTempDir('fieldbook-chain-mig-');
    const postgres = backend === 'postgres' ? await startPostgres() : null;
    try {
      // A store at schema version 1 with two audit entries, as an older server left it.
      const insert = "INSERT INTO audit (at, seq, user_id, device_id, collection, document_id, action, old_value, new_value) VALUES ('2026-01-01T00:00:00.000Z', 1, 'system', NULL, 'customers', 'c1', 'create', NULL, '{\"id\":\"c1\",\"name\":\"张三\"}'), ('2026-01-02T00:00:00.000Z', 2, 'u1', 'd1', 'customers', 'c1', 'update', '{\"id\":\"c1\",\"name\":\"张三\"}', '{\"id\":\"c1\",\"name\":\"李四\",\"n\":1.5}')";
      const v1 = (name: string) => `INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, '${name}', '2026-01-01')`;
      const ddl = 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)';
      if (postgres) {
        const client = new pg.Client({ connectionString: postgres.url });
        await client.connect();
        await client.query(`${ddl}; ${POSTGRES_MIGRATIONS[0]!.sql}; ${v1(POSTGRES_MIGRATIONS[0]!.name)}; ${insert}; UPDATE seq_counter SET value = 2`);
        await client.end();
      } else {
        const db = new Database(join(dir.path, 'fieldbook.sqlite'));
        db.exec(`${ddl}; ${SQLITE_MIGRATIONS[0]!.sql}; ${v1(SQLITE_MIGRATIONS[0]!.name)}; ${insert}; UPDATE seq_counter SET value = 2`);
        db.close();
      }
      const store = await createStore({ dataDir: dir.path, ...(postgres ? { databaseUrl: postgres.url } : {}) });
      try {
        await store.migrate();
        expect(await verifyAuditChain(store)).toMatchObject({ ok: true, count: 2 });
        // New writes continue the chain.
        const clock = { now: () => new Date().toISOString(), newId };
        await createTerritory(store, { id: 't-1', name: 'T1' }, clock.now());
        await createUser(store, { userName: 'after.migration', displayName: 'After', password: PASSWORD, roles: ['rep'], territoryIds: ['t-1'] }, clock);
        expect(await verifyAuditChain(store)).toMatchObject({ ok: true, count: 3 });
      } finally {
        await store.close();
      }
    } finally {
      await postgres?.stop();
      dir.remove();
    }
  }, 60_000);
});

describe('two server processes writing at once on one PostgreSQL', () => {
  let postgres: TestPostgres;
  const dirs: { remove(): void }[] = [];
  const servers: ServerProcess[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await postgres?.stop();
    for (const d of dirs) d.remove();
  }, 30_000);

  it('keeps one linear chain that verifies', async () => {
    postgres = await startPostgres();
    const dir = makeTempDir('fieldbook-chain-mp-');
    dirs.push(dir);
    const store = await createStore({ dataDir: dir.path, databaseUrl: postgres.url });
    const clock = { now: () => new Date().toISOString(), newId };
    try {
      await store.migrate();
      await createTerritory(store, { id: 't-1', name: 'T1' }, clock.now());
      for (const userName of ['ann.rep', 'ben.rep']) await createUser(store, { userName, displayName: userName, password: PASSWORD, roles: ['rep'], territoryIds: ['t-1'] }, clock);
    } finally {
      await store.close();
    }
    const secret = 'chain-test-secret-'.padEnd(48, 'x');
    for (const name of ['a', 'b']) {
      const d = makeTempDir(`fieldbook-chain-${name}-`);
      dirs.push(d);
      servers.push(await startServerProcess({ dataDir: d.path, databaseUrl: postgres.url, secret }));
    }
    const push = async (url: string, userName: string): Promise<number> => {
      const tokens = await (await fetch(`${url}${API.login}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userName, password: PASSWORD, deviceId: `d-${userName}-${newId()}`, deviceName: 'laptop' }) })).json() as { accessToken: string; user: { id: string } };
      let written = 0;
      for (let i = 0; i < 15; i++) {
        const rows = Array.from({ length: 4 }, () => ({ newDocumentState: customer('t-1', tokens.user.id) }));
        const res = await fetch(`${url}${API.push('customers')}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.accessToken}` }, body: JSON.stringify({ rows }) });
        expect(res.status).toBe(200);
        written += rows.length;
      }
      return written;
    };
    const written = await Promise.all([push(servers[0]!.url, 'ann.rep'), push(servers[1]!.url, 'ben.rep'), push(servers[0]!.url, 'ben.rep'), push(servers[1]!.url, 'ann.rep')]);
    const check = await createStore({ dataDir: dir.path, databaseUrl: postgres.url });
    try {
      const result = await verifyAuditChain(check);
      // 2 directory entries + every pushed customer, one entry each, in one line.
      expect(result).toMatchObject({ ok: true, count: 2 + written.reduce((a, b) => a + b, 0) });
    } finally {
      await check.close();
    }
  }, 120_000);
});
