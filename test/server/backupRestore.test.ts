/**
 * Backup and restore (server/backup) on SQLite and on PostgreSQL, as a client sees it: a rep's
 * laptop syncs with plain HTTP pull/push by checkpoint, the server is backed up while it runs,
 * a NEW empty server is restored from the file, and the laptop goes on with the restored server
 * from its checkpoint: nothing is downloaded again, its session still refreshes, its pushes work,
 * and the next pull brings only what changed after. Also: the file is verified (a damaged one is
 * refused and writes nothing), and a store that holds data is refused unless forced.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreStore, backupStore, storeRowCount } from '../../server/backup/backup';
import { verifyAuditChain } from '../../server/audit/verify';
import { createStore } from '../../server/store/createStore';
import type { Store, UserRecord } from '../../server/store/types';
import { API, SYNCED_COLLECTIONS, type PullResponse, type PushResponse, type SyncDoc, type SyncedCollection, type TokenResponse } from '../../shared/sync/protocol';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { makeTempDir } from '../support/tempDir';
import { addTerritories, addUser, call, login, startServer, type TestServer } from '../support/testServer';

const T = 't-bak';

function customer(id: string, code: string, name: string, owner: UserRecord): SyncDoc<'customers'> {
  const now = new Date().toISOString();
  return { id, code, name, type: 'hcp', territoryId: T, ownerId: owner.id, createdAt: now, updatedAt: now, createdBy: owner.id, updatedBy: owner.id, _deleted: false };
}

/** Every document of every collection with its seq, as the admin pulls it. */
async function everything(store: Store): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const c of SYNCED_COLLECTIONS) out[c] = await store.pull(c, 0, 100_000, { all: true });
  return out;
}

