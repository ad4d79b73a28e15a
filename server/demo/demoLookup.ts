import type { SyncDoc } from '../../shared/sync/protocol';
import type { StoredDoc, Store } from '../store/types';
import { DEMO_PRODUCTS } from './seedProducts';

/** The live customers or visits of one territory, read from the store in pages. */
export async function territoryDocs<C extends 'customers' | 'visits'>(store: Store, collection: C, territoryId: string): Promise<SyncDoc<C>[]> {
  const out: SyncDoc<C>[] = [];
  for (let seq = 0; ;) {
    const page = (await store.pull(collection, seq, 1000, { all: false, territoryIds: [territoryId] })) as StoredDoc<C>[];
    for (const row of page) if (!row.deleted) out.push(row.data);
    if (page.length < 1000) return out;
    seq = page[page.length - 1]!.seq;
  }
}

/** A demo catalogue product as a document refers to it; throws on an id the catalogue lacks. */
export function demoProduct(id: string): { productId: string; name: string } {
  const p = DEMO_PRODUCTS.find((x) => x.id === id);
  if (!p) throw new Error(`No demo product ${id}`);
  return { productId: p.id, name: p.name };
}
