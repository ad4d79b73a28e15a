import { Subject, type Subscription } from 'rxjs';
import type { RxChangeEvent, RxCollection } from 'rxdb';
import { API, SYNCED_COLLECTIONS, type SyncedCollection, type TokenResponse } from '../../../../shared/sync/protocol';
import type { Role } from '../../../../shared/schemas';
import { mayWriteCollection } from '../../../../shared/sync/access';
import type { FieldbookDatabase } from '../../db/database';
import { ApiRequestError, describeError, isSessionEnd, type SessionEndReason } from '../auth/apiError';
import { TokenManager, type SecureStore } from '../auth/tokenManager';
import { replicateCollection, type CollectionReplication, type StreamItem } from './collectionReplication';
import { SharedEventStream } from './eventStream';
import { ServerStamps, stampOf } from './serverStamps';
import { loadPending, savePending, type PendingWrites } from './pendingWrites';
import { repairCollection } from './replicationRepair';
import { useSyncStore } from './syncStore';

export interface SyncEngineOptions {
  db: FieldbookDatabase;
  userId: string;
  /** The user's roles: collections they can never write replicate pull-only (mayWriteCollection). */
  roles: readonly Role[];
  serverUrl: string;
  deviceId: string;
  secure: SecureStore;
  /** Tokens of a sign-in that just happened (saves one refresh). */
  initialTokens?: TokenResponse | null;
  onSessionEnded(reason: SessionEndReason): void;
  onTokens?(tokens: TokenResponse): void;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/** After a reconnect, the repair pass waits this long once everything is in sync. */
const REPAIR_DELAY_MS = 2_000;
/** And it runs this often while connected, in case a live change was missed. */
const REPAIR_EVERY_MS = 10 * 60_000;

const firstSyncKey = (userId: string, serverUrl: string): string => `fieldbook.synced.${userId}.${serverUrl}`;

/** How long other collections wait for unsent adverse events before pushing anyway (a stuck report must not stop all sync). */
export const ADVERSE_EVENTS_FIRST_TIMEOUT_MS = 15_000;

/**
 * Runs the replication of every synced collection for the signed-in user: one RxDB
 * replication per collection (adverse events first), one shared event stream, one token
 * manager. Reports to useSyncStore what the status bar shows; the data itself stays in RxDB.
 */
export class SyncEngine {
  private readonly options: SyncEngineOptions;
  private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  private readonly tokens: TokenManager;
  private readonly stream: SharedEventStream;
  private readonly subjects = new Map<SyncedCollection, Subject<StreamItem<SyncedCollection>>>();
  private readonly replications = new Map<SyncedCollection, CollectionReplication>();
  private readonly serverStamps = new ServerStamps();
  private readonly pending: PendingWrites;
  private readonly subscriptions: Subscription[] = [];
  private readonly activeCount = new Map<SyncedCollection, boolean>();
  private savePendingTimer: ReturnType<typeof setTimeout> | null = null;
  private waitingTimer: ReturnType<typeof setTimeout> | null = null;
  private repairTimer: ReturnType<typeof setTimeout> | null = null;
  private repairInterval: ReturnType<typeof setInterval> | null = null;
  private repairing: Promise<number> | null = null;
  /** Resolves once the replications exist (see start). */
  private replicating: Promise<void> = Promise.resolve();
  private stopped = false;
  private ended = false;
  private readonly onOnline = () => this.syncNow();

  constructor(options: SyncEngineOptions) {
    this.options = options;
    this.storage = options.storage ?? localStorage;
    this.pending = loadPending(options.userId, this.storage);
    this.tokens = new TokenManager({
      serverUrl: options.serverUrl,
      deviceId: options.deviceId,
      secure: options.secure,
      onSessionEnded: (reason) => this.sessionEnded(reason),
      ...(options.onTokens ? { onTokens: options.onTokens } : {}),
    });
    if (options.initialTokens) this.tokens.accept(options.initialTokens);
    this.stream = new SharedEventStream({
      open: (signal) => this.tokens.fetch(API.stream, { signal, headers: { accept: 'text/event-stream' } }),
      onChange: (change) => {
        this.noteServerStates(change.collection, change.documents);
        this.subjects.get(change.collection)?.next({ documents: change.documents as never, checkpoint: change.checkpoint });
      },
      onResync: () => {
        for (const subject of this.subjects.values()) subject.next('RESYNC');
        this.scheduleRepair();
      },
      onConnected: (connected) => this.update({ connected }),
      onError: (error) => this.failed(error),
    });
  }

