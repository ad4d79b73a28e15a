/**
 * "Zero silently dropped edits", as a randomised test against real parts: the sync server as its
 * own process (`tsx server/main.ts`) on 127.0.0.1 over a real SQLite file, then over a real
 * PostgreSQL cluster; 20 real RxDB clients (19 reps of one territory and their manager), each
 * signed in through the HTTP API and replicating with the app's own code (replicateCollection,
 * TokenManager, SharedEventStream). Every client does a few hundred random operations on
 * customers and draft visits (create, edit fields that the others edit too, soft delete) while
 * going offline and online (network drop, paused replication, app closed and reopened); the server
 * is SIGKILLed twice in the middle and restarted on the same data and port. Then everyone comes
 * online and syncs until the server state stops moving, and the test checks:
 *   1. convergence: a fresh pull returns exactly the territory's documents, and every client holds
 *      exactly the server's live documents (after the app's repair pass; see KNOWN_LAG);
 *   2. accounting: every value any client wrote (a unique marker) is in the final document, or
 *      was replaced by a later write of a user who had it on screen, or is kept/reported in a
 *      `conflicts` document: the number of silently dropped edits is 0;
 *   3. no duplicate documents or conflict records, no refused rows, and an explicit resend (the
 *      same push twice, and once more after someone else's write) records no conflict.
 * The seed is printed: SYNC_SEED=<n> repeats a run's random choices (timing still varies).
 * SYNC_OPS=<n> sets the operations per client (default 500),
 * SYNC_DEBUG=1 prints each differing client copy's sync trace.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAsSystem } from '../../server/org/systemWrite';
import { createTerritory, createUser } from '../../server/org/org';
import { createStore } from '../../server/store/createStore';
import { API, MAX_BATCH, type PullResponse, type PushResponse, type PushRow, type SyncDoc, type SyncedCollection, type TokenResponse } from '../../shared/sync/protocol';
import { seededRandom } from '../../shared/demo/random';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { makeTempDir } from '../support/tempDir';
import type { ClientReport, Snapshot } from './hostProtocol';
import { buildClientHost, ClientHostProcess } from './hosts';
import { accountEdits, getPath, markersIn, type ConflictView, type EditRecord } from './ledger';
import { CLIENT_COLLECTIONS, canonicalJson, digest, docDigests, type ClientCollection, type ClientSpec, type HotIds } from './syncClient';

const SEED = Number(process.env.SYNC_SEED ?? Math.floor(Math.random() * 2 ** 31));
// The issue's bar: 20 clients × 500 operations in CI (about 100 s for both databases).
const OPS_PER_CLIENT = Number(process.env.SYNC_OPS ?? 500);
const REPS = 19;
/** RxDB's open-source build opens at most 13 collections per process: 4 clients × 3 collections per host. */
const CLIENTS_PER_HOST = 4;
const MAX_DELAY_MS = 15;
const PASSWORD = 'no-loss test password';
const SECRET = 'no-loss-sync-test-secret-'.padEnd(48, 'x');
const TERRITORY = 't-north';
const PROBE_TERRITORY = 't-probe';
const HOT_CUSTOMERS = 12;
const HOT_VISITS = 8;
const MAX_SETTLE_ROUNDS = 8;
const SETTLE_TIMEOUT_MS = 90_000;
/**
 * Ways a client copy can lag behind the server. Two races in RxDB 17.6's replication protocol
 * cause them (see test/sync/rxdbReplication.test.ts): a RESYNC queued behind a stream event was
 * dropped (`absent`, `behind`; patched in patches/), and a server state arriving while a push of
 * the same document is in flight is skipped (`behind`, or `stamps`: the own pushed state without
 * the server's stamps). The app's repair pass after each reconnect fixes such copies; any left
 * after settling fail the test, like a copy holding data the server never had.
 */
const KNOWN_LAG: ReadonlySet<Mismatch['kind']> = new Set(['stamps', 'behind', 'absent']);

console.log(`[sync no-loss] seed ${SEED}, ${OPS_PER_CLIENT} operations per client (repeat with SYNC_SEED=${SEED})`);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(50);
  }
}

// ---- plain HTTP, for the checks (the clients use the app's code) ---------------------------

