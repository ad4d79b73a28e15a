import { createHash } from 'node:crypto';
import { createRxDatabase, type RxCollection, type RxDatabase, type RxDocument } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { Subject } from 'rxjs';
import { login } from '../../renderer/src/features/auth/authApi';
import { ApiRequestError } from '../../renderer/src/features/auth/apiError';
import type { FetchLike } from '../../renderer/src/features/auth/http';
import { REFRESH_TOKEN_KEY, TokenManager, type SecureStore } from '../../renderer/src/features/auth/tokenManager';
import { replicateCollection, type CollectionReplication, type StreamItem } from '../../renderer/src/features/sync/collectionReplication';
import { SharedEventStream } from '../../renderer/src/features/sync/eventStream';
import { repairCollection } from '../../renderer/src/features/sync/replicationRepair';
import { ServerStamps } from '../../renderer/src/features/sync/serverStamps';
import { collectionCreators } from '../../shared/db/collections';
import { seededRandom } from '../../shared/demo/random';
import { CUSTOMER_TYPES, type DocTypes } from '../../shared/schemas';
import { API, type RefusedRow, type SyncedCollection, type TokenResponse } from '../../shared/sync/protocol';
import { hasErrors, validateDocument } from '../../shared/validation/validateDocument';
import { DELETED_FIELD, getPath, markersIn, type EditedCollection, type EditRecord } from './ledger';

/**
 * One Fieldbook installation for the sync tests: a real RxDB database (memory storage), signed in
 * through the real auth API, replicating with the app's own code (replicateCollection, TokenManager,
 * SharedEventStream, wired as SyncEngine wires them), and a seeded random user that edits,
 * creates and deletes while the network comes and goes. Every value it writes is a unique marker,
 * recorded in `edits` together with what the field held before (what the user saw and replaced).
 */

export const CLIENT_COLLECTIONS = ['customers', 'visits', 'conflicts'] as const satisfies readonly SyncedCollection[];
export type ClientCollection = (typeof CLIENT_COLLECTIONS)[number];
type Collections = { [K in ClientCollection]: RxCollection<DocTypes[K]> };

/** How a client goes offline: the network drops (requests fail, RxDB retries), the replication is paused, or the app is closed. */
export const OFFLINE_MODES = ['network', 'pause', 'restart'] as const;
export type OfflineMode = (typeof OFFLINE_MODES)[number];

export interface ClientSpec {
  name: string;
  userName: string;
  password: string;
  territoryId: string;
  seed: number;
}

export interface HotIds {
  customers: string[];
  visits: string[];
}

export interface OpsOptions {
  ops: number;
  /** Upper bound of the random pause between two operations. */
  maxDelayMs: number;
  hot: HotIds;
  onProgress?: (done: number) => void;
}

export interface ClientStats {
  ops: number;
  creates: number;
  fieldWrites: number;
  deletes: number;
  skipped: number;
  offline: Record<OfflineMode, number>;
  pushes: number;
  pushedRows: number;
  /** Rows the server answered with its own state (RxDB resolved a conflict). */
  resolvedConflicts: number;
  refused: RefusedRow[];
  /** Failed requests by error code (unreachable, internal, …): each one is retried by RxDB. */
  failures: Record<string, number>;
  /** Times the server ended the session (the user then signs in again, as the app asks them to). */
  sessionsEnded: number;
  /** Errors RxDB reported from inside the replication (not failed requests), by RxDB error code. */
  rxdbErrors: Record<string, number>;
  /** Documents the repair pass refreshed from the server's version lists. */
  repaired: number;
}

/** Fields a user edits; each holds a unique marker. "contacts" is an array (atomic in the merge). */
const FIELDS: Record<EditedCollection, readonly string[]> = {
  customers: ['notes', 'name', 'address.city', 'institution', 'department', 'title', 'specialty', 'address.line', 'assessment.attitude', 'assessment.needs', 'contacts'],
  visits: ['summary', 'nextStep', 'location', 'jointActions'],
};
/** The first fields of each list are where most writes go, so that users often edit the same field. */
const HOT_FIELDS = 3;

