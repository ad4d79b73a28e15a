/**
 * The benchmark page (built with Vite, driven from bench/run.ts through Playwright). Every
 * measurement runs the app's real code: the app's RxDB database (renderer/src/db/database),
 * its SyncEngine and replication (renderer/src/features/sync), its customer and article
 * search (shared/search) and the queries of its hooks. Timings are taken here, in the page,
 * with performance.now(); the runner only orchestrates and aggregates.
 */
import { Dexie } from 'dexie';
import type { RxCollection } from 'rxdb';
import { replicateCouchDB } from 'rxdb/plugins/replication-couchdb';
import { createDatabase, openDatabase, type FieldbookDatabase } from '../../renderer/src/db/database';
import { databaseNameFor } from '../../shared/db/collections';
import { login } from '../../renderer/src/features/auth/authApi';
import type { SecureStore } from '../../renderer/src/features/auth/tokenManager';
import { saveCustomer } from '../../renderer/src/features/customers/customerRepository';
import { SyncEngine } from '../../renderer/src/features/sync/syncEngine';
import { useSyncStore } from '../../renderer/src/features/sync/syncStore';
import type { Article, Customer } from '../../shared/schemas';
import { ArticleSearchIndex } from '../../shared/search/articleSearch';
import { CustomerSearchIndex } from '../../shared/search/customerSearch';
import { API, SYNCED_COLLECTIONS, type PullResponse, type SyncDoc, type SyncedCollection, type TokenResponse } from '../../shared/sync/protocol';
import { keystroke, QUERIES as ARTICLE_QUERIES, shuffled } from '../faqSearchCore';

/**
 * How the app's local database is opened. Initial sync is measured once per variant, so a
 * database option (e.g. at-rest encryption of some fields) is one more entry here and one
 * more row in the results.
 */
export interface DatabaseVariant {
  id: string;
  label: string;
  open(name: string): Promise<FieldbookDatabase>;
}

const VARIANTS: DatabaseVariant[] = [
  { id: 'app', label: 'RxDB on Dexie, as the app opens it (encrypted fields)', open: (name) => openDatabase(name) },
  // The same without the at-rest encryption: what the encryption costs (issue 8).
  { id: 'plain', label: 'RxDB on Dexie without the field encryption', open: (name) => createDatabase(databaseNameFor(name), '', false) },
];

function variant(id: string): DatabaseVariant {
  const found = VARIANTS.find((v) => v.id === id);
  if (!found) throw new Error(`unknown database variant ${id}`);
  return found;
}