describe.each(['sqlite', 'postgres'] as const)('backup and restore on %s', (backend) => {
  let postgres: TestPostgres | null = null;
  let original: TestServer;
  let restored: TestServer | null = null;
  const dir = makeTempDir('fieldbook-backup-');
  let rep: UserRecord;

  /** A second, empty database for the new server (PostgreSQL), or a data folder (SQLite). */
  async function newTarget(name: string): Promise<{ databaseUrl?: string; dataDir: string }> {
    if (!postgres) return { dataDir: join(dir.path, name) };
    return { databaseUrl: await postgres.createDatabase(name), dataDir: join(dir.path, name) };
  }

  beforeAll(async () => {
    if (backend === 'postgres') postgres = await startPostgres();
    original = await startServer({ loginAttemptsPerMinute: 1000 }, postgres?.url);
    await addTerritories(original, T);
    rep = await addUser(original, ['rep'], [T]);
  }, 120_000);

  afterAll(async () => {
    await restored?.close();
    await original?.close();
    await postgres?.stop();
    dir.remove();
  });

  it('a restored server carries on every client from its checkpoint', async () => {
    // 1. The laptop syncs with the original server.
    let session: TokenResponse & { deviceId: string } = await login(original, rep);
    const docs = [customer('c-1', 'BAK-1', '张伟', rep), customer('c-2', 'BAK-2', '李娜', rep), customer('c-3', 'BAK-3', 'Chen Jie', rep)];
    const pushed = await call<PushResponse>(original, 'POST', API.push('customers'), { token: session.accessToken, body: { rows: docs.map((d) => ({ newDocumentState: d })) } });
    expect(pushed.body).toEqual({ conflicts: [], refused: [] });
    const checkpoints = {} as Record<SyncedCollection, number>;
    const local = new Map<string, SyncDoc>();
    for (const c of SYNCED_COLLECTIONS) {
      const pulled = await call<PullResponse>(original, 'GET', `${API.pull(c)}?seq=0&limit=1000`, { token: session.accessToken });
      checkpoints[c] = pulled.body.checkpoint.seq;
      for (const d of pulled.body.documents) local.set(`${c}/${d.id}`, d);
    }
    expect(checkpoints.customers).toBeGreaterThan(0);

    // 2. Backed up while the server runs; 3. a new empty server restored from the file.
    const file = join(dir.path, 'server.fbk');
    const { header, trailer } = await backupStore(original.store, file, new Date().toISOString());
    expect(header).toMatchObject({ source: backend, seq: await original.store.maxSeq() });
    expect(trailer.counts).toMatchObject({ doc: 4, user: 1, territory: 1, session: 1 });
    const target = await newTarget('restored_one');
    const store = await createStore(target);
    await store.migrate();
    expect(await storeRowCount(store)).toBe(0);
    await restoreStore(store, file);
    expect(await everything(store)).toEqual(await everything(original.store));
    expect(await store.listAudit({ limit: 10_000 })).toEqual(await original.store.listAudit({ limit: 10_000 }));
    // The hash chain comes back link for link, and verifies.
    expect(await store.auditChain(0, 10_000)).toEqual(await original.store.auditChain(0, 10_000));
    expect(await verifyAuditChain(store)).toMatchObject({ ok: true });
    expect(await store.listUsers()).toEqual(await original.store.listUsers());
    expect(await store.maxSeq()).toBe(header.seq);
    await store.close();
    restored = await startServer({ loginAttemptsPerMinute: 1000 }, target.databaseUrl, { dataDir: target.dataDir });

    // 4. The laptop's session goes on (its refresh token was restored with the sessions).
    const refreshed = await call<TokenResponse>(restored, 'POST', API.refresh, { body: { refreshToken: session.refreshToken, deviceId: session.deviceId } });
    expect(refreshed.status).toBe(200);
    session = { ...refreshed.body, deviceId: session.deviceId };

    // 5. Pulling from its checkpoints brings nothing: no re-download.
    for (const c of SYNCED_COLLECTIONS) {
      const pulled = await call<PullResponse>(restored, 'GET', `${API.pull(c)}?seq=${checkpoints[c]}&limit=1000`, { token: session.accessToken });
      expect(pulled.body, c).toEqual({ documents: [], checkpoint: { seq: checkpoints[c] } });
    }

    // 6. Its pushes work against what it holds as the master state: an edit and a new customer.
    const master = local.get('customers/c-1') as SyncDoc<'customers'>;
    const edit = { ...master, notes: '恢复后修改 edited after the restore' };
    const fresh = customer('c-4', 'BAK-4', '王芳', rep);
    const pushAfter = await call<PushResponse>(restored, 'POST', API.push('customers'), { token: session.accessToken, body: { rows: [{ newDocumentState: edit, assumedMasterState: master }, { newDocumentState: fresh }] } });
    expect(pushAfter.body).toEqual({ conflicts: [], refused: [] });

    // 7. The next pull from the old checkpoint brings exactly those two, with newer sequence numbers.
    const next = await call<PullResponse<'customers'>>(restored, 'GET', `${API.pull('customers')}?seq=${checkpoints.customers}&limit=1000`, { token: session.accessToken });
    expect(next.body.documents.map((d) => [d.id, d.notes ?? null])).toEqual([['c-1', '恢复后修改 edited after the restore'], ['c-4', null]]);
    expect(next.body.checkpoint.seq).toBe(header.seq + 2);
  });

  it('refuses a damaged file and a store that holds data (unless forced), writing nothing', async () => {
    const file = join(dir.path, 'check.fbk');
    await backupStore(original.store, file, new Date().toISOString());
    const target = await newTarget('restored_two');
    const store = await createStore(target);
    try {
      await store.migrate();
      // One character changed inside the content: the checksum no longer matches.
      const text = gunzipSync(readFileSync(file)).toString('utf8');
      const damaged = join(dir.path, 'damaged.fbk');
      writeFileSync(damaged, gzipSync(Buffer.from(text.replace('张伟', '张三'), 'utf8')));
      await expect(restoreStore(store, damaged)).rejects.toThrow(/checksum/);
      // Cut off: no end marker.
      const cut = join(dir.path, 'cut.fbk');
      writeFileSync(cut, gzipSync(Buffer.from(text.split('\n').slice(0, 3).join('\n'), 'utf8')));
      await expect(restoreStore(store, cut)).rejects.toThrow(/incomplete/);
      expect(await storeRowCount(store)).toBe(0);

      await restoreStore(store, file);
      const before = await everything(store);
      await expect(restoreStore(store, file)).rejects.toThrow(/not empty/);
      expect(await everything(store)).toEqual(before);
      // Forced: everything replaced in one go; the audit trail is the backup's, still append-only.
      const result = await restoreStore(store, file, { force: true });
      expect(result.replaced).toBe(true);
      expect(await everything(store)).toEqual(before);
      expect(await store.listAudit({ limit: 10_000 })).toEqual(await original.store.listAudit({ limit: 10_000 }));
      if (store.kind === 'sqlite') {
        const db = (store as unknown as { connection: { exec(sql: string): void } }).connection;
        expect(() => db.exec('DELETE FROM audit')).toThrow(/append-only/);
      } else {
        const pool = (store as unknown as { pool: pg.Pool }).pool;
        await expect(pool.query('DELETE FROM audit')).rejects.toThrow(/append-only/);
      }
    } finally {
      await store.close();
    }
  });
});