type Json = Record<string, unknown>;

function setPath(doc: Json, path: string, value: unknown): void {
  const parts = path.split('.');
  const last = parts.pop() as string;
  let node = doc;
  for (const part of parts) {
    const next = node[part];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[part] = {};
    node = node[part] as Json;
  }
  node[last] = value;
}

/** JSON with sorted keys and without RxDB's underscore fields: equal documents give equal text. */
/** Debug trace: id prefix, update time and author prefix of a document. */
const short = (d: Json): string => `${String(d.id).slice(0, 8)}@${String(d.updatedAt).slice(17, 23)}/${String(d.updatedBy).slice(0, 4)}${d._deleted ? 'X' : ''}`;

export function canonicalJson(doc: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object') {
      const out: Json = {};
      for (const key of Object.keys(v).sort()) {
        const x = (v as Json)[key];
        if (x !== undefined) out[key] = sort(x);
      }
      return out;
    }
    return v;
  };
  const top: Json = {};
  for (const [key, value] of Object.entries(doc as Json)) if (!key.startsWith('_')) top[key] = value;
  return JSON.stringify(sort(top));
}

export const digest = (text: string): string => createHash('sha1').update(text).digest('base64url');

const SERVER_OWNED = ['createdAt', 'updatedAt', 'createdBy', 'updatedBy'];

/** "<digest of the whole document>|<digest without the server-owned fields>". */
export function docDigests(doc: unknown): string {
  const data: Json = { ...(doc as Json) };
  for (const key of SERVER_OWNED) delete data[key];
  return `${digest(canonicalJson(doc))}|${digest(canonicalJson(data))}`;
}

function memorySecureStore(): SecureStore {
  const values = new Map<string, string | null>();
  return {
    secureGet: async (key) => ({ ok: true, value: values.get(key) ?? null }),
    secureSet: async (key, value) => {
      values.set(key, value);
      return { ok: true, value: undefined };
    },
  };
}

export class SyncClient {
  readonly edits: EditRecord[] = [];
  readonly stats: ClientStats = {
    ops: 0, creates: 0, fieldWrites: 0, deletes: 0, skipped: 0,
    offline: { network: 0, pause: 0, restart: 0 },
    pushes: 0, pushedRows: 0, resolvedConflicts: 0, refused: [], failures: {}, sessionsEnded: 0, rxdbErrors: {}, repaired: 0,
  };
  userId = '';

  private readonly spec: ClientSpec;
  private readonly serverUrl: string;
  private readonly dbName: string;
  private readonly deviceId: string;
  private readonly storage = getRxStorageMemory();
  private readonly secure = memorySecureStore();
  private readonly random: () => number;
  private db: RxDatabase<Collections> | null = null;
  private online = true;
  private offlineMode: OfflineMode | null = null;
  /** Aborted when the network drops: requests in flight fail like on a real connection loss. */
  private net = new AbortController();
  private tokens: TokenManager | null = null;
  private stream: SharedEventStream | null = null;
  /** Server states handed to the replications (SyncEngine keeps the same). */
  private readonly stamps = new ServerStamps();
  private readonly subjects = new Map<ClientCollection, Subject<StreamItem<ClientCollection>>>();
  private readonly replications = new Map<ClientCollection, CollectionReplication<ClientCollection>>();
  private readonly created: HotIds = { customers: [], visits: [] };
  /** Going on/offline, signing in again and settling run one at a time. */
  private lifecycle: Promise<unknown> = Promise.resolve();
  private needsSignIn = false;
  private localIds: HotIds = { customers: [], visits: [] };

  constructor(spec: ClientSpec, serverUrl: string, dbName: string) {
    this.spec = spec;
    this.serverUrl = serverUrl;
    this.dbName = dbName;
    this.deviceId = `device-${spec.name}-${dbName}`;
    this.random = seededRandom(spec.seed);
  }

  get name(): string {
    return this.spec.name;
  }

