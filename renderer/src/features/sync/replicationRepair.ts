import type { RxCollection } from 'rxdb';
import { contentHash, staleIds } from '../../../../shared/sync/docVersion';
import { API, MAX_BATCH, type FetchResponse, type SyncDoc, type SyncedCollection, type VersionsResponse } from '../../../../shared/sync/protocol';
import { readJson } from '../auth/http';
import type { StreamItem } from './collectionReplication';
import { stampOf } from './serverStamps';

export interface RepairDeps<C extends SyncedCollection> {
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Hands server states to the replication, as the event stream does. */
  emit(item: StreamItem<C>): void;
  /** The newest server stamp already handed to the replication for a document (pull, push answer, stream). */
  newestKnown(id: string): string;
}

/**
 * Anti-entropy for one collection, run once the replication says it is in sync: compares every
 * local document with the server's version list and feeds the ones that differ into the
 * replication as server states. Why: RxDB 17.6's replication can leave a copy behind the server
 * in two races (a RESYNC queued behind a stream event is dropped; a server state that arrives
 * while a push of the same document is in flight is skipped while the checkpoint moves on), and
 * then says "in sync" although it is not. Reproduced in test/sync/rxdbReplication.test.ts.
 * Returns how many documents were refreshed.
 */
export async function repairCollection<C extends SyncedCollection>(name: C, collection: RxCollection, deps: RepairDeps<C>): Promise<number> {
  const listed = await readJson<VersionsResponse>(await deps.fetch(API.versions(name)));
  const local = new Map<string, string>();
  for (const doc of await collection.find().exec()) local.set(doc.primary, contentHash(doc.toJSON() as Record<string, unknown>));
  const stale = staleIds(listed.versions, local);
  if (stale.length === 0) return 0;

  const fetched: SyncDoc<C>[] = [];
  for (let i = 0; i < stale.length; i += MAX_BATCH) {
    const response = await deps.fetch(API.fetch(name), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: stale.slice(i, i + MAX_BATCH) }),
    });
    fetched.push(...(await readJson<FetchResponse<C>>(response)).documents);
  }
  // A newer server state may have arrived meanwhile (stream, pull): never go back to an older one.
  // Checked synchronously before emitting: what arrives after this is queued behind it.
  const documents = fetched.filter((doc) => deps.newestKnown(doc.id) <= stampOf(doc));
  if (documents.length > 0) deps.emit({ documents: documents as never, checkpoint: listed.checkpoint });
  return documents.length;
}
