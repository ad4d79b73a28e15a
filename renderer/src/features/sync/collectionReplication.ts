import type { Subject } from 'rxjs';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { RxCollection, RxReplicationPullStreamItem, RxReplicationWriteToMasterRow } from 'rxdb';
import type { DocTypes } from '../../../../shared/schemas';
import {
  API, DEFAULT_PULL_LIMIT, type PullResponse, type PushResponse, type RefusedRow, type SyncCheckpoint, type SyncDoc,
  type SyncedCollection,
} from '../../../../shared/sync/protocol';
import { ApiRequestError } from '../auth/apiError';
import { readJson } from '../auth/http';

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
  /** A push was answered: every row is acknowledged; `refused` were not written. */
  pushed(collection: SyncedCollection, rows: readonly SyncDoc[], refused: readonly RefusedRow[]): void;
  /** Awaited before each push (adverse events go first: see SyncEngine.adverseEventsFirst). */
  beforePush?(): Promise<void>;
  succeeded(): void;
  failed(error: unknown): void;
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

  return replicateRxCollection<DocTypes[C], SyncCheckpoint>({
    replicationIdentifier: `fieldbook-${name}-${serverUrl}`,
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
    push: {
      batchSize: PUSH_BATCH_SIZE,
      handler: (rows: RxReplicationWriteToMasterRow<DocTypes[C]>[]) =>
        guarded(async () => {
          await hooks.beforePush?.();
          const response = await hooks.fetch(API.push(name), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ rows }),
          });
          const body = checkPush(await readJson<PushResponse<C>>(response));
          hooks.received?.(name, body.conflicts);
          hooks.pushed(name, rows.map((r) => r.newDocumentState as unknown as SyncDoc), body.refused);
          return body.conflicts as never;
        }),
    },
  });
}
