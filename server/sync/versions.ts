import { canRead, readScope } from '../../shared/sync/access';
import type { Actor } from '../../shared/sync/actor';
import { docVersion, type DocVersion } from '../../shared/sync/docVersion';
import { MAX_BATCH, type FetchResponse, type SyncDoc, type SyncedCollection, type VersionsResponse } from '../../shared/sync/protocol';
import { badRequest, HttpError, isPlainObject } from '../http/errors';
import type { Store } from '../store/types';

/** Every readable document's version, read page by page in seq order like a pull from 0. */
export async function versions(store: Store, actor: Actor, collection: SyncedCollection): Promise<VersionsResponse> {
  const scope = readScope(actor, collection);
  const out: DocVersion[] = [];
  let cursor = 0;
  for (;;) {
    const rows = await store.pull(collection, cursor, MAX_BATCH, scope);
    for (const row of rows) {
      cursor = row.seq;
      if (canRead(actor, collection, row.data)) out.push(docVersion(row.data as SyncDoc & Record<string, unknown>));
    }
    if (rows.length < MAX_BATCH) break;
  }
  return { versions: out, checkpoint: { seq: cursor } };
}

export function parseFetchBody(body: unknown): string[] {
  if (!isPlainObject(body) || !Array.isArray(body.ids)) throw badRequest('Body must be a JSON object {"ids": [...]}');
  const ids = body.ids as unknown[];
  if (ids.length > MAX_BATCH) throw new HttpError(400, 'batch_too_large', `At most ${MAX_BATCH} ids per fetch (got ${ids.length})`);
  for (const [i, id] of ids.entries()) {
    if (typeof id !== 'string' || id.length === 0 || id.length > 64) throw badRequest(`ids[${i}] must be a string of 1 to 64 characters`);
  }
  return ids as string[];
}

/** The server state of the given documents that this actor may read (others are left out). */
export async function fetchDocs(store: Store, actor: Actor, collection: SyncedCollection, ids: readonly string[]): Promise<FetchResponse> {
  const found = await store.getDocs(collection, ids);
  const documents = [...found.values()].map((row) => row.data).filter((doc) => canRead(actor, collection, doc));
  return { documents };
}