  /** The network as this laptop sees it: fails at once when offline, and drops what is in flight when the connection goes. */
  private readonly fetchFn: FetchLike = async (input, init = {}) => {
    if (!this.online) throw new TypeError('fetch failed: offline');
    const net = this.net.signal;
    const signal = init.signal ? AbortSignal.any([init.signal, net]) : net;
    try {
      return await fetch(input, { ...init, signal });
    } catch (error) {
      if (net.aborted && !init.signal?.aborted) throw new TypeError('fetch failed: connection lost', { cause: error });
      throw error;
    }
  };

  /** Signs in (real login) and starts replicating. */
  async open(): Promise<void> {
    const tokens = await this.signIn();
    this.userId = tokens.user.id;
    await this.openDatabase();
    this.startSync(tokens);
  }

  private async signIn(): Promise<TokenResponse> {
    const tokens = await login(this.serverUrl, { userName: this.spec.userName, password: this.spec.password, deviceId: this.deviceId, deviceName: `Test laptop ${this.spec.name}` }, this.fetchFn);
    await this.secure.secureSet(REFRESH_TOKEN_KEY, tokens.refreshToken);
    return tokens;
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.lifecycle.then(task, task);
    this.lifecycle = run.catch(() => undefined);
    return run;
  }

  /**
   * The server ended the session (e.g. a refresh whose answer was lost: its rotated token looks
   * stolen when presented again). The app asks the user to sign in again; so does this user, as
   * soon as it is online. Local changes stay and are pushed after the new sign-in.
   */
  private sessionEnded(reason: string): void {
    if (this.needsSignIn) return;
    this.needsSignIn = true;
    this.stats.sessionsEnded += 1;
    this.note(`net session ended: ${reason}`);
    void this.serial(() => this.signInAgain());
    this.onSessionEnd?.();
  }