/** Sync engine state kept outside the page's localStorage, so runs do not see each other. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}
function memorySecureStore(): SecureStore {
  const m = new Map<string, string | null>();
  return {
    secureGet: async (k) => ({ ok: true, value: m.get(k) ?? null }),
    secureSet: async (k, v) => {
      m.set(k, v);
      return { ok: true, value: undefined };
    },
  };
}

interface Session {
  db: FieldbookDatabase;
  /** What the database was opened with (openDatabase's user id). */
  openName: string;
  engine: SyncEngine | null;
  userId: string;
}
const sessions = new Map<string, Session>();
let counter = 0;
const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter += 1)}`;

async function countAll(db: FieldbookDatabase, collections: readonly string[] = SYNCED_COLLECTIONS): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of collections) out[c] = await (db.collections[c as SyncedCollection] as RxCollection).count().exec();
  return out;
}
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export interface SyncResult {
  session: string;
  /** Until the app marks its first sync done (every collection's initial replication finished: the progress screen ends). */
  ms: number;
  /** Until RxDB's awaitInSync() resolves for every collection (also waits for idle queues and the push side). */
  inSyncMs: number;
  docs: number;
  perCollection: Record<string, number>;
}

/**
 * Initial sync as the app does it after a first sign-in: an empty database of `variantId`,
 * the SyncEngine with the sign-in's tokens, timed from start() until every collection is in sync.
 * The session stays open (live) when `keep` is set, for the live-change and query benchmarks.
 */
async function initialSync(o: { serverUrl: string; userName: string; password: string; variantId: string; keep?: boolean }): Promise<SyncResult> {
  const deviceId = uniqueName('bench-device');
  const tokens: TokenResponse = await login(o.serverUrl, { userName: o.userName, password: o.password, deviceId, deviceName: 'bench' });
  const openName = uniqueName(`bench-${o.userName}`);
  const db = await variant(o.variantId).open(openName);
  const t0 = performance.now();
  const engine = new SyncEngine({
    db, userId: tokens.user.id, roles: tokens.user.roles, serverUrl: o.serverUrl, deviceId, secure: memorySecureStore(), initialTokens: tokens,
    onSessionEnded: (reason) => console.error('session ended', reason), storage: memoryStorage(),
  });
  let firstSyncDone = 0;
  const unsubscribe = useSyncStore.subscribe((state, before) => {
    if (before.firstSync !== null && state.firstSync === null && !firstSyncDone) firstSyncDone = performance.now();
  });
  engine.start();
  await engine.awaitInSync();
  const inSyncMs = performance.now() - t0;
  unsubscribe();
  const ms = (firstSyncDone || performance.now()) - t0;
  const perCollection = await countAll(db);
  const session = uniqueName('s');
  sessions.set(session, { db, openName, engine, userId: tokens.user.id });
  if (!o.keep) await closeSession({ session, remove: true });
  return { session, ms, inSyncMs, docs: total(perCollection), perCollection };
}

async function closeSession(o: { session: string; remove?: boolean }): Promise<void> {
  const s = sessions.get(o.session);
  if (!s) return;
  sessions.delete(o.session);
  await s.engine?.stop();
  if (o.remove) await s.db.remove();
  else await s.db.close();
}

/** Documents of the last rawPull, kept in the page for the Dexie floor. */
let pulled: Record<string, SyncDoc[]> = {};

/**
 * The same documents fetched with plain fetch() page by page (the app's page size), every
 * collection in parallel as the app's replications do, and nothing stored: the network and
 * server part of an initial sync on its own.
 */
async function rawPull(o: { serverUrl: string; userName: string; password: string; pageSize: number }): Promise<{ ms: number; docs: number }> {
  const tokens = await login(o.serverUrl, { userName: o.userName, password: o.password, deviceId: uniqueName('bench-raw'), deviceName: 'bench' });
  const headers = { authorization: `Bearer ${tokens.accessToken}` };
  const out: Record<string, SyncDoc[]> = {};
  const t0 = performance.now();
  await Promise.all(SYNCED_COLLECTIONS.map(async (c) => {
    const docs: SyncDoc[] = [];
    for (let seq = 0; ;) {
      const response = await fetch(`${o.serverUrl}${API.pull(c)}?seq=${seq}&limit=${o.pageSize}`, { headers });
      if (!response.ok) throw new Error(`pull ${c}: ${response.status}`);
      const body = (await response.json()) as PullResponse;
      docs.push(...body.documents);
      seq = body.checkpoint.seq;
      if (body.documents.length < o.pageSize) break;
    }
    out[c] = docs;
  }));
  const ms = performance.now() - t0;
  pulled = out;
  return { ms, docs: total(Object.fromEntries(Object.entries(out).map(([c, d]) => [c, d.length]))) };
}

/**
 * The IndexedDB floor: the documents of the last rawPull written with Dexie's bulkPut (the
 * Dexie that rxdb uses; one copy in the bundle) into an empty database, one table per
 * collection keyed by id, one bulkPut per collection.
 */
async function dexieFloor(): Promise<{ ms: number; docs: number }> {
  const name = uniqueName('bench-floor');
  const dx = new Dexie(name);
  dx.version(1).stores(Object.fromEntries(SYNCED_COLLECTIONS.map((c) => [c, 'id'])));
  await dx.open();
  let docs = 0;
  const t0 = performance.now();
  for (const c of SYNCED_COLLECTIONS) {
    const rows = pulled[c] ?? [];
    docs += rows.length;
    if (rows.length) await dx.table(c).bulkPut(rows);
  }
  const ms = performance.now() - t0;
  dx.close();
  await Dexie.delete(name);
  return { ms, docs };
}

/**
 * The peer: the same documents replicated by RxDB's CouchDB replication plugin from a PouchDB
 * server into the same database setup; one replication per collection, all in parallel, timed
 * until every initial replication is done (live off: the first sync only).
 */
async function couchSync(o: { couchUrl: string; dbPrefix: string; variantId: string; batchSize: number }): Promise<SyncResult> {
  const db = await variant(o.variantId).open(uniqueName('bench-couch'));
  const t0 = performance.now();
  const replications = SYNCED_COLLECTIONS.map((c) => replicateCouchDB({
    replicationIdentifier: uniqueName(`couch-${c}`),
    collection: db.collections[c] as RxCollection,
    url: `${o.couchUrl}/${o.dbPrefix}-${c}/`,
    live: false,
    pull: { batchSize: o.batchSize },
    // Pull and push, as an app that edits would run it (the push side makes RxDB keep its per-document replication state).
    push: { batchSize: 200 },
  }));
  await Promise.all(replications.map((r) => r.awaitInitialReplication()));
  const ms = performance.now() - t0;
  const perCollection = await countAll(db);
  await Promise.all(replications.map((r) => r.cancel()));
  await db.remove();
  return { session: '', ms, inSyncMs: ms, docs: total(perCollection), perCollection };
}

// ---- live change ----------------------------------------------------------------------

const seen = new Map<string, number>();
const waiters = new Map<string, (at: number) => void>();
const now = () => performance.timeOrigin + performance.now();

/** Watches a customer on this client: records when each new `notes` value arrives. */
function watchCustomer(o: { session: string; customerId: string }): void {
  const s = sessions.get(o.session)!;
  s.db.customers.findOne(o.customerId).$.subscribe((doc) => {
    const notes = doc?.notes;
    if (!notes || seen.has(notes)) return;
    const at = now();
    seen.set(notes, at);
    waiters.get(notes)?.(at);
  });
}

/** Resolves with the time (ms since the epoch, sub-ms) `notes` arrived on this client. */
function arrival(o: { notes: string; timeoutMs: number }): Promise<number> {
  const at = seen.get(o.notes);
  if (at !== undefined) return Promise.resolve(at);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`"${o.notes}" did not arrive within ${o.timeoutMs} ms`)), o.timeoutMs);
    waiters.set(o.notes, (t) => {
      clearTimeout(timer);
      resolve(t);
    });
  });
}

/** An edit as the customer form saves it (the app's saveCustomer); returns when it was made. */
async function editCustomer(o: { session: string; customerId: string; notes: string }): Promise<number> {
  const s = sessions.get(o.session)!;
  const current = await s.db.customers.findOne(o.customerId).exec();
  if (!current) throw new Error(`customer ${o.customerId} is not on this client`);
  const at = now();
  await saveCustomer(s.db, { ...(current.toJSON() as Customer), notes: o.notes, updatedAt: new Date().toISOString(), updatedBy: s.userId });
  return at;
}

// ---- local queries --------------------------------------------------------------------

/** Opens an existing local database (no sync), as the app does after a restart. */
async function openLocal(o: { name: string; variantId: string }): Promise<string> {
  const db = await variant(o.variantId).open(o.name);
  const session = uniqueName('local');
  sessions.set(session, { db, openName: o.name, engine: null, userId: '' });
  return session;
}

function dbName(o: { session: string }): string {
  return sessions.get(o.session)!.openName;
}

const json = <T>(docs: readonly { toJSON(): T }[]): T[] => docs.map((d) => d.toJSON());

/**
 * Opening a customer file: the queries of the customer file page's hooks (the customer, the
 * visit timeline, feedback, adverse events, questions), all at once as the page mounts them,
 * until every result is in hand as the hooks hand it to React (toJSON).
 */
async function openCustomerFile(o: { session: string; customerId: string }): Promise<{ ms: number; visits: number }> {
  const { db } = sessions.get(o.session)!;
  const customerId = o.customerId;
  const t0 = performance.now();
  const [customer, visits] = await Promise.all([
    db.customers.findOne(customerId).exec().then((d) => d?.toJSON()),
    db.visits.find({ selector: { customerId }, sort: [{ startAt: 'desc' }, { id: 'desc' }] }).exec().then(json),
    db.feedback.find({ selector: { customerId }, sort: [{ capturedAt: 'desc' }, { id: 'desc' }] }).exec().then(json),
    db.adverseevents.find({ selector: { customerId }, sort: [{ capturedAt: 'desc' }, { id: 'desc' }] }).exec().then(json),
    db.questions.find({ selector: { customerId }, sort: [{ askedAt: 'desc' }, { id: 'asc' }] }).exec().then(json),
  ]);
  const ms = performance.now() - t0;
  if (!customer) throw new Error(`customer ${customerId} missing`);
  return { ms, visits: visits.length };
}

/** Prefixes as typed, letter by letter, of each term. */
function asTyped(terms: readonly string[]): string[] {
  const out: string[] = [];
  for (const term of terms) for (let i = 1; i <= [...term].length; i++) out.push([...term].slice(0, i).join(''));
  return out;
}

/**
 * Customer search as you type over every customer of the organisation: the customers are
 * pulled as an admin and written into a fresh local database, read back as useAllCustomers
 * does, indexed as useCustomerSearch does, and every keystroke's search is timed.
 */
async function customerSearch(o: { serverUrl: string; userName: string; password: string; variantId: string; rounds: number }) {
  const tokens = await login(o.serverUrl, { userName: o.userName, password: o.password, deviceId: uniqueName('bench-admin'), deviceName: 'bench' });
  const headers = { authorization: `Bearer ${tokens.accessToken}` };
  const docs: SyncDoc<'customers'>[] = [];
  for (let seq = 0; ;) {
    const body = (await (await fetch(`${o.serverUrl}${API.pull('customers')}?seq=${seq}&limit=1000`, { headers })).json()) as PullResponse<'customers'>;
    docs.push(...body.documents);
    seq = body.checkpoint.seq;
    if (body.documents.length < 1000) break;
  }
  const db = await variant(o.variantId).open(uniqueName('bench-search'));
  await db.customers.bulkInsert(docs.map(({ _deleted: _d, ...c }) => c as Customer));
  const t0 = performance.now();
  const all = json(await db.customers.find().exec()) as Customer[];
  const readMs = performance.now() - t0;
  const index = new CustomerSearchIndex();
  const t1 = performance.now();
  index.update(all);
  const indexMs = performance.now() - t1;

  // Terms a rep types: Chinese names and places, pinyin (full, spaced, initials), Latin names, codes.
  const sample = (k: number) => all[Math.floor((k * 7919) % all.length)]!;
  const zhNames = [0, 1, 2, 3, 4].map((k) => sample(k * 101).name).filter((n) => /\p{Script=Han}/u.test(n)).slice(0, 3);
  const latin = all.filter((c) => /^[A-Za-z]/.test(c.name)).slice(0, 2).map((c) => c.name.slice(0, 12));
  const terms = [...zhNames, '北京协和', '上海', '心内科', 'zhangwei', 'zhang wei', 'zw', 'wangfang', 'liu', 'beijing', ...latin, 'General Hosp', 'Pharmacy', 'HCP-0004', 'demo', 'xyzzy'];
  const queries = asTyped(terms);
  const samples: number[] = [];
  const perKind = { chinese: [] as number[], latin: [] as number[] };
  let hits = 0;
  for (const q of queries) index.search(q, {}); // warm-up (JIT)
  for (let round = 0; round < o.rounds; round++) {
    for (const q of queries) {
      const s0 = performance.now();
      hits += index.search(q, {}).length;
      const ms = performance.now() - s0;
      samples.push(ms);
      (/\p{Script=Han}/u.test(q) ? perKind.chinese : perKind.latin).push(ms);
    }
  }
  await db.remove();
  return { customers: all.length, readMs, indexMs, samples, chinese: perKind.chinese, latin: perKind.latin, queries: queries.length, hits };
}

/** Article search over the articles synced to this client, as the knowledge page runs it, per keystroke (the FAQ bench's queries). */
async function articleSearch(o: { session: string; rounds: number }) {
  const { db } = sessions.get(o.session)!;
  const t0 = performance.now();
  const articles = json(await db.articles.find().exec()) as Article[];
  const readMs = performance.now() - t0;
  const index = new ArticleSearchIndex();
  const t1 = performance.now();
  index.update(articles);
  const indexMs = performance.now() - t1;
  for (const q of ARTICLE_QUERIES) keystroke(index, q);
  const samples: number[] = [];
  let sink = 0;
  for (let round = 0; round < o.rounds; round++) {
    for (const q of shuffled(ARTICLE_QUERIES, round + 1)) {
      const s0 = performance.now();
      sink += keystroke(index, q);
      samples.push(performance.now() - s0);
    }
  }
  return { articles: index.size, readMs, indexMs, samples, sink };
}

// ---- diagnostics ----------------------------------------------------------------------

/** IndexedDB requests by kind and object store since countIndexedDb(): where the writes of a sync go. */
const idbCounts = new Map<string, number>();
let idbPatched = false;
function countIndexedDb(): void {
  idbCounts.clear();
  if (idbPatched) return;
  idbPatched = true;
  for (const method of ['put', 'add', 'get', 'getAll', 'delete', 'openCursor', 'count'] as const) {
    const proto = IDBObjectStore.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
    const original = proto[method]!;
    proto[method] = function (this: IDBObjectStore, ...a: unknown[]) {
      const key = `${method} ${this.transaction.db.name.replace(/^rxdb-dexie-[^-]*-[0-9a-z]+-\d+--\d+--/, '')}`;
      idbCounts.set(key, (idbCounts.get(key) ?? 0) + 1);
      return original.apply(this, a);
    };
  }
  const indexProto = IDBIndex.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const method of ['get', 'getAll', 'openCursor', 'count'] as const) {
    const original = indexProto[method]!;
    indexProto[method] = function (this: IDBIndex, ...a: unknown[]) {
      const key = `index.${method} ${this.objectStore.transaction.db.name.replace(/^rxdb-dexie-[^-]*-[0-9a-z]+-\d+--\d+--/, '')}`;
      idbCounts.set(key, (idbCounts.get(key) ?? 0) + 1);
      return original.apply(this, a);
    };
  }
}
const indexedDbCounts = () => Object.fromEntries([...idbCounts.entries()].sort((a, b) => b[1] - a[1]));

const api = {
  countIndexedDb, indexedDbCounts,
  variants: () => VARIANTS.map(({ id, label }) => ({ id, label })),
  initialSync, closeSession, rawPull, dexieFloor, couchSync, watchCustomer, arrival, editCustomer, openLocal, dbName,
  openCustomerFile, customerSearch, articleSearch,
  counts: async (o: { session: string }) => countAll(sessions.get(o.session)!.db),
};
export type BenchPageApi = typeof api;
(window as unknown as { fieldbookBench: BenchPageApi }).fieldbookBench = api;
document.body.dataset.ready = 'true';
