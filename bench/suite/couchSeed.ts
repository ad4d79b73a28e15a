/**
 * Fills the CouchDB peer with exactly what a user's initial sync receives: the documents are
 * pulled from the Fieldbook server as that user (the same HTTP pull the app uses) and written
 * to one PouchDB database per collection with _bulk_docs.
 */
import { API, SYNCED_COLLECTIONS, type PullResponse, type SyncDoc, type TokenResponse } from '../../shared/sync/protocol';

export async function loginAs(serverUrl: string, userName: string, password: string): Promise<TokenResponse> {
  const res = await fetch(serverUrl + API.login, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName, password, deviceId: `bench-node-${Math.random().toString(36).slice(2)}`, deviceName: 'bench runner' }),
  });
  if (!res.ok) throw new Error(`login ${userName}: ${res.status} ${await res.text()}`);
  return (await res.json()) as TokenResponse;
}

export async function pullEverything(serverUrl: string, token: string): Promise<Record<string, SyncDoc[]>> {
  const out: Record<string, SyncDoc[]> = {};
  for (const c of SYNCED_COLLECTIONS) {
    const docs: SyncDoc[] = [];
    for (let seq = 0; ;) {
      const res = await fetch(`${serverUrl}${API.pull(c)}?seq=${seq}&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`pull ${c}: ${res.status}`);
      const body = (await res.json()) as PullResponse;
      docs.push(...body.documents);
      seq = body.checkpoint.seq;
      if (body.documents.length < 1000) break;
    }
    out[c] = docs;
  }
  return out;
}

async function couch(url: string, method: string, body?: unknown): Promise<unknown> {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** Databases `<prefix>-<collection>`; documents keyed by `_id` (RxDB's CouchDB replication maps it to the primary key). */
export async function seedCouch(couchUrl: string, prefix: string, docs: Record<string, SyncDoc[]>): Promise<number> {
  let written = 0;
  for (const c of SYNCED_COLLECTIONS) {
    await couch(`${couchUrl}/${prefix}-${c}`, 'PUT');
    const rows = (docs[c] ?? []).filter((d) => !d._deleted).map(({ id, _deleted: _d, ...rest }) => ({ _id: id, ...rest }));
    for (let i = 0; i < rows.length; i += 2000) {
      const result = (await couch(`${couchUrl}/${prefix}-${c}/_bulk_docs`, 'POST', { docs: rows.slice(i, i + 2000) })) as { error?: string }[];
      const failed = result.filter((r) => r.error);
      if (failed.length) throw new Error(`couch ${c}: ${failed.length} documents refused: ${JSON.stringify(failed[0])}`);
      written += result.length;
    }
  }
  return written;
}
