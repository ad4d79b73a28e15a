import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncDoc, SyncedCollection } from '../../shared/sync/protocol';
import { createStore } from '../../server/store/createStore';
import { openPostgresStore } from '../../server/store/postgres';
import type { PostgresStore } from '../../server/store/postgres';
import type { SqliteStore } from '../../server/store/sqlite';
import type { AuditEntryInput, ChangeEvent, DeviceSession, DocWrite, Store, StoredDoc, UserRecord, WritePlan } from '../../server/store/types';
import { startPostgres } from '../support/postgres';
import type { TestPostgres } from '../support/postgres';
import { makeTempDir } from '../support/tempDir';

// ---- helpers -----------------------------------------------------------------------------

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await sleep(10);
  }
}

function doc(id: string, fields: Record<string, unknown> = {}, deleted = false): SyncDoc {
  return { id, ...fields, _deleted: deleted } as unknown as SyncDoc;
}

function dw(collection: SyncedCollection, id: string, territoryId: string | null, fields: Record<string, unknown> = {}, deleted = false): DocWrite {
  return { collection, id, territoryId, data: doc(id, fields, deleted) };
}

function audit(w: DocWrite, action: AuditEntryInput['action'] = 'create', oldValue: unknown = null): AuditEntryInput {
  return { userId: 'u1', deviceId: 'dev1', collection: w.collection, documentId: w.id, action, oldValue, newValue: w.data };
}

/** Writes docs of `collection` unconditionally, with a create audit entry each. */
function put(store: Store, collection: SyncedCollection, writes: DocWrite[]): Promise<StoredDoc[]> {
  return store.write(collection, writes.map((w) => w.id), () => ({ writes, audit: writes.map((w) => audit(w)) }));
}

const ALL = { all: true } as const;

function user(id: string, userName: string, extra: Partial<UserRecord> = {}): UserRecord {
  return {
    id, userName, displayName: userName.toUpperCase(), passwordHash: 'hash', roles: ['rep'], territoryIds: ['t1'],
    managerId: null, active: true, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', ...extra,
  };
}

function session(id: string, userId: string, deviceId: string, hash: string): DeviceSession {
  return {
    id, userId, deviceId, deviceName: 'Laptop', refreshTokenHash: hash, previousTokenHash: null,
    createdAt: '2025-01-01T00:00:00.000Z', lastUsedAt: '2025-01-01T00:00:00.000Z', expiresAt: '2025-02-01T00:00:00.000Z', revokedAt: null,
  };
}

// ---- backends ----------------------------------------------------------------------------

interface Backend {
  name: 'sqlite' | 'postgres';
  /** A store on a fresh, migrated database. */
  fresh(): Promise<Store>;
  /** Another store on the database of `store`. */
  second(store: Store): Promise<Store>;
  /** Runs SQL directly through the driver, bypassing the store. */
  raw(store: Store, sql: string): Promise<unknown>;
}

let postgres: TestPostgres | null = null;
const opened: Store[] = [];
const cleanups: Array<() => void> = [];
let dbCounter = 0;


const backends: Backend[] = [
  {
    name: 'sqlite',
    async fresh() {
      const dir = makeTempDir();
      cleanups.push(dir.remove);
      const store = await createStore({ dataDir: `${dir.path}/data` });
      opened.push(store);
      await store.migrate();
      return store;
    },
    async second() {
      throw new Error('not used for sqlite');
    },
    async raw(store, sql) {
      return (store as SqliteStore).connection.prepare(sql).run();
    },
  },
  {
    name: 'postgres',
    async fresh() {
      const name = `t${++dbCounter}`;
      const store = await createStore({ dataDir: '/nonexistent-not-used', databaseUrl: await postgres!.createDatabase(name) });
      opened.push(store);
      await store.migrate();
      return store;
    },
    async second(store) {
      const url = (store as PostgresStore).pool.options.connectionString!;
      const other = await openPostgresStore(url, { reconnectDelayMs: 50 });
      opened.push(other);
      return other;
    },
    async raw(store, sql) {
      return (store as PostgresStore).pool.query(sql);
    },
  },
];

beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);

afterAll(async () => {
  await postgres?.stop();
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  for (const c of cleanups.splice(0)) c();
});

// ---- the suite, on both backends ---------------------------------------------------------

describe.each(backends)('store on $name', (backend) => {
  it('migrate is idempotent', async () => {
    const store = await backend.fresh();
    expect(store.kind).toBe(backend.name);
    await store.migrate();
    await store.migrate();
    expect(await store.maxSeq()).toBe(0);
    await put(store, 'customers', [dw('customers', 'c1', 't1')]);
    await store.migrate();
    expect(await store.maxSeq()).toBe(1);
    expect((await store.getDocs('customers', ['c1'])).get('c1')?.seq).toBe(1);
  });

  it('writes and pulls in seq order, with checkpoint paging', async () => {
    const store = await backend.fresh();
    const first = await put(store, 'customers', [dw('customers', 'a', 't1', { name: 'A' }), dw('customers', 'b', 't1', { name: 'B' })]);
    expect(first.map((d) => d.seq)).toEqual([1, 2]);
    await put(store, 'customers', [dw('customers', 'c', 't1', { name: 'C', nested: { list: [1, 2], flag: true } })]);
    await put(store, 'visits', [dw('visits', 'v1', 't1')]);
    await put(store, 'customers', [dw('customers', 'd', null), dw('customers', 'e', 't2')]);
    // update of an existing doc moves it to the end
    const [updated] = await put(store, 'customers', [dw('customers', 'a', 't1', { name: 'A2' })]);
    expect(updated!.seq).toBe(7);
    // a delete keeps the row, flagged
    const [deleted] = await put(store, 'customers', [dw('customers', 'b', 't1', { name: 'B' }, true)]);
    expect(deleted).toMatchObject({ seq: 8, deleted: true });

    const all = await store.pull('customers', 0, 100, ALL);
    expect(all.map((d) => [d.id, d.seq])).toEqual([['c', 3], ['d', 5], ['e', 6], ['a', 7], ['b', 8]]);
    expect(all[0]!.data).toEqual({ id: 'c', name: 'C', nested: { list: [1, 2], flag: true }, _deleted: false });
    expect(all[0]).toMatchObject({ collection: 'customers', territoryId: 't1', deleted: false });
    expect(all[4]!.data._deleted).toBe(true);

    const paged: string[] = [];
    let checkpoint = 0;
    for (;;) {
      const page = await store.pull('customers', checkpoint, 2, ALL);
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(2);
      paged.push(...page.map((d) => d.id));
      checkpoint = page[page.length - 1]!.seq;
    }
    expect(paged).toEqual(['c', 'd', 'e', 'a', 'b']);
    expect(await store.pull('customers', 8, 10, ALL)).toEqual([]);
    expect(await store.maxSeq()).toBe(8);

    const got = await store.getDocs('customers', ['a', 'zzz', 'e']);
    expect([...got.keys()].sort()).toEqual(['a', 'e']);
    expect(got.get('a')!.data).toMatchObject({ name: 'A2' });
    expect((await store.getDocs('customers', [])).size).toBe(0);
  });

  it('filters pulls by territory scope; org-wide rows go to everyone', async () => {
    const store = await backend.fresh();
    await put(store, 'customers', [dw('customers', 'x1', 't1'), dw('customers', 'x2', 't2'), dw('customers', 'x3', null), dw('customers', 'x4', 't3')]);
    const ids = async (territoryIds: string[]): Promise<string[]> =>
      (await store.pull('customers', 0, 100, { all: false, territoryIds })).map((d) => d.id);
    expect(await ids(['t1'])).toEqual(['x1', 'x3']);
    expect(await ids(['t1', 't3'])).toEqual(['x1', 'x3', 'x4']);
    expect(await ids([])).toEqual(['x3']);
    expect((await store.pull('customers', 0, 100, ALL)).map((d) => d.id)).toEqual(['x1', 'x2', 'x3', 'x4']);
  });

  it('writes several collections in one transaction, audit rows carry their doc seq', async () => {
    const store = await backend.fresh();
    const events: ChangeEvent[] = [];
    store.onChange((e) => events.push(e));
    const cust = dw('customers', 'c1', 't1');
    const conflict = dw('conflicts', 'k1', 't1', { about: 'c1' });
    const cust2 = dw('customers', 'c2', 't1');
    const written = await store.write('customers', ['c1', 'c2'], (current) => {
      expect(current.size).toBe(0);
      return { writes: [cust, conflict, cust2], audit: [audit(cust2), audit(cust)] };
    });
    expect(written.map((d) => `${d.collection}/${d.id}@${d.seq}`)).toEqual(['customers/c1@1', 'conflicts/k1@2', 'customers/c2@3']);
    expect((await store.pull('conflicts', 0, 10, ALL)).map((d) => d.id)).toEqual(['k1']);
    const entries = await store.listAudit({});
    expect(entries.map((a) => [a.documentId, a.seq, a.action])).toEqual([['c2', 3, 'create'], ['c1', 1, 'create']]);
    expect(entries[1]).toMatchObject({ userId: 'u1', deviceId: 'dev1', collection: 'customers', oldValue: null, newValue: cust.data });
    expect(typeof entries[0]!.at).toBe('string');
    await waitFor(() => events.length === 3);
    expect(events.map((e) => [e.collection, e.docs.map((d) => d.seq)])).toEqual([['customers', [1]], ['conflicts', [2]], ['customers', [3]]]);
  });

  it('rolls everything back when plan throws or a write fails; an empty plan writes nothing', async () => {
    const store = await backend.fresh();
    await put(store, 'customers', [dw('customers', 'c1', 't1', { v: 1 })]);
    const events: ChangeEvent[] = [];
    store.onChange((e) => events.push(e));

    await expect(store.write('customers', ['c1'], async () => {
      await sleep(5);
      throw new Error('nope');
    })).rejects.toThrow('nope');

    // fails inside the database after seqs were handed out (CHECK on action)
    const w = dw('customers', 'c1', 't1', { v: 2 });
    await expect(store.write('customers', ['c1'], () => ({
      writes: [w, dw('visits', 'v9', 't1')],
      audit: [{ ...audit(w), action: 'bogus' as never }],
    }))).rejects.toThrow();

    // audit without a matching write is a programming error
    await expect(store.write('customers', ['c1'], () => ({ writes: [w], audit: [audit(dw('customers', 'other', 't1'))] }))).rejects.toThrow(/no matching write/);

    expect(await store.write('customers', ['c1'], () => ({ writes: [], audit: [] }))).toEqual([]);

    expect(await store.maxSeq()).toBe(1);
    expect((await store.getDocs('customers', ['c1'])).get('c1')!.data).toMatchObject({ v: 1 });
    expect(await store.pull('visits', 0, 10, ALL)).toEqual([]);
    expect(await store.listAudit({})).toHaveLength(1);

    // the store still works, and seqs continue without a hole
    const [next] = await put(store, 'customers', [dw('customers', 'c2', 't1')]);
    expect(next!.seq).toBe(2);
    await waitFor(() => events.length === 1);
    await sleep(50);
    expect(events.map((e) => e.docs.map((d) => d.seq))).toEqual([[2]]);
  });

  it('keeps the audit append-only, even for direct SQL', async () => {
    const store = await backend.fresh();
    const c = dw('customers', 'c1', 't1', { v: 1 });
    await put(store, 'customers', [c]);
    const c2 = dw('customers', 'c1', 't1', { v: 2 });
    await store.write('customers', ['c1'], (cur) => ({ writes: [c2], audit: [audit(c2, 'update', cur.get('c1')!.data)] }));
    await put(store, 'visits', [dw('visits', 'v1', 't1')]);

    await expect(backend.raw(store, "UPDATE audit SET user_id = 'mallory'")).rejects.toThrow(/append-only/);
    await expect(backend.raw(store, 'DELETE FROM audit')).rejects.toThrow(/append-only/);
    if (backend.name === 'postgres') await expect(backend.raw(store, 'TRUNCATE audit')).rejects.toThrow(/append-only/);

    const all = await store.listAudit({});
    expect(all).toHaveLength(3);
    expect(all.every((a) => a.userId === 'u1')).toBe(true);
    const forDoc = await store.listAudit({ collection: 'customers', documentId: 'c1' });
    expect(forDoc.map((a) => [a.action, a.seq])).toEqual([['create', 1], ['update', 2]]);
    expect(forDoc[1]!.oldValue).toEqual(c.data);
    expect(forDoc[1]!.newValue).toEqual(c2.data);
    expect(await store.listAudit({ afterId: all[0]!.id, limit: 1 })).toEqual([all[1]]);
    expect(await store.listAudit({ userId: 'nobody' })).toEqual([]);
  });

  it('stores territories and users', async () => {
    const store = await backend.fresh();
    await store.createTerritory({ id: 't2', name: 'North', createdAt: '2025-01-01T00:00:00.000Z' });
    await store.createTerritory({ id: 't1', name: 'East', createdAt: '2025-01-01T00:00:00.000Z' });
    expect((await store.listTerritories()).map((t) => t.name)).toEqual(['East', 'North']);

    const alice = user('u1', 'alice', { roles: ['rep', 'expert'], territoryIds: ['t1', 't2'] });
    await store.createUser(alice);
    await store.createUser(user('u2', 'bob', { managerId: 'u1', active: false, territoryIds: [] }));
    await expect(store.createUser(user('u3', 'alice'))).rejects.toThrow();
    expect(await store.getUserById('u1')).toEqual(alice);
    expect(await store.getUserByName('bob')).toMatchObject({ id: 'u2', managerId: 'u1', active: false, territoryIds: [] });
    expect(await store.getUserByName('nobody')).toBeNull();
    expect(await store.getUserById('nobody')).toBeNull();

    await store.updateUser('u1', { displayName: 'Alice A.', roles: ['manager'], territoryIds: ['t3'], active: false, managerId: 'u2', updatedAt: '2025-03-01T00:00:00.000Z' });
    await store.updateUser('u1', {});
    expect(await store.getUserById('u1')).toEqual({
      ...alice, displayName: 'Alice A.', roles: ['manager'], territoryIds: ['t3'], active: false, managerId: 'u2', updatedAt: '2025-03-01T00:00:00.000Z',
    });
    expect((await store.listUsers()).map((u) => u.userName)).toEqual(['alice', 'bob']);
  });

  it('rotates device sessions and detects reuse of a replaced token', async () => {
    const store = await backend.fresh();
    await store.createUser(user('u1', 'alice'));
    await store.createUser(user('u2', 'bob'));
    await store.createSession(session('s1', 'u1', 'devA', 'h1'));
    await store.createSession(session('s2', 'u1', 'devB', 'x1'));
    await store.createSession(session('s3', 'u2', 'devA', 'y1'));
    await expect(store.createSession(session('s4', 'u2', 'devC', 'h1'))).rejects.toThrow();

    expect(await store.findSessionByTokenHash('h1')).toEqual({ session: session('s1', 'u1', 'devA', 'h1'), reused: false });
    expect(await store.findSessionByTokenHash('unknown')).toBeNull();

    const next = { refreshTokenHash: 'h2', lastUsedAt: '2025-01-02T00:00:00.000Z', expiresAt: '2025-02-02T00:00:00.000Z' };
    expect(await store.rotateSession('s1', 'h1', next)).toBe(true);
    expect(await store.rotateSession('s1', 'h1', { ...next, refreshTokenHash: 'h2b' })).toBe(false); // lost the race
    expect(await store.getSession('s1')).toMatchObject({ refreshTokenHash: 'h2', previousTokenHash: 'h1', lastUsedAt: next.lastUsedAt, expiresAt: next.expiresAt });
    expect(await store.findSessionByTokenHash('h2')).toMatchObject({ session: { id: 's1' }, reused: false });
    expect(await store.findSessionByTokenHash('h1')).toMatchObject({ session: { id: 's1' }, reused: true });

    await store.revokeSession('s1', '2025-01-03T00:00:00.000Z');
    await store.revokeSession('s1', '2025-01-04T00:00:00.000Z'); // the first revocation time stays
    expect((await store.getSession('s1'))!.revokedAt).toBe('2025-01-03T00:00:00.000Z');
    expect(await store.rotateSession('s1', 'h2', { ...next, refreshTokenHash: 'h3' })).toBe(false);

    expect(await store.revokeDevice('u1', 'devB', '2025-01-05T00:00:00.000Z')).toBe(1);
    expect(await store.revokeDevice('u1', 'devB', '2025-01-05T00:00:00.000Z')).toBe(0);
    expect(await store.revokeDevice(null, 'devA', '2025-01-06T00:00:00.000Z')).toBe(1); // s1 already revoked, s3 now
    expect((await store.listSessions('u1')).map((s) => s.id)).toEqual(['s1', 's2']);
    expect((await store.listSessions()).map((s) => [s.id, s.revokedAt])).toEqual([
      ['s1', '2025-01-03T00:00:00.000Z'], ['s2', '2025-01-05T00:00:00.000Z'], ['s3', '2025-01-06T00:00:00.000Z'],
    ]);
    expect(await store.getSession('nope')).toBeNull();
    // Only an administrator's revoke asks the device to wipe.
    expect((await store.listSessions()).some((s) => s.wipeOnRevoke)).toBe(false);
    await store.createSession(session('s5', 'u2', 'devLost', 'z1'));
    await store.createSession(session('s6', 'u2', 'devOut', 'z2'));
    expect(await store.revokeDevice('u2', 'devLost', '2025-01-07T00:00:00.000Z', { wipe: true })).toBe(1);
    await store.revokeSession('s6', '2025-01-07T00:00:00.000Z', { wipe: true });
    expect(await store.getSession('s5')).toMatchObject({ revokedAt: '2025-01-07T00:00:00.000Z', wipeOnRevoke: true });
    expect(await store.findSessionByTokenHash('z2')).toMatchObject({ session: { id: 's6', wipeOnRevoke: true } });
  });

  it('notifies change listeners after commit, until unsubscribed', async () => {
    const store = await backend.fresh();
    const events: ChangeEvent[] = [];
    const off = store.onChange((e) => events.push(e));
    store.onChange(() => { throw new Error('a broken listener does not matter'); });
    const written = await put(store, 'customers', [dw('customers', 'c1', 't1'), dw('customers', 'c2', null)]);
    // write() resolves after this process's listeners got the change
    expect(events).toHaveLength(1);
    expect(events[0]).toEqual({ collection: 'customers', docs: written });
    off();
    await put(store, 'customers', [dw('customers', 'c3', 't1')]);
    await sleep(100);
    expect(events).toHaveLength(1);
  });

  it('never loses an update when pushes of the same id race (including its creation)', async () => {
    const store = await backend.fresh();
    const N = 12;
    await Promise.all(Array.from({ length: N }, (_, i) => store.write('customers', ['same'], async (current) => {
      const before = current.get('same');
      await sleep(Math.random() * 5);
      const count = ((before?.data as unknown as { count?: number })?.count ?? 0) + 1;
      const w = dw('customers', 'same', 't1', { count, [`w${i}`]: true, ...(before ? Object.fromEntries(Object.entries(before.data).filter(([k]) => k.startsWith('w'))) : {}) });
      return { writes: [w], audit: [audit(w, before ? 'update' : 'create', before?.data ?? null)] } satisfies WritePlan;
    })));
    const final = (await store.getDocs('customers', ['same'])).get('same')!;
    expect((final.data as unknown as { count: number }).count).toBe(N);
    for (let i = 0; i < N; i++) expect(final.data).toHaveProperty(`w${i}`, true);
    expect(final.seq).toBe(N);
    const log = await store.listAudit({ documentId: 'same' });
    expect(log.map((a) => a.action)).toEqual(['create', ...Array(N - 1).fill('update')]);
    expect(log.map((a) => a.seq)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
  });

  it('a reader paging by checkpoint during concurrent pushes never skips a row', async () => {
    const store = await backend.fresh();
    const WRITERS = 8;
    const PER_WRITER = 60;
    let writing = true;
    const seen: StoredDoc[] = [];
    const reader = (async () => {
      let checkpoint = 0;
      for (;;) {
        const done = !writing;
        const page = await store.pull('customers', checkpoint, 25, ALL);
        seen.push(...page);
        if (page.length > 0) checkpoint = page[page.length - 1]!.seq;
        else if (done) return;
        else await sleep(1);
      }
    })();
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < PER_WRITER; i++) {
        const d = dw('customers', `w${w}-${i}`, 't1');
        await store.write('customers', [d.id], async () => {
          await sleep(Math.random() * 3);
          return { writes: [d], audit: [] };
        });
      }
    });
    await Promise.all(writers);
    writing = false;
    await reader;
    const total = WRITERS * PER_WRITER;
    expect(new Set(seen.map((d) => d.id)).size).toBe(total);
    expect(seen).toHaveLength(total);
    expect(seen.map((d) => d.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(await store.maxSeq()).toBe(total);
  }, 40_000);
});

