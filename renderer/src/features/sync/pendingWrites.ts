/**
 * Bookkeeping of local writes the server has not acknowledged yet, for the "N changes
 * waiting" status. RxDB's replication itself keeps (and resends) the writes; this only counts.
 *
 * Each entry remembers the `updatedAt` of the latest local write of that document. A push
 * acknowledges the state it carried, so a write made while that push was on its way stays
 * counted. Entries restored from an earlier run are settled once the replication's first
 * push after start is done (everything written before the start has then been sent).
 */
export interface PendingEntry {
  stamp: string;
  restored?: boolean;
}

export type PendingSnapshot = Record<string, Record<string, PendingEntry>>;

export class PendingWrites {
  private readonly byCollection = new Map<string, Map<string, PendingEntry>>();

  static fromSnapshot(snapshot: unknown): PendingWrites {
    const pending = new PendingWrites();
    if (typeof snapshot !== 'object' || snapshot === null) return pending;
    for (const [collection, entries] of Object.entries(snapshot as Record<string, unknown>)) {
      if (typeof entries !== 'object' || entries === null) continue;
      for (const [id, entry] of Object.entries(entries as Record<string, unknown>)) {
        const stamp = typeof entry === 'object' && entry !== null ? (entry as { stamp?: unknown }).stamp : undefined;
        pending.entries(collection).set(id, { stamp: typeof stamp === 'string' ? stamp : '', restored: true });
      }
    }
    return pending;
  }

  /** A local write of document `id` with this `updatedAt`. */
  noteWrite(collection: string, id: string, stamp: string): void {
    const entries = this.entries(collection);
    const prior = entries.get(id);
    if (prior && !prior.restored && prior.stamp > stamp) return;
    entries.set(id, { stamp });
  }

  /**
   * The server acknowledged these rows (written, merged or refused: in every case they no
   * longer wait). Returns whether anything changed.
   */
  acknowledge(collection: string, rows: readonly { id: string; stamp: string }[]): boolean {
    const entries = this.byCollection.get(collection);
    if (!entries) return false;
    let changed = false;
    for (const { id, stamp } of rows) {
      const entry = entries.get(id);
      if (entry && (entry.restored || stamp >= entry.stamp)) {
        entries.delete(id);
        changed = true;
      }
    }
    return changed;
  }

  /** The first push since start is done: what an earlier run left here has been sent. */
  settleRestored(collection: string): boolean {
    const entries = this.byCollection.get(collection);
    if (!entries) return false;
    let changed = false;
    for (const [id, entry] of entries) {
      if (entry.restored) {
        entries.delete(id);
        changed = true;
      }
    }
    return changed;
  }

  isPending(collection: string, id: string): boolean {
    return this.byCollection.get(collection)?.has(id) ?? false;
  }

  get count(): number {
    let n = 0;
    for (const entries of this.byCollection.values()) n += entries.size;
    return n;
  }

  countOf(collection: string): number {
    return this.byCollection.get(collection)?.size ?? 0;
  }

  toSnapshot(): PendingSnapshot {
    const out: PendingSnapshot = {};
    for (const [collection, entries] of this.byCollection) {
      if (entries.size === 0) continue;
      out[collection] = Object.fromEntries([...entries].map(([id, e]) => [id, { stamp: e.stamp }]));
    }
    return out;
  }

  private entries(collection: string): Map<string, PendingEntry> {
    let entries = this.byCollection.get(collection);
    if (!entries) {
      entries = new Map();
      this.byCollection.set(collection, entries);
    }
    return entries;
  }
}

/** localStorage key of a user's waiting writes. */
export const pendingKey = (userId: string): string => `fieldbook.pending.${userId}`;

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function loadPending(userId: string, storage: KeyValueStorage = localStorage): PendingWrites {
  try {
    const raw = storage.getItem(pendingKey(userId));
    return PendingWrites.fromSnapshot(raw ? JSON.parse(raw) : null);
  } catch {
    return new PendingWrites();
  }
}

export function savePending(userId: string, pending: PendingWrites, storage: KeyValueStorage = localStorage): void {
  try {
    const snapshot = pending.toSnapshot();
    if (Object.keys(snapshot).length === 0) storage.removeItem(pendingKey(userId));
    else storage.setItem(pendingKey(userId), JSON.stringify(snapshot));
  } catch (error) {
    console.warn('Could not store the waiting-changes count', error);
  }
}

/** The stored count without loading the bookkeeping (for a signed-out account screen). */
export function storedPendingCount(userId: string, storage: KeyValueStorage = localStorage): number {
  return loadPending(userId, storage).count;
}