async function http<T>(url: string, path: string, init: { token?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  // A bounded wait: a server that stops answering fails the test with a message instead of hanging it.
  const response = await fetch(url + path, {
    method: init.body === undefined ? 'GET' : 'POST', headers, signal: AbortSignal.timeout(30_000),
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

async function signIn(url: string, userName: string, device: string): Promise<string> {
  const tokens = await http<TokenResponse>(url, API.login, { body: { userName, password: PASSWORD, deviceId: device, deviceName: device } });
  return tokens.accessToken;
}

async function pullAll<C extends SyncedCollection>(url: string, token: string, collection: C): Promise<SyncDoc<C>[]> {
  const docs: SyncDoc<C>[] = [];
  let seq = 0;
  for (;;) {
    const page = await http<PullResponse<C>>(url, `${API.pull(collection)}?seq=${seq}&limit=${MAX_BATCH}`, { token });
    docs.push(...page.documents);
    if (page.documents.length < MAX_BATCH) return docs;
    seq = page.checkpoint.seq;
  }
}

type ServerState = Record<ClientCollection, Map<string, SyncDoc>>;

/** Everything of the test territory on the server, deleted documents included (read as an admin). */
async function serverState(url: string, adminToken: string): Promise<ServerState> {
  const out = {} as ServerState;
  for (const name of CLIENT_COLLECTIONS) {
    const docs = await pullAll(url, adminToken, name);
    const map = new Map<string, SyncDoc>();
    for (const doc of docs) {
      if ((doc as { territoryId?: string }).territoryId !== TERRITORY) continue;
      if (map.has(doc.id)) throw new Error(`the server returned ${name}/${doc.id} twice`);
      map.set(doc.id, doc as SyncDoc);
    }
    out[name] = map;
  }
  return out;
}

function stateDigest(state: ServerState): string {
  return digest(CLIENT_COLLECTIONS.map((c) => [...state[c].values()].map((d) => `${d.id}:${d._deleted}:${canonicalJson(d)}`).sort().join('\n')).join('\n\n'));
}

interface Mismatch {
  client: string;
  collection: ClientCollection;
  id: string;
  /**
   * `stamps`: equal but for the server-owned fields (createdAt, updatedAt, createdBy, updatedBy);
   * `behind`: the client holds a state the server stored earlier; `absent`: the client never got
   * the document (see KNOWN_LAG); the others: the client holds something the server never had.
   */
  kind: 'missing on client' | 'only on client' | 'different' | 'stamps' | 'behind' | 'absent';
}

function compare(state: ServerState, snapshot: Snapshot): Mismatch[] {
  const out: Mismatch[] = [];
  for (const [client, collections] of Object.entries(snapshot)) {
    for (const name of CLIENT_COLLECTIONS) {
      const local = collections[name];
      const live = new Map([...state[name].values()].filter((d) => !d._deleted).map((d) => [d.id, docDigests(d)]));
      for (const [id, hashes] of live) {
        const mine = local[id];
        if (mine === undefined) out.push({ client, collection: name, id, kind: 'missing on client' });
        else if (mine.split('|')[1] !== hashes.split('|')[1]) out.push({ client, collection: name, id, kind: 'different' });
        else if (mine !== hashes) out.push({ client, collection: name, id, kind: 'stamps' });
      }
      for (const id of Object.keys(local)) if (!live.has(id)) out.push({ client, collection: name, id, kind: 'only on client' });
    }
  }
  return out;
}

/** Data digest and deleted flag: what a state of a document holds, apart from the server's stamps. */
const stateKey = (doc: Record<string, unknown>): string => `${docDigests(doc).split('|')[1]}|${doc._deleted === true}`;

/** Every state the server stored for a document, oldest first (from the admin audit log). */
async function storedStates(url: string, adminToken: string, collection: string, id: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let afterId = 0;
  for (;;) {
    const page = await http<{ entries: { id: number; collection: string; newValue: Record<string, unknown> | null }[] }>(
      url, `/api/admin/audit?documentId=${encodeURIComponent(id)}&afterId=${afterId}&limit=1000`, { token: adminToken },
    );
    for (const e of page.entries) if (e.collection === collection && e.newValue) out.push(e.newValue);
    if (page.entries.length < 1000) return out;
    afterId = page.entries[page.entries.length - 1]?.id ?? afterId;
  }
}

async function pastStates(url: string, adminToken: string, collection: ClientCollection, id: string): Promise<Set<string>> {
  return new Set((await storedStates(url, adminToken, collection, id)).map(stateKey));
}

type LocalDocs = (client: string, collection: ClientCollection, ids: string[]) => Promise<Record<string, Record<string, unknown> | null>>;

/** Sorts out the copies that merely lag behind the server (KNOWN_LAG) from those that hold what the server never had. */
async function classify(url: string, adminToken: string, mismatches: Mismatch[], localDocs: LocalDocs): Promise<Mismatch[]> {
  const past = new Map<string, Promise<Set<string>>>();
  const pastOf = (collection: ClientCollection, id: string): Promise<Set<string>> => {
    const key = `${collection}/${id}`;
    let p = past.get(key);
    if (!p) past.set(key, (p = pastStates(url, adminToken, collection, id)));
    return p;
  };
  const groups = new Map<string, Mismatch[]>();
  for (const m of mismatches) {
    if (m.kind === 'stamps') continue;
    const key = `${m.client}\u0000${m.collection}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const locals = new Map<Mismatch, Record<string, unknown> | null>();
  for (const group of groups.values()) {
    const first = group[0] as Mismatch;
    const docs = await localDocs(first.client, first.collection, group.map((m) => m.id));
    for (const m of group) locals.set(m, docs[m.id] ?? null);
  }
  const out: Mismatch[] = [];
  for (const m of mismatches) {
    if (m.kind === 'stamps') {
      out.push(m);
      continue;
    }
    const mine = locals.get(m) ?? null;
    if (!mine) out.push({ ...m, kind: 'absent' });
    else if ((await pastOf(m.collection, m.id)).has(stateKey(mine))) out.push({ ...m, kind: 'behind' });
    else out.push(m);
  }
  return out;
}

/** What the server's database connections are doing (a stuck sync usually shows here). */
async function postgresSessions(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ state: string; wait: string; n: string; query: string }>(
      `SELECT state, coalesce(wait_event_type || ':' || wait_event, '-') AS wait, count(*) AS n, left(min(query), 100) AS query
         FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY 1, 2 ORDER BY 3 DESC`,
    );
    return rows.map((r) => `${r.n} × ${r.state} (waiting ${r.wait}): ${r.query}`).join('\n');
  } catch (error) {
    return String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

// ---- the explicit resend -------------------------------------------------------------------

/**
 * The same push sent twice (a client that never got the answer), then once more after someone
 * else changed another field: nothing is duplicated and no conflict is recorded. Runs in a
 * territory of its own, so the random clients never see these documents.
 */
async function checkResends(url: string, adminToken: string): Promise<void> {
  const probe = await signIn(url, 'probe', 'probe-laptop-1');
  const other = await signIn(url, 'probe', 'probe-laptop-2');
  const now = new Date().toISOString();
  const id = `probe-${Date.now()}`;
  const created: SyncDoc<'customers'> = {
    id, code: `PROBE-${Date.now()}`, name: 'Probe customer', type: 'hcp', territoryId: PROBE_TERRITORY, ownerId: 'probe',
    createdAt: now, updatedAt: now, createdBy: 'probe', updatedBy: 'probe', _deleted: false,
  };
  const push = (token: string, rows: PushRow<'customers'>[]): Promise<PushResponse<'customers'>> => http(url, API.push('customers'), { token, body: { rows } });
  const current = async (): Promise<SyncDoc<'customers'>> => {
    const doc = (await pullAll(url, probe, 'customers')).find((d) => d.id === id);
    if (!doc) throw new Error(`probe customer ${id} not on the server`);
    return doc;
  };
  const conflictsOf = async (): Promise<SyncDoc<'conflicts'>[]> => (await pullAll(url, adminToken, 'conflicts')).filter((c) => c.documentId === id);

  // A create, sent twice.
  const create = [{ newDocumentState: created }];
  expect(await push(probe, create)).toEqual({ conflicts: [], refused: [] });
  expect(await push(probe, create)).toEqual({ conflicts: [], refused: [] });

  // An edit with its base, sent twice.
  const base = await current();
  const edit: PushRow<'customers'>[] = [{ assumedMasterState: base, newDocumentState: { ...base, notes: 'probe notes' } }];
  expect(await push(probe, edit)).toEqual({ conflicts: [], refused: [] });
  expect(await push(probe, edit)).toEqual({ conflicts: [], refused: [] });

  // Another device changes another field; the first device's push arrives a third time.
  const seen = await current();
  expect(await push(other, [{ assumedMasterState: seen, newDocumentState: { ...seen, institution: 'Probe hospital' } }])).toEqual({ conflicts: [], refused: [] });
  const third = await push(probe, edit);
  expect(third.refused).toEqual([]);
  const final = await current();
  expect(final).toMatchObject({ notes: 'probe notes', institution: 'Probe hospital', _deleted: false });
  // The answer may carry the server's state (RxDB adopts it), but no conflict is recorded.
  for (const doc of third.conflicts) expect(doc).toEqual(final);
  expect(await conflictsOf()).toEqual([]);
  expect((await pullAll(url, adminToken, 'customers')).filter((d) => d.id === id)).toHaveLength(1);
}

// ---- the scenario --------------------------------------------------------------------------

const backends = ['sqlite', 'postgres'] as const;
let bundleDir: ReturnType<typeof makeTempDir> | null = null;
let hostBundle = '';

beforeAll(async () => {
  bundleDir = makeTempDir('fieldbook-noloss-host-');
  hostBundle = await buildClientHost(bundleDir.path);
}, 60_000);
afterAll(() => bundleDir?.remove());

describe.each(backends)('sync on %s: no edit is dropped silently', (backend) => {
  let tmp: ReturnType<typeof makeTempDir> | null = null;
  let postgres: TestPostgres | null = null;
  let server: ServerProcess | null = null;
  const hosts: ClientHostProcess[] = [];
  const hot: HotIds = { customers: [], visits: [] };
  const specs: ClientSpec[] = [];
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    const t0 = Date.now();
    tmp = makeTempDir(`fieldbook-noloss-${backend}-`);
    if (backend === 'postgres') postgres = await startPostgres();
    const store = await createStore({ dataDir: tmp.path, ...(postgres ? { databaseUrl: postgres.url } : {}) });
    try {
      await store.migrate();
      const now = new Date().toISOString();
      const clock = { now: () => new Date().toISOString(), newId: () => globalThis.crypto.randomUUID() };
      await createTerritory(store, { id: TERRITORY, name: 'North' }, now);
      await createTerritory(store, { id: PROBE_TERRITORY, name: 'Probe' }, now);
      await createUser(store, { userName: 'manager', displayName: 'Manager', password: PASSWORD, roles: ['manager'], territoryIds: [] }, clock);
      await createUser(store, { userName: 'auditor', displayName: 'Auditor', password: PASSWORD, roles: ['admin'], territoryIds: [] }, clock);
      await createUser(store, { userName: 'probe', displayName: 'Probe', password: PASSWORD, roles: ['rep'], territoryIds: [PROBE_TERRITORY] }, clock);
      const reps = Array.from({ length: REPS }, (_, i) => `rep${String(i + 1).padStart(2, '0')}`);
      await Promise.all(reps.map((userName) => createUser(store, { userName, displayName: userName, password: PASSWORD, roles: ['rep'], territoryIds: [TERRITORY], managerUserName: 'manager' }, clock)));
      const seedRandom = seededRandom(SEED);
      for (const [i, userName] of ['manager', ...reps].entries()) {
        specs.push({ name: userName === 'manager' ? 'mgr' : userName, userName, password: PASSWORD, territoryId: TERRITORY, seed: Math.floor(seedRandom() * 2 ** 31) + i });
      }

      // Documents everybody works on from the start.
      const meta = { createdAt: now, updatedAt: now, createdBy: 'system', updatedBy: 'system' };
      const customers: SyncDoc<'customers'>[] = Array.from({ length: HOT_CUSTOMERS }, (_, i) => ({
        id: `hot-c${i}`, code: `HOT-${i}`, name: `seed.c${i}.name`, type: 'hcp', territoryId: TERRITORY, ownerId: 'system',
        notes: `seed.c${i}.notes`, address: { city: `seed.c${i}.city` }, institution: `seed.c${i}.institution`, ...meta, _deleted: false,
      }));
      const visits: SyncDoc<'visits'>[] = Array.from({ length: HOT_VISITS }, (_, i) => ({
        id: `hot-v${i}`, customerId: `hot-c${i % HOT_CUSTOMERS}`, territoryId: TERRITORY, repId: 'system', kind: 'visit', status: 'draft',
        startAt: now, summary: `seed.v${i}.summary`, ...meta, _deleted: false,
      }));
      await writeAsSystem(store, 'customers', customers, now);
      await writeAsSystem(store, 'visits', visits, now);
      hot.customers = customers.map((c) => c.id);
      hot.visits = visits.map((v) => v.id);
    } finally {
      await store.close();
    }
    server = await startServerProcess({ dataDir: tmp.path, secret: SECRET, ...(postgres ? { databaseUrl: postgres.url } : {}) });
    for (let i = 0; i * CLIENTS_PER_HOST < specs.length; i++) hosts.push(new ClientHostProcess(`${backend} host ${i + 1}`, hostBundle));
    timings.setup = Date.now() - t0;
  }, 180_000);

  afterAll(async () => {
    await Promise.all(hosts.map((h) => h.stop().catch(() => h.kill())));
    await server?.stop().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    tmp?.remove();
  }, 60_000);

  it('converges, and every written value is kept, superseded knowingly, or in a conflict record', async () => {
    if (!server) throw new Error('no server');
    const srv = server;
    const url = srv.url;
    const runId = `${backend}${SEED}`;
    let t = Date.now();

    // Sign in everybody (the real login) and take the first sync.
    const byHost = hosts.map((_, i) => specs.slice(i * CLIENTS_PER_HOST, (i + 1) * CLIENTS_PER_HOST));
    await Promise.all(hosts.map((h, i) => h.call({ cmd: 'init', serverUrl: url, runId, clients: byHost[i] ?? [] })));
    const adminToken = await signIn(url, 'auditor', 'auditor-laptop');
    timings.signIn = Date.now() - t;
    t = Date.now();

    // The random work, with the server killed twice under it.
    const done = new Map<string, number>();
    for (const h of hosts) {
      h.progress = (client, n) => done.set(client, n);
    }
    const total = specs.length * OPS_PER_CLIENT;
    const fraction = (): number => [...done.values()].reduce((a, b) => a + b, 0) / total;
    let kills = 0;
    let workDone = false;
    const work = Promise.all(hosts.map((h) => h.call({ cmd: 'run', ops: OPS_PER_CLIENT, maxDelayMs: MAX_DELAY_MS, hot }, 300_000))).finally(() => {
      workDone = true;
    });
    const chaos = (async () => {
      for (const [at, downMs] of [[0.3, 800], [0.65, 200]] as const) {
        await until(() => fraction() >= at || workDone, 300_000);
        await srv.kill();
        kills += 1;
        await sleep(downMs);
        await srv.restart();
        if (kills === 1) await checkResends(url, adminToken);
      }
    })();
    await Promise.all([work, chaos]);
    timings.work = Date.now() - t;
    t = Date.now();

    // Everyone online, syncing until every client holds the server's state and that state no longer moves.
    let mismatches: Mismatch[] = [];
    let state: ServerState | null = null;
    let rounds = 0;
    let settled = false;
    /** Documents the server wrote while the last round's snapshot was taken. */
    let moved: string[] = [];
    while (!settled && rounds < MAX_SETTLE_ROUNDS) {
      rounds += 1;
      try {
        await Promise.all(hosts.map((h) => h.call({ cmd: 'settle' }, SETTLE_TIMEOUT_MS)));
      } catch (error) {
        // Say what is stuck: each client's failed requests and last sync steps, and the server's log.
        const reports = (await Promise.all(hosts.map((h) => h.call<ClientReport[]>({ cmd: 'report' }, 10_000).catch(() => [])))).flat();
        const lines = reports.map((r) => `${r.name}: failures ${JSON.stringify(r.stats.failures)}, refused ${r.stats.refused.length}\n    ${r.trace.slice(-6).join('\n    ')}`);
        const database = postgres ? `\n--- postgres sessions ---\n${await postgresSessions(postgres.url)}` : '';
        throw new Error(`${String(error)}\n${lines.join('\n')}\n--- server ---\n${srv.output().slice(-3000)}${database}`, { cause: error });
      }
      await sleep(200);
      const before = await serverState(url, adminToken);
      const snapshot = Object.assign({}, ...(await Promise.all(hosts.map((h) => h.call<Snapshot>({ cmd: 'snapshot' }))))) as Snapshot;
      state = await serverState(url, adminToken);
      const hostOf = (client: string): ClientHostProcess | undefined => hosts[Math.floor(specs.findIndex((x) => x.name === client) / CLIENTS_PER_HOST)];
      mismatches = await classify(url, adminToken, compare(state, snapshot), async (client, collection, ids) =>
        (await hostOf(client)?.call<Record<string, Record<string, unknown> | null>>({ cmd: 'documents', client, collection, ids })) ?? {});
      settled = stateDigest(before) === stateDigest(state) && mismatches.length === 0;
      moved = [];
      for (const name of CLIENT_COLLECTIONS) {
        for (const doc of state[name].values()) {
          const old = before[name].get(doc.id);
          if (!old || canonicalJson(old) !== canonicalJson(doc) || old._deleted !== doc._deleted) {
            const d = doc as unknown as Record<string, unknown>;
            moved.push(`${name}/${doc.id} by ${String(d.updatedBy)} at ${String(d.updatedAt)}`);
          }
        }
      }
    }
    timings.settle = Date.now() - t;
    if (!state) throw new Error('no server state');
    const finalState = state;

    const reports = (await Promise.all(hosts.map((h) => h.call<ClientReport[]>({ cmd: 'report' })))).flat();
    const edits: EditRecord[] = reports.flatMap((r) => r.edits);
    const conflicts: ConflictView[] = [...finalState.conflicts.values()] as unknown as ConflictView[];
    const finalDocs = new Map<string, Record<string, unknown>>();
    for (const name of ['customers', 'visits'] as const) {
      for (const doc of finalState[name].values()) finalDocs.set(`${name}/${doc.id}`, doc as unknown as Record<string, unknown>);
    }
    const accounting = accountEdits(edits, finalDocs, conflicts);
    const sum = (f: (r: ClientReport) => number): number => reports.reduce((a, r) => a + f(r), 0);
    const failures: Record<string, number> = {};
    for (const r of reports) for (const [code, n] of Object.entries(r.stats.failures)) failures[code] = (failures[code] ?? 0) + n;
    const rxdbErrors: Record<string, number> = {};
    for (const r of reports) for (const [code, n] of Object.entries(r.stats.rxdbErrors)) rxdbErrors[code] = (rxdbErrors[code] ?? 0) + n;
    console.log(
      `[sync no-loss] ${backend}: ${specs.length} clients × ${OPS_PER_CLIENT} ops, server killed ${kills}×, settled in ${rounds} round(s)${settled ? '' : ' (NOT settled)'}; ` +
        `${sum((r) => r.stats.creates)} creates, ${sum((r) => r.stats.fieldWrites)} field writes, ${sum((r) => r.stats.deletes)} deletes, ` +
        `${sum((r) => r.stats.skipped)} skipped; offline ${JSON.stringify(reports.reduce((a, r) => ({ network: a.network + r.stats.offline.network, pause: a.pause + r.stats.offline.pause, restart: a.restart + r.stats.offline.restart }), { network: 0, pause: 0, restart: 0 }))}; ` +
        `${sum((r) => r.stats.pushes)} pushes (${sum((r) => r.stats.pushedRows)} rows), ${sum((r) => r.stats.resolvedConflicts)} server states adopted, failed requests ${JSON.stringify(failures)}, RxDB errors ${JSON.stringify(rxdbErrors)}, ${sum((r) => r.stats.repaired)} copies repaired, ${sum((r) => r.stats.sessionsEnded)} sessions ended; ` +
        `values ${JSON.stringify(accounting.byOutcome)}; ${conflicts.length} conflict records (${accounting.staleConflicts.length} stale); lagging copies ${JSON.stringify(Object.fromEntries([...KNOWN_LAG].map((k) => [k, mismatches.filter((m) => m.kind === k).length])))}; ` +
        `customers ${finalState.customers.size}, visits ${finalState.visits.size}; ms ${JSON.stringify(timings)}`,
    );

    // 1. Convergence. First the server's side: a fresh pull, as a rep and as the manager, returns
    // exactly the territory's documents (so whatever a client lacks, the server did not withhold).
    for (const userName of ['manager', 'rep01', 'rep19']) {
      const token = await signIn(url, userName, `${userName}-fresh-laptop`);
      for (const name of CLIENT_COLLECTIONS) {
        const pulled = await pullAll(url, token, name);
        const expected = [...finalState[name].values()].map((d) => `${d.id}:${stateKey(d as unknown as Record<string, unknown>)}`).sort();
        expect.soft(pulled.map((d) => `${d.id}:${stateKey(d as unknown as Record<string, unknown>)}`).sort(), `a fresh pull of ${name} as ${userName}`).toEqual(expected);
      }
    }
    // Then every client holds exactly the server's live documents of the territory.
    const describeMismatch = async (m: Mismatch): Promise<string> => {
      const host = hosts[Math.floor(specs.findIndex((s) => s.name === m.client) / CLIENTS_PER_HOST)];
      const local = await host?.call<Record<string, unknown>>({ cmd: 'documents', client: m.client, collection: m.collection, ids: [m.id] });
      const inspected = await host?.call<{ trace: string[] }>({ cmd: 'inspect', client: m.client, collection: m.collection, ids: [m.id] });
      if (process.env.SYNC_DEBUG) console.log(JSON.stringify(inspected, null, 1));
      const trace = (inspected?.trace ?? []).filter((t) => t.includes(m.id.slice(0, 8)) || t.includes(' rxdb error') || t.startsWith('net')).slice(-25).map((t) => `    ${t.slice(0, 300)}`);
      const history = edits.filter((e) => e.id === m.id).map((e) => `    ${new Date(e.at).toISOString()} ${e.client} op ${e.op} ${e.field}=${e.marker}`);
      return `${m.client} ${m.collection}/${m.id} ${m.kind}\n  server: ${JSON.stringify(finalState[m.collection].get(m.id))}\n  client: ${JSON.stringify(local?.[m.id])}\n  writes:\n${history.join('\n')}\n  the client's sync steps for it:\n${trace.join('\n')}`;
    };
    const diverged = mismatches.filter((m) => !KNOWN_LAG.has(m.kind));
    const detail = await Promise.all(diverged.slice(0, 5).map(describeMismatch));
    expect.soft(settled, `not settled after ${rounds} rounds; written during the last snapshot: ${moved.slice(0, 10).join(', ') || 'nothing'}`).toBe(true);
    expect.soft(diverged, `${diverged.length} documents differ between clients and server (seed ${SEED}):\n${detail.join('\n')}`).toEqual([]);
    // Copies that lag behind the server (see KNOWN_LAG): printed with their history, and a failure.
    const lagging = mismatches.filter((m) => KNOWN_LAG.has(m.kind));
    if (lagging.length > 0) {
      console.log(`[sync no-loss] ${backend}: ${lagging.length} client copies lag behind the server (${[...KNOWN_LAG].map((k) => `${k}: ${lagging.filter((m) => m.kind === k).length}`).join(', ')}), e.g.\n${await describeMismatch(lagging.find((m) => m.kind === 'behind') ?? (lagging[0] as Mismatch))}`);
    }
    expect.soft(lagging, 'client copies behind the server').toEqual([]);

    // Conflict records about a value that someone had already seen and replaced: noise for the user.
    // They come from a push that reached the server a second time with its old base (a resend after
    // a lost answer, or RxDB pushing again from a stale assumed master state): the "other" value had
    // already been applied once. Counted and printed (see the report), not failed.
    if (accounting.staleConflicts.length > 0) {
      let repeated = 0;
      for (const c of accounting.staleConflicts.slice(0, 20)) {
        const other = JSON.stringify(markersIn(JSON.parse(c.otherValue) as unknown)[0] ?? null);
        const states = await storedStates(url, adminToken, c.targetCollection, c.documentId);
        if (states.some((d) => (JSON.stringify(getPath(d, c.field)) ?? '').includes(other))) repeated += 1;
      }
      const c = accounting.staleConflicts[0] as ConflictView;
      console.log(
        `[sync no-loss] ${backend}: ${accounting.staleConflicts.length} stale conflict records (the kept value's writer had seen the other value; ` +
          `in ${repeated} of ${Math.min(20, accounting.staleConflicts.length)} checked the other value had been stored before: a repeated push), ` +
          `e.g. ${c.targetCollection}/${c.documentId} ${c.field}: kept ${c.keptValue}, other ${c.otherValue}`,
      );
    }

    // 2. Zero silently dropped edits.
    const describeDrop = (e: EditRecord): string => {
      const doc = finalDocs.get(`${e.collection}/${e.id}`);
      const value = e.field === '_deleted' ? doc?._deleted : JSON.stringify(e.field.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown> | undefined)?.[p], doc));
      const related = conflicts.filter((c) => c.documentId === e.id).map((c) => `${c.field}: kept ${c.keptValue} other ${c.otherValue}`);
      const history = edits.filter((x) => x.id === e.id && (x.field === e.field || x.field === '_deleted')).map((x) => `    ${new Date(x.at).toISOString()} ${x.client} op ${x.op} ${x.field}=${x.marker} replacing ${JSON.stringify(x.replaced)}`);
      return `${new Date(e.at).toISOString()} ${e.client} op ${e.op} wrote ${e.collection}/${e.id} ${e.field} = ${e.marker} (replacing ${JSON.stringify(e.replaced)}); final: ${value}; conflicts: ${JSON.stringify(related)}\n  writes of that field:\n${history.join('\n')}`;
    };
    /** The server's stored states of the dropped field, oldest first (from the audit trail). */
    const serverHistory = async (e: EditRecord): Promise<string> => {
      const states = await storedStates(url, adminToken, e.collection, e.id);
      return states.map((st) => `    server ${String(st.updatedAt)} by ${String(st.updatedBy).slice(0, 8)} deleted=${String(st._deleted)} ${e.field}=${JSON.stringify(getPath(st, e.field))}`).join('\n');
    };
    /** A client's steps for the document: from a few before the dropped write to 40 after it. */
    const stepsAround = (trace: string[], e: EditRecord): string[] => {
      const mine = trace.filter((line) => line.includes(e.id.slice(0, 8)) || line.startsWith('net '));
      const at = mine.findIndex((line) => line.includes(`local ${e.id.slice(0, 8)} ${e.field}=${e.marker}`));
      const picked = at < 0 ? mine.slice(-40) : mine.slice(Math.max(0, at - 5), at + 40);
      // Batched steps list many documents: keep this one's entry.
      const id8 = e.id.slice(0, 8);
      return picked.map((line) => line.replace(/\[([^\]]*)\]/g, (_m, list: string) => `[${list.split(',').filter((x) => x.includes(id8)).join(',')}]`));
    };
    /** The sync steps, for that document, of the users who wrote a state without the value. */
    const writerTraces = async (e: EditRecord): Promise<string> => {
      const states = await storedStates(url, adminToken, e.collection, e.id);
      const writers = new Set(states.filter((st, i) => i > 0 && JSON.stringify(getPath(st, e.field)) !== JSON.stringify(e.marker) && JSON.stringify(getPath(states[i - 1] as Record<string, unknown>, e.field)) === JSON.stringify(e.marker)).map((st) => String(st.updatedBy)));
      return reports.filter((r) => writers.has(r.userId) || r.name === e.client).map((r) => `  ${r.name === e.client ? 'the writer' : `${r.name} removed it`}; its steps for the document:\n${stepsAround(r.trace, e).map((l) => `    ${l.slice(0, 300)}`).join('\n')}`).join('\n');
    };
    const dropped = await Promise.all(accounting.dropped.slice(0, 15).map(async (e, i) => `${describeDrop(e)}${i < 3 ? `\n  stored states:\n${await serverHistory(e)}\n${await writerTraces(e)}` : ''}`));
    expect.soft(accounting.dropped.length, `silently dropped edits (seed ${SEED}):\n${dropped.join('\n')}`).toBe(0);
    expect.soft(accounting.total).toBeGreaterThan(specs.length * OPS_PER_CLIENT * 0.5);
    expect.soft(accounting.byOutcome.conflict, 'the run produced no same-field conflicts: it tests nothing').toBeGreaterThan(0);

    // 3. No duplicates, nothing refused, every created document on the server exactly once.
    const refused = reports.flatMap((r) => r.stats.refused.map((x) => `${r.name}: ${x.id} ${x.reason} ${x.message}`));
    expect.soft(refused).toEqual([]);
    const written = new Map<string, Set<string>>([['customers', new Set(hot.customers)], ['visits', new Set(hot.visits)]]);
    for (const e of edits) written.get(e.collection)?.add(e.id);
    expect.soft(new Set(finalState.customers.keys())).toEqual(written.get('customers'));
    expect.soft(new Set(finalState.visits.keys())).toEqual(written.get('visits'));
    const conflictKeys = conflicts.map((c) => JSON.stringify([c.targetCollection, c.documentId, c.field, c.keptValue, c.otherValue, c.otherBy]));
    expect.soft(conflictKeys.length - new Set(conflictKeys).size, 'duplicate conflict records').toBe(0);
    expect.soft(kills).toBe(2);
  }, 420_000);
});
