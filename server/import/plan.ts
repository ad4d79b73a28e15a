import type { IssuedPassword } from '../../shared/import/api';
import type { RowError } from '../../shared/import/types';
import type { Actor } from '../../shared/sync/actor';
import type { SyncDoc, SyncedCollection } from '../../shared/sync/protocol';
import type { Store } from '../store/types';

/** Who imports, and the clock and ids (injected so tests control them). */
export interface ImportEnv {
  actor: Actor;
  now: () => string;
  newId: () => string;
}

/**
 * What an import of the valid rows would do, decided against the store's current data; `apply`
 * does it. Rows the store's data refuses (an ambiguous key, a published article back to draft)
 * come back as errors and are left out of the counts and of `apply`.
 */
export interface ImportPlan {
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  apply(): Promise<IssuedPassword[]>;
}

/** Every live document of a collection (admin scope), in pages. */
export async function allDocs<C extends SyncedCollection>(store: Store, collection: C): Promise<SyncDoc<C>[]> {
  const out: SyncDoc<C>[] = [];
  for (let seq = 0; ;) {
    const rows = await store.pull(collection, seq, 1000, { all: true });
    for (const row of rows) if (!row.deleted) out.push(row.data as unknown as SyncDoc<C>);
    if (rows.length < 1000) return out;
    seq = rows[rows.length - 1]!.seq;
  }
}

/** `base` with `patch` laid over it; nested plain objects merge, arrays and values replace. */
export function mergeDeep(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const prior = out[key];
    const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
    out[key] = isObject(value) && isObject(prior) ? mergeDeep(prior, value) : value;
  }
  return out;
}
