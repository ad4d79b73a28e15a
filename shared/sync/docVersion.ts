import { shortHash } from '../util/hash';

/** Fields RxDB keeps beside a document's content; never part of what is compared. */
const NOT_CONTENT = new Set(['_deleted', '_meta', '_rev', '_attachments']);

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A short hash of a document's content, the same for the server's row and the client's RxDB
 * copy of it (key order, RxDB's meta fields and the deleted flag do not count).
 */
export function contentHash(doc: Record<string, unknown>): string {
  const content = Object.fromEntries(Object.entries(doc).filter(([k]) => !NOT_CONTENT.has(k)));
  return shortHash(canonical(content));
}

/** One document as GET /api/sync/:collection/versions lists it: [id, content hash, deleted]. */
export type DocVersion = [id: string, hash: string, deleted: 0 | 1];

export function docVersion(doc: Record<string, unknown> & { id: string; _deleted?: boolean }): DocVersion {
  return [doc.id, contentHash(doc), doc._deleted === true ? 1 : 0];
}

/**
 * The documents whose local copy differs from the server's: absent or live here though the
 * server has them live, deleted there and live here, or different content. `local` holds the
 * content hash of each live local document.
 */
export function staleIds(server: readonly DocVersion[], local: ReadonlyMap<string, string>): string[] {
  const stale: string[] = [];
  for (const [id, hash, deleted] of server) {
    const mine = local.get(id);
    if (deleted === 1 ? mine !== undefined : mine !== hash) stale.push(id);
  }
  return stale;
}