  /**
   * Starts syncing. Local writes are counted from now on; the replications and the event stream
   * begin once `replicateAfter` resolves (at start-up: when the first screen has its data, see
   * SyncRunner), so that their IndexedDB reads don't queue ahead of the screen's queries.
   */
  start(replicateAfter?: Promise<void>): void {
    const { db, serverUrl } = this.options;
    const firstSync = this.storage.getItem(firstSyncKey(this.options.userId, serverUrl)) === null;
    this.update({ running: true, waiting: this.pending.count, firstSync: firstSync ? { received: {}, done: [] } : null, error: null });

    for (const name of SYNCED_COLLECTIONS) {
      this.subjects.set(name, new Subject<StreamItem<SyncedCollection>>());
      const collection = db.collections[name] as RxCollection;
      this.subscriptions.push(collection.$.subscribe((event: RxChangeEvent<unknown>) => this.noteLocalWrite(name, event)));
    }
    this.replicating = replicateAfter ? replicateAfter.then(() => this.replicate()) : Promise.resolve(this.replicate());
  }

  private replicate(): void {
    if (this.stopped || this.ended) return;
    const { db, serverUrl } = this.options;
    for (const name of SYNCED_COLLECTIONS) {
      const subject = this.subjects.get(name)!;
      const collection = db.collections[name] as RxCollection;
      const replication = replicateCollection(name, collection as never, serverUrl, subject as never, {
        fetch: (path, init) => this.tokens.fetch(path, init),
        received: (c, docs) => this.noteServerStates(c, docs),
        isEcho: (c, doc) => this.serverStamps.isEcho(c, doc),
        pulled: (c, count) => this.pulled(c, count),
        pushed: (c, rows, refused) => {
          this.pending.acknowledge(c, rows.map((r) => ({ id: r.id, stamp: stampOf(r) })));
          this.pendingChanged();
          if (refused.length > 0) {
            this.update((s) => ({ refused: [...s.refused, ...refused.map((r) => ({ ...r, collection: c }))].slice(-200) }));
          }
        },
        succeeded: () => this.update({ error: null, lastSyncedAt: new Date().toISOString() }),
        failed: (error) => this.failed(error),
        ...(name === 'adverseevents' ? {} : { beforePush: () => this.adverseEventsFirst() }),
      }, { pullOnly: !mayWriteCollection(this.options.roles, name) }) as CollectionReplication;
      this.replications.set(name, replication);
      this.subscriptions.push(replication.active$.subscribe((active) => {
        this.activeCount.set(name, active);
        this.update({ active: [...this.activeCount.values()].some(Boolean) });
      }));
      void replication.awaitInitialReplication().then(() => this.initialDone(name), () => undefined);
      // Writes kept from an earlier run have all been offered to the server once the replication is in sync.
      void replication.awaitInSync().then(() => {
        if (this.pending.settleRestored(name)) this.pendingChanged();
      }, () => undefined);
    }
    this.stream.start();
    this.repairInterval = setInterval(() => this.scheduleRepair(), REPAIR_EVERY_MS);
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
  }

  /**
   * Once in sync, compare every collection with the server's version list and fetch what
   * differs (see replicationRepair). Resolves with the number of documents refreshed.
   */
  repair(): Promise<number> {
    this.repairing ??= (async () => {
      let refreshed = 0;
      try {
        await this.awaitInSync();
        for (const [name, replication] of this.replications) {
          if (this.stopped || this.ended || replication.isStopped() || replication.isPaused()) break;
          refreshed += await repairCollection(name, this.options.db.collections[name] as RxCollection, {
            fetch: (path, init) => this.tokens.fetch(path, init),
            emit: (item) => {
              if (item !== 'RESYNC') this.noteServerStates(name, item.documents as readonly { id: string }[]);
              this.subjects.get(name)?.next(item as never);
            },
            newestKnown: (id) => this.serverStamps.newest(name, id),
          });
        }
      } catch (error) {
        this.failed(error);
      } finally {
        this.repairing = null;
      }
      return refreshed;
    })();
    return this.repairing;
  }

  private scheduleRepair(): void {
    if (this.repairTimer || this.stopped) return;
    this.repairTimer = setTimeout(() => {
      this.repairTimer = null;
      void this.repair();
    }, REPAIR_DELAY_MS);
  }

  /** Pull and push everything now (the "sync now" button, the network coming back). */
  syncNow(): void {
    if (this.stopped || this.ended) return;
    for (const replication of this.replications.values()) replication.reSync();
    this.stream.reconnectNow();
    this.scheduleRepair();
  }

  /** Resolves when every collection has pushed and pulled all it knows of (tests, sign-out). */
  async awaitInSync(): Promise<void> {
    await this.replicating;
    await Promise.all([...this.replications.values()].map((r) => r.awaitInSync()));
  }