  private async signInAgain(): Promise<void> {
    if (!this.needsSignIn || !this.online) return;
    await this.stopSync();
    for (let attempt = 1; ; attempt++) {
      try {
        const tokens = await this.signIn();
        this.needsSignIn = false;
        this.note('net signed in again');
        this.startSync(tokens);
        return;
      } catch (error) {
        // The server may be restarting; offline, goOnline() signs in later.
        if (!this.online || attempt >= 40) {
          this.startSync();
          if (attempt >= 40) throw error;
          return;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  private async stopSync(): Promise<void> {
    this.stream?.stop();
    this.stream = null;
    this.tokens?.dispose();
    this.tokens = null;
    await Promise.all([...this.replications.values()].map((r) => r.cancel()));
    this.replications.clear();
    for (const subject of this.subjects.values()) subject.complete();
    this.subjects.clear();
  }

  private requireTokens(): TokenManager {
    if (!this.tokens) throw new ApiRequestError('signed_out', `${this.name}: not signed in`);
    return this.tokens;
  }

  private async openDatabase(): Promise<void> {
    const db = await createRxDatabase<Collections>({ name: this.dbName, storage: this.storage, multiInstance: false, eventReduce: true });
    const all = collectionCreators();
    await db.addCollections({ customers: all.customers, visits: all.visits, conflicts: all.conflicts });
    this.db = db;
  }

  private startSync(initialTokens?: TokenResponse): void {
    const db = this.requireDb();
    const tokens = new TokenManager({
      serverUrl: this.serverUrl, deviceId: this.deviceId, secure: this.secure, fetch: this.fetchFn,
      onSessionEnded: (reason) => this.sessionEnded(reason),
    });
    if (initialTokens) tokens.accept(initialTokens);
    this.tokens = tokens;
    for (const name of CLIENT_COLLECTIONS) {
      const subject = new Subject<StreamItem<ClientCollection>>();
      this.subjects.set(name, subject);
      const replication = replicateCollection(name, db[name] as never, this.serverUrl, subject as never, {
        fetch: async (path, init) => {
          const response = await this.requireTokens().fetch(path, init);
          if (path.includes('/pull')) {
            const body = (await response.clone().json()) as { documents: { id: string }[]; checkpoint: { seq: number } };
            this.note(`${name} pull ${path.split('?')[1]} -> ${body.checkpoint.seq} [${body.documents.map(short).join(',')}]`);
          } else if (path.includes('/push')) {
            const sent = JSON.parse(String(init?.body ?? '{}')) as { rows: { newDocumentState: Json; assumedMasterState?: Json }[] };
            const body = (await response.clone().json()) as { conflicts: Json[] };
            this.note(`${name} push [${sent.rows.map((r) => `${short(r.newDocumentState)}<${r.assumedMasterState ? short(r.assumedMasterState) : '-'}`).join(',')}] -> [${body.conflicts.map(short).join(',')}]`);
          }
          return response;
        },
        received: (c, docs) => this.stamps.note(c, docs),
        isEcho: (c, doc) => {
          const echo = this.stamps.isEcho(c, doc);
          if (echo) this.note(`${name} echo ${short(doc as unknown as Json)}`);
          return echo;
        },
        pulled: () => undefined,
        pushed: (_c, rows, refused) => {
          this.stats.pushes += 1;
          this.stats.pushedRows += rows.length;
          this.stats.refused.push(...refused);
        },
        succeeded: () => undefined,
        failed: (error) => {
          const code = error instanceof ApiRequestError ? error.code : error instanceof Error ? error.name : 'unknown';
          this.stats.failures[code] = (this.stats.failures[code] ?? 0) + 1;
          this.note(`${name} failed ${code}: ${error instanceof Error ? error.message.slice(0, 120) : ''}`);
        },
      }) as CollectionReplication<ClientCollection>;
      replication.conflict$.subscribe((c) => {
        this.stats.resolvedConflicts += 1;
        this.note(`${name} resolved ${short(c.output as unknown as Json)}`);
      });
      replication.received$.subscribe((d) => this.note(`${name} wrote ${short(d as unknown as Json)}`));
      replication.error$.subscribe((error) => {
        // RC_PULL/RC_PUSH wrap the failed requests counted above; anything else is RxDB failing inside.
        const code = (error as { code?: string }).code ?? 'unknown';
        const inner = (error as { parameters?: { errors?: unknown[] } }).parameters?.errors;
        if ((code === 'RC_PULL' || code === 'RC_PUSH') && Array.isArray(inner) && inner.length > 0) return;
        this.stats.rxdbErrors[code] = (this.stats.rxdbErrors[code] ?? 0) + 1;
        this.note(`${name} rxdb error ${code}: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
      });
      this.replications.set(name, replication);
    }
    this.stream = new SharedEventStream({
      open: (signal) => this.requireTokens().fetch(API.stream, { signal, headers: { accept: 'text/event-stream' } }),
      onChange: (change) => {
        this.stamps.note(change.collection, change.documents);
        this.note(`${change.collection} event ${change.checkpoint.seq} [${change.documents.map(short).join(',')}]`);
        if ((CLIENT_COLLECTIONS as readonly string[]).includes(change.collection)) {
          this.subjects.get(change.collection as ClientCollection)?.next({ documents: change.documents as never, checkpoint: change.checkpoint });
        }
      },
      onResync: () => {
        this.note('net resync');
        for (const subject of this.subjects.values()) subject.next('RESYNC');
      },
    });
    this.stream.start();
  }

  private requireDb(): RxDatabase<Collections> {
    if (!this.db) throw new Error(`${this.name}: database is closed`);
    return this.db;
  }

  goOffline(mode: OfflineMode): Promise<void> {
    return this.serial(() => this.offline(mode));
  }

  goOnline(): Promise<void> {
    return this.serial(() => this.onlineAgain());
  }

  private async offline(mode: OfflineMode): Promise<void> {
    if (!this.online) return;
    this.note(`net offline ${mode}`);
    this.online = false;
    this.offlineMode = mode;
    this.stats.offline[mode] += 1;
    this.net.abort();
    if (mode === 'pause') {
      this.stream?.stop();
      await Promise.all([...this.replications.values()].map((r) => r.pause()));
    } else if (mode === 'restart') {
      // The app is closed (replications cancelled, database closed; the data stays, memory storage keeps it)
      // and started again without a network: same database, a new token manager without an access token.
      await this.stopSync();
      await this.requireDb().close();
      this.db = null;
      await this.openDatabase();
      this.startSync();
    }
  }

  private async onlineAgain(): Promise<void> {
    if (this.online) return;
    this.note('net online');
    this.net = new AbortController();
    this.online = true;
    const mode = this.offlineMode;
    this.offlineMode = null;
    if (mode === 'pause') {
      await Promise.all([...this.replications.values()].map((r) => r.start()));
      this.stream?.start();
    } else {
      // What SyncEngine does on the browser's "online" event.
      for (const r of this.replications.values()) r.reSync();
      this.stream?.reconnectNow();
    }
    await this.signInAgain();
  }

  /**
   * Online, everything pushed and pulled (call again until the server state no longer moves).
   * The wait is not part of the serialized lifecycle: a session that ends meanwhile is signed in
   * again (which replaces the replications), then the wait starts over.
   */
  async settle(): Promise<void> {
    for (;;) {
      await this.serial(async () => {
        await this.onlineAgain();
        await this.signInAgain();
        for (const r of this.replications.values()) r.reSync();
      });
      const ended = new Promise<'ended'>((resolve) => {
        this.onSessionEnd = () => resolve('ended');
      });
      // What SyncEngine.repair() does once in sync after a reconnect.
      const synced = Promise.all([...this.replications.values()].map((r) => r.awaitInSync()))
        .then(() => this.repair())
        .then(() => Promise.all([...this.replications.values()].map((r) => r.awaitInSync())))
        .then(() => 'synced' as const);
      const outcome = await Promise.race([synced, ended]);
      this.onSessionEnd = null;
      if (outcome === 'synced' && !this.needsSignIn) return;
      await this.lifecycle;
    }
  }

  /** SyncEngine.repair(): fetch what differs from the server's version lists, feed it to the replications. */
  private async repair(): Promise<void> {
    const db = this.requireDb();
    for (const name of CLIENT_COLLECTIONS) {
      const refreshed = await repairCollection(name, db[name] as never, {
        fetch: (path, init) => this.requireTokens().fetch(path, init),
        emit: (item) => {
          if (item !== 'RESYNC') {
            this.stamps.note(name, item.documents as readonly { id: string }[]);
            this.note(`${name} repair [${item.documents.map((d) => short(d as unknown as Json)).join(',')}]`);
          }
          this.subjects.get(name)?.next(item as never);
        },
        newestKnown: (id) => this.stamps.newest(name, id),
      });
      this.stats.repaired += refreshed;
    }
  }

  /** Set while settle() waits: called when the session ends. */
  private onSessionEnd: (() => void) | null = null;

  /** Digests (docDigests) of every live document per collection, keyed by id. */
  async snapshot(): Promise<Record<ClientCollection, Record<string, string>>> {
    const out = {} as Record<ClientCollection, Record<string, string>>;
    for (const name of CLIENT_COLLECTIONS) {
      const docs = await (this.requireDb()[name] as unknown as RxCollection<Json>).find().exec();
      const map: Record<string, string> = {};
      for (const doc of docs) map[doc.primary] = docDigests(doc.toMutableJSON());
      out[name] = map;
    }
    return out;
  }

  /** The local copies (deleted ones too, with `_deleted`), or null where the client has none. */
  async documents(collection: ClientCollection, ids: readonly string[]): Promise<Record<string, Json | null>> {
    const found = await this.requireDb()[collection].storageInstance.findDocumentsById([...ids], true);
    const out: Record<string, Json | null> = {};
    for (const id of ids) out[id] = null;
    for (const doc of found) {
      const { _meta: _m, _rev: _r, _attachments: _a, ...data } = doc as unknown as Json;
      out[String(data.id)] = data;
    }
    return out;
  }

  /** Debugging a failure: the raw local state (deleted included), the down checkpoint and the recent sync trace. */
  async inspect(collection: ClientCollection, ids: readonly string[]): Promise<unknown> {
    const db = this.requireDb();
    const raw = await db[collection].storageInstance.findDocumentsById([...ids], true);
    const internal = (this.replications.get(collection) as unknown as { internalReplicationState?: { lastCheckpointDoc?: Record<string, { checkpointData?: unknown } | undefined> } })?.internalReplicationState;
    const prefixes = ids.map((id) => id.slice(0, 8));
    const trace = this.trace
      .filter((t) => t.startsWith('net') || t.startsWith(collection))
      .map((t) => (prefixes.some((p) => t.includes(p)) ? t : t.replace(/\[([^\]]*)\]/g, (_m, list: string) => `[${list ? list.split(',').length : 0}]`)));
    return { raw, checkpoint: internal?.lastCheckpointDoc?.down?.checkpointData, trace };
  }

  readonly trace: string[] = [];
  private note(line: string): void {
    this.trace.push(`${line} @${new Date().toISOString().slice(11, 23)}`);
    if (this.trace.length > 60000) this.trace.splice(0, 10000);
  }

  async close(): Promise<void> {
    this.stream?.stop();
    this.tokens?.dispose();
    if (this.db) await this.db.close();
    this.db = null;
  }

  // ---- the random user ---------------------------------------------------------------

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private pick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[Math.floor(this.random() * items.length)];
  }

  private marker(op: number, k: number): string {
    return `${this.spec.name}.${op}.${k}`;
  }

  private meta(now: string): { createdAt: string; updatedAt: string; createdBy: string; updatedBy: string } {
    return { createdAt: now, updatedAt: now, createdBy: this.userId, updatedBy: this.userId };
  }

  private check(collection: EditedCollection, doc: Json): void {
    const { _deleted: _d, _meta: _m, _rev: _r, _attachments: _a, ...plain } = doc;
    const errors = validateDocument(collection, plain);
    if (hasErrors(errors)) throw new Error(`${this.name} would write an invalid ${collection} document: ${JSON.stringify(errors)}`);
  }

  private record(collection: EditedCollection, id: string, field: string, marker: string, replaced: string[], op: number): void {
    this.edits.push({ client: this.name, collection, id, field, marker, replaced, op, at: Date.now() });
    this.note(`${collection} local ${id.slice(0, 8)} ${field}=${marker} replacing ${replaced.join('|')}`);
  }

  async runOps({ ops, maxDelayMs, hot, onProgress }: OpsOptions): Promise<void> {
    for (let op = 0; op < ops; op++) {
      // The network comes and goes; work goes on offline.
      if (this.online ? this.chance(0.04) : this.chance(0.1)) {
        if (this.online) {
          const r = this.random();
          await this.goOffline(r < 0.45 ? 'network' : r < 0.8 ? 'pause' : 'restart');
        } else await this.goOnline();
      }
      if (op % 25 === 0) await this.refreshLocalIds();
      const r = this.random();
      if (r < 0.1) await this.createCustomer(op);
      else if (r < 0.16) await this.createVisit(op, hot);
      else if (r < 0.19) await this.deleteSome(op, hot);
      else await this.editSome(op, hot);
      this.stats.ops += 1;
      if (op % 10 === 9) onProgress?.(op + 1);
      await new Promise((res) => setTimeout(res, Math.floor(this.random() * maxDelayMs)));
    }
    onProgress?.(ops);
  }

  private async refreshLocalIds(): Promise<void> {
    const db = this.requireDb();
    const [customers, visits] = await Promise.all([db.customers.find().exec(), db.visits.find().exec()]);
    this.localIds = { customers: customers.map((d) => d.primary), visits: visits.map((d) => d.primary) };
  }

  private chooseDoc(collection: EditedCollection, hot: HotIds): string | undefined {
    const r = this.random();
    if (r < 0.45) return this.pick(hot[collection]);
    if (r < 0.8) return this.pick(this.localIds[collection]);
    return this.pick(this.created[collection]) ?? this.pick(hot[collection]);
  }

  private async findLive(collection: EditedCollection, id: string): Promise<RxDocument<Json> | null> {
    return (this.requireDb()[collection] as unknown as RxCollection<Json>).findOne(id).exec();
  }

  private async createCustomer(op: number): Promise<void> {
    const now = new Date().toISOString();
    const id = globalThis.crypto.randomUUID();
    const doc: Json = {
      id,
      code: `${this.spec.name}-${op}`,
      name: this.marker(op, 0),
      type: this.pick(CUSTOMER_TYPES) ?? 'hcp',
      territoryId: this.spec.territoryId,
      ownerId: this.userId,
      notes: this.marker(op, 1),
      address: { city: this.marker(op, 2) },
      ...this.meta(now),
    };
    this.check('customers', doc);
    await this.requireDb().customers.insert(doc as never);
    this.created.customers.push(id);
    this.stats.creates += 1;
    this.record('customers', id, 'name', this.marker(op, 0), [], op);
    this.record('customers', id, 'notes', this.marker(op, 1), [], op);
    this.record('customers', id, 'address.city', this.marker(op, 2), [], op);
  }

  private async createVisit(op: number, hot: HotIds): Promise<void> {
    const customerId = this.pick([...hot.customers, ...this.created.customers]);
    if (!customerId) return;
    const now = new Date().toISOString();
    const id = globalThis.crypto.randomUUID();
    const doc: Json = {
      id,
      customerId,
      territoryId: this.spec.territoryId,
      repId: this.userId,
      kind: 'visit',
      status: 'draft',
      startAt: now,
      summary: this.marker(op, 0),
      location: this.marker(op, 1),
      ...this.meta(now),
    };
    this.check('visits', doc);
    await this.requireDb().visits.insert(doc as never);
    this.created.visits.push(id);
    this.stats.creates += 1;
    this.record('visits', id, 'summary', this.marker(op, 0), [], op);
    this.record('visits', id, 'location', this.marker(op, 1), [], op);
  }

  private async editSome(op: number, hot: HotIds): Promise<void> {
    const collection: EditedCollection = this.chance(0.65) ? 'customers' : 'visits';
    const id = this.chooseDoc(collection, hot);
    const doc = id ? await this.findLive(collection, id) : null;
    if (!id || !doc) {
      this.stats.skipped += 1;
      return;
    }
    const all = FIELDS[collection];
    const count = 1 + Math.floor(this.random() * 2);
    const fields = new Set<string>();
    while (fields.size < count) fields.add((this.chance(0.6) ? this.pick(all.slice(0, HOT_FIELDS)) : this.pick(all)) as string);
    const values = [...fields].map((field, k) => {
      const marker = this.marker(op, k);
      return { field, marker, value: field === 'contacts' ? [{ name: marker, role: 'contact' }] : marker };
    });
    let replaced: string[][] = [];
    const now = new Date().toISOString();
    await doc.incrementalModify((data) => {
      // Runs on the latest local state (again if it changed in between): `replaced` is what the user had on screen.
      replaced = values.map(({ field }) => markersIn(getPath(data, field)).filter((m) => m !== 'contact'));
      for (const { field, value } of values) setPath(data, field, value);
      data.updatedAt = now;
      data.updatedBy = this.userId;
      this.check(collection, data);
      return data;
    });
    values.forEach(({ field, marker }, k) => this.record(collection, id, field, marker, replaced[k] ?? [], op));
    this.stats.fieldWrites += values.length;
  }

  private async deleteSome(op: number, hot: HotIds): Promise<void> {
    const collection: EditedCollection = this.chance(0.6) ? 'customers' : 'visits';
    // Mostly what this user created; sometimes a document everybody works on.
    const id = this.chance(0.7) ? this.pick(this.created[collection]) : this.chooseDoc(collection, hot);
    const doc = id ? await this.findLive(collection, id) : null;
    if (!id || !doc) {
      this.stats.skipped += 1;
      return;
    }
    await doc.incrementalRemove();
    this.stats.deletes += 1;
    this.record(collection, id, DELETED_FIELD, 'true', [], op);
  }
}