describe('PostgreSQL across processes', () => {
  const backend = backends.find((b) => b.name === 'postgres')!;
  it('a write through one store reaches the change listeners of another on the same database', async () => {
    const a = await backend.fresh();
    const b = await backend.second(a);
    const seenByB: ChangeEvent[] = [];
    const seenByA: ChangeEvent[] = [];
    b.onChange((e) => seenByB.push(e));
    a.onChange((e) => seenByA.push(e));
    const written = await put(a, 'customers', [dw('customers', 'c1', 't1', { from: 'a' })]);
    await put(b, 'visits', [dw('visits', 'v1', 't1', { from: 'b' })]);
    await waitFor(() => seenByB.length === 2 && seenByA.length === 2);
    expect(seenByB[0]).toEqual({ collection: 'customers', docs: written });
    expect(seenByA.map((e) => e.docs[0]!.seq)).toEqual([1, 2]);
    expect(seenByB.map((e) => e.docs[0]!.seq)).toEqual([1, 2]);
  });

  it('re-listens after the LISTEN connection drops and catches up on missed changes', async () => {
    const a = await backend.fresh();
    const b = (await backend.second(a)) as PostgresStore;
    const seen: number[] = [];
    b.onChange((e) => seen.push(...e.docs.map((d) => d.seq)));
    const pid = await b.listenerPid();
    expect(pid).toBeTypeOf('number');
    await backend.raw(a, `SELECT pg_terminate_backend(${pid})`);
    await put(a, 'customers', [dw('customers', 'c1', 't1')]); // probably while b is not listening
    await waitFor(() => seen.length === 1);
    await waitFor(() => b['listenClient'] !== null);
    await put(a, 'customers', [dw('customers', 'c2', 't1')]);
    await waitFor(() => seen.length === 2);
    expect(seen).toEqual([1, 2]);
  });
});