  /** An authorized request to the server's API (pages that need the network, e.g. the pharmacovigilance queue). */
  apiFetch(path: string, init?: RequestInit): Promise<Response> {
    return this.tokens.fetch(path, init);
  }

  /** The access token held now, for a best-effort sign-out. */
  peekAccessToken(): string | null {
    return this.tokens.peekAccessToken();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    this.stream.stop();
    this.tokens.dispose();
    for (const s of this.subscriptions.splice(0)) s.unsubscribe();
    if (this.savePendingTimer) clearTimeout(this.savePendingTimer);
    if (this.waitingTimer) clearTimeout(this.waitingTimer);
    if (this.repairTimer) clearTimeout(this.repairTimer);
    if (this.repairInterval) clearInterval(this.repairInterval);
    savePending(this.options.userId, this.pending, this.storage);
    await Promise.all([...this.replications.values()].map((r) => r.cancel().catch(() => undefined)));
    for (const subject of this.subjects.values()) subject.complete();
    this.update({ running: false, active: false, connected: false });
  }

  /**
   * Adverse-event reports are sent before anything else (pharmacovigilance's 24-hour clock):
   * every other collection's push first waits until the adverse-events replication is in sync.
   * Needed because after an outage all replications retry at the same moment (RxDB retries on
   * the browser's `online` event), so starting them in order alone would not decide who pushes
   * first. Bounded by a timeout so that a report the server keeps refusing never blocks the rest.
   */
  private async adverseEventsFirst(): Promise<void> {
    const reports = this.replications.get('adverseevents');
    if (!reports || this.stopped || this.ended) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ADVERSE_EVENTS_FIRST_TIMEOUT_MS);
    });
    try {
      await Promise.race([reports.awaitInSync().then(() => undefined, () => undefined), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private update(patch: Parameters<ReturnType<typeof useSyncStore.getState>['update']>[0]): void {
    if (!this.stopped) useSyncStore.getState().update(patch);
  }

  private failed(error: unknown): void {
    if (isSessionEnd(error)) return; // reported once through onSessionEnded
    const code = error instanceof ApiRequestError ? error.code : 'bad_response';
    this.update({ error: { code, message: describeError(error) } });
  }

  /** Only a new sign-in helps: stop talking to the server, keep counting local changes. */
  private sessionEnded(reason: SessionEndReason): void {
    if (this.stopped || this.ended) return;
    this.ended = true;
    this.stream.stop();
    for (const replication of this.replications.values()) void replication.pause();
    this.update({ error: { code: 'signed_out', message: reason }, active: false, connected: false });
    this.options.onSessionEnded(reason);
  }

  private noteServerStates(collection: SyncedCollection, docs: readonly { id: string }[]): void {
    this.serverStamps.note(collection, docs);
  }

  private noteLocalWrite(collection: SyncedCollection, event: RxChangeEvent<unknown>): void {
    const doc = event.documentData as { id?: string; updatedAt?: string } | undefined;
    if (!doc?.id) return;
    const stamp = typeof doc.updatedAt === 'string' ? doc.updatedAt : '';
    if (this.serverStamps.isServerState(collection, doc.id, stamp)) return; // written by the replication
    this.pending.noteWrite(collection, doc.id, stamp);
    this.pendingChanged();
  }

  /**
   * Bulk writes emit one event per document: the count shown is updated at most every 100 ms,
   * and kept across restarts (so it never claims "all sent" after a crash) at most twice a second.
   */
  private pendingChanged(): void {
    this.waitingTimer ??= setTimeout(() => {
      this.waitingTimer = null;
      this.update({ waiting: this.pending.count });
    }, 100);
    this.savePendingTimer ??= setTimeout(() => {
      this.savePendingTimer = null;
      savePending(this.options.userId, this.pending, this.storage);
    }, 500);
  }

  private pulled(collection: SyncedCollection, count: number): void {
    this.update((s) => s.firstSync
      ? { firstSync: { ...s.firstSync, received: { ...s.firstSync.received, [collection]: (s.firstSync.received[collection] ?? 0) + count } } }
      : {});
  }

  private initialDone(collection: SyncedCollection): void {
    this.update((s) => {
      if (!s.firstSync) return {};
      const done = [...new Set([...s.firstSync.done, collection])];
      if (done.length < SYNCED_COLLECTIONS.length) return { firstSync: { ...s.firstSync, done } };
      this.storage.setItem(firstSyncKey(this.options.userId, this.options.serverUrl), new Date().toISOString());
      return { firstSync: null };
    });
  }
}
