import { contentHash } from '../../../../shared/sync/docVersion';

/** How many recent server states are remembered per document. */
const KEPT = 16;

type Doc = { id: string; updatedAt?: unknown; updatedBy?: unknown; _deleted?: unknown };

/** Stamp, author and deleted flag: a local edit at the same millisecond as someone's server write still differs. */
const keyOf = (doc: Doc): string => `${stampOf(doc)}|${String(doc.updatedBy)}|${doc._deleted === true ? 1 : 0}`;

/**
 * The `updatedAt` (and deleted flag) of server states recently received per document. A local
 * change event that carries one of them is the replication writing a server state, not the user
 * editing (every local edit stamps a new `updatedAt`). Several are kept because RxDB may write an
 * older pulled state after a newer one arrived (a conflict answered while a pull was on its way).
 */
export class ServerStamps {
  private readonly byCollection = new Map<string, Map<string, string[]>>();
  /** Content hashes (stamps included) of the same states, for isEcho. */
  private readonly hashes = new Map<string, Map<string, string[]>>();

  note(collection: string, docs: readonly { id: string }[]): void {
    let stamps = this.byCollection.get(collection);
    if (!stamps) this.byCollection.set(collection, (stamps = new Map()));
    let hashes = this.hashes.get(collection);
    if (!hashes) this.hashes.set(collection, (hashes = new Map()));
    for (const doc of docs) {
      const key = keyOf(doc as Doc);
      const known = stamps.get(doc.id) ?? [];
      if (!known.includes(key)) stamps.set(doc.id, [...known.slice(-(KEPT - 1)), key]);
      const hash = hashOf(doc);
      const seen = hashes.get(doc.id) ?? [];
      if (!seen.includes(hash)) hashes.set(doc.id, [...seen.slice(-(KEPT - 1)), hash]);
    }
  }

  isServerState(collection: string, id: string, stamp: string): boolean {
    return this.byCollection.get(collection)?.get(id)?.some((key) => key.startsWith(`${stamp}|`)) ?? false;
  }

  /**
   * The document is exactly a server state received earlier (same content, stamps and deleted
   * flag): when RxDB offers it for a push, it is an older server state echoed back, never a
   * user's edit (an edit changes the content, whatever the clocks say).
   */
  isEcho(collection: string, doc: { id: string }): boolean {
    return this.hashes.get(collection)?.get(doc.id)?.includes(hashOf(doc)) ?? false;
  }

  /** The latest server stamp received for a document ('' when none). */
  newest(collection: string, id: string): string {
    return (this.byCollection.get(collection)?.get(id) ?? []).map((key) => key.slice(0, key.indexOf('|'))).reduce((a, b) => (b > a ? b : a), '');
  }
}

function hashOf(doc: { id: string }): string {
  return `${contentHash(doc as Record<string, unknown>)}|${(doc as Doc)._deleted === true ? 1 : 0}`;
}

export function stampOf(doc: unknown): string {
  const updatedAt = (doc as { updatedAt?: unknown }).updatedAt;
  return typeof updatedAt === 'string' ? updatedAt : '';
}
