import { canRead, readScope } from '../../shared/sync/access';
import type { Actor } from '../../shared/sync/actor';
import { DEFAULT_PULL_LIMIT, MAX_BATCH, type PullResponse, type SyncDoc, type SyncedCollection } from '../../shared/sync/protocol';
import { queryInt } from '../http/errors';
import type { Store } from '../store/types';

/** Store pages examined per pull at most, when many rows in scope are hidden by canRead. */
const MAX_PAGES = 20;

export function parsePullQuery(query: unknown): { seq: number; limit: number } {
  const q = (query ?? {}) as Record<string, unknown>;
  return {
    seq: queryInt(q.seq, 'seq', { min: 0, fallback: 0 }),
    limit: queryInt(q.limit, 'limit', { min: 1, max: MAX_BATCH, fallback: DEFAULT_PULL_LIMIT }),
  };
}

/**
 * Rows after the checkpoint that this actor may read, in seq order. The checkpoint advances
 * past rows that were examined but hidden, so that a client never re-reads them; the page is
 * filled up to `limit` visible rows, because RxDB stops pulling at the first short page.
 */
export async function pull(store: Store, actor: Actor, collection: SyncedCollection, seq: number, limit: number): Promise<PullResponse> {
  const scope = readScope(actor, collection);
  const documents: SyncDoc[] = [];
  let cursor = seq;
  for (let page = 0; page < MAX_PAGES && documents.length < limit; page++) {
    const want = limit - documents.length;
    const rows = await store.pull(collection, cursor, want, scope);
    for (const row of rows) {
      cursor = row.seq;
      if (canRead(actor, collection, row.data)) documents.push(row.data);
    }
    if (rows.length < want) break;
  }
  return { documents, checkpoint: { seq: cursor } };
}
