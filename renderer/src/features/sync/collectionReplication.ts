import type { Subject } from 'rxjs';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { RxCollection, RxReplicationPullStreamItem, RxReplicationWriteToMasterRow } from 'rxdb';
import type { DocTypes } from '../../../../shared/schemas';
import {
  API, DEFAULT_PULL_LIMIT, type FetchResponse, type PullResponse, type PushResponse, type RefusedRow, type SyncCheckpoint, type SyncDoc,
  type SyncedCollection,
} from '../../../../shared/sync/protocol';
import { ApiRequestError } from '../auth/apiError';
import { readJson } from '../auth/http';
import { stampOf } from './serverStamps';

/** Push batches: large enough for a day's offline work in a few requests, well under MAX_BATCH. */
export const PUSH_BATCH_SIZE = 200;
export const PULL_BATCH_SIZE = DEFAULT_PULL_LIMIT;

export type StreamItem<C extends SyncedCollection> = RxReplicationPullStreamItem<DocTypes[C], SyncCheckpoint>;
export type CollectionReplication<C extends SyncedCollection = SyncedCollection> = RxReplicationState<DocTypes[C], SyncCheckpoint>;

export interface ReplicationHooks {
  /** Authorized fetch against the server (TokenManager.fetch). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  pulled(collection: SyncedCollection, count: number): void;
  /** Server states about to be written locally (pulled, or the master state after a conflict). */
  received?(collection: SyncedCollection, documents: readonly { id: string }[]): void;
  /**
   * The row is a server state received earlier, offered again by RxDB (its copy was reset to an
   * older state): not a user's edit, so it is not pushed (that would undo the newer writes).
   */
  isEcho?(collection: SyncedCollection, doc: SyncDoc): boolean;
  /** A push was answered: every row is acknowledged; `refused` were not written. */
  pushed(collection: SyncedCollection, rows: readonly SyncDoc[], refused: readonly RefusedRow[]): void;
  /** Awaited before each push (adverse events go first: see SyncEngine.adverseEventsFirst). */
  beforePush?(): Promise<void>;
  succeeded(): void;
  failed(error: unknown): void;
}

/** Same server stamp and deleted flag (the server stamps every state it writes). */
function sameState(a: unknown, b: unknown): boolean {
  return stampOf(a) === stampOf(b) && (a as { _deleted?: unknown })._deleted === (b as { _deleted?: unknown })._deleted;
}

function checkPull<C extends SyncedCollection>(body: PullResponse<C>): PullResponse<C> {
  if (!body || !Array.isArray(body.documents) || typeof body.checkpoint?.seq !== 'number') {
    throw new ApiRequestError('bad_response', 'The pull answer has no documents or checkpoint');
  }
  return body;
}

function checkPush<C extends SyncedCollection>(body: PushResponse<C>): PushResponse<C> {
  if (!body || !Array.isArray(body.conflicts)) throw new ApiRequestError('bad_response', 'The push answer has no conflicts list');
  return { conflicts: body.conflicts, refused: Array.isArray(body.refused) ? body.refused : [] };
}

/**
 * RxDB's replication of one collection against the server: pull by sequence checkpoint,
 * push with assumedMasterState (the server's `conflicts` become the master state RxDB adopts),
 * live changes from the shared event stream.
 */
export function replicateCollection<C extends SyncedCollection>(
  name: C,
  collection: RxCollection<DocTypes[C]>,
  serverUrl: string,
  stream$: Subject<StreamItem<C>>,
  hooks: ReplicationHooks,
  options: { pullOnly?: boolean } = {},
): CollectionReplication<C> {
  const guarded = async <T>(task: () => Promise<T>): Promise<T> => {
    try {
      const result = await task();
      hooks.succeeded();
      return result;
    } catch (error) {
      hooks.failed(error);
      throw error;
    }
  };

  const fetchCurrent = async (ids: string[]): Promise<SyncDoc<C>[]> => {
    const response = await hooks.fetch(API.fetch(name), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids }),
    });
    const body = await readJson<FetchResponse<C>>(response);
    if (!body || !Array.isArray(body.documents)) throw new ApiRequestError('bad_response', 'The fetch answer has no documents');
    return body.documents;
  };

  const push = {
    batchSize: PUSH_BATCH_SIZE,
    handler: (all: RxReplicationWriteToMasterRow<DocTypes[C]>[]) =>
      guarded(async () => {
        await hooks.beforePush?.();
        // A state equal to the assumed one is RxDB confirming a resolved conflict: that one is sent.
        const isEcho = (r: RxReplicationWriteToMasterRow<DocTypes[C]>): boolean =>
          r.assumedMasterState !== undefined && sameState(r.newDocumentState, r.assumedMasterState) === false
          && hooks.isEcho?.(name, r.newDocumentState as unknown as SyncDoc) === true;
        const rows = all.filter((r) => !isEcho(r));
        const echoes = all.filter(isEcho);
        let answer: PushResponse<C> = { conflicts: [], refused: [] };
        if (rows.length > 0) {
          const response = await hooks.fetch(API.push(name), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ rows }),
          });
          answer = checkPush(await readJson<PushResponse<C>>(response));
        }
        // An echo is answered with the server's current state, which RxDB then adopts.
        if (echoes.length > 0) answer.conflicts.push(...(await fetchCurrent(echoes.map((r) => (r.newDocumentState as unknown as SyncDoc).id))));
        hooks.received?.(name, answer.conflicts);
        hooks.pushed(name, rows.map((r) => r.newDocumentState as unknown as SyncDoc), answer.refused);
        return answer.conflicts as never;
      }),
  };

  return replicateRxCollection<DocTypes[C], SyncCheckpoint>({
    // Pull-only keeps its own replication state: switching (a role change) starts it afresh.
    replicationIdentifier: `fieldbook-${name}-${serverUrl}${options.pullOnly ? '-pull' : ''}`,
    collection,
    live: true,
    retryTime: 5_000,
    waitForLeadership: true,
    autoStart: true,
    pull: {
      batchSize: PULL_BATCH_SIZE,
      stream$: stream$.asObservable(),
      handler: (checkpoint, batchSize) =>
        guarded(async () => {
          const seq = checkpoint?.seq ?? 0;
          const response = await hooks.fetch(`${API.pull(name)}?seq=${seq}&limit=${batchSize}`);
          const body = checkPull(await readJson<PullResponse<C>>(response));
          hooks.received?.(name, body.documents);
          hooks.pulled(name, body.documents.length);
          return { documents: body.documents as never, checkpoint: body.checkpoint };
        }),
    },
    // Without a push side RxDB keeps no copy of the server's state per document: one write per pulled document instead of two.
    ...(options.pullOnly ? {} : { push }),
  });
}
