/** How many recent server states are remembered per document. */
const KEPT = 4;

/**
 * The `updatedAt` of server states recently received per document. A local change event that
 * carries one of them is the replication writing a server state, not the user editing. Several
 * are kept because RxDB may write an older pulled state after a newer one arrived (a conflict
 * answered while a pull was on its way).
 */
export class ServerStamps {
  private readonly byCollection = new Map<string, Map<string, string[]>>();

  note(collection: string, docs: readonly { id: string }[]): void {
    let stamps = this.byCollection.get(collection);
    if (!stamps) this.byCollection.set(collection, (stamps = new Map()));
    for (const doc of docs) {
      const stamp = stampOf(doc);
      const known = stamps.get(doc.id) ?? [];
      if (!known.includes(stamp)) stamps.set(doc.id, [...known.slice(-(KEPT - 1)), stamp]);
    }
  }

  isServerState(collection: string, id: string, stamp: string): boolean {
    return this.byCollection.get(collection)?.get(id)?.includes(stamp) ?? false;
  }
}

export function stampOf(doc: unknown): string {
  const updatedAt = (doc as { updatedAt?: unknown }).updatedAt;
  return typeof updatedAt === 'string' ? updatedAt : '';
}
