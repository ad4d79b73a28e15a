import type { RxCollection } from 'rxdb';
import { demoCustomers } from '../../../shared/demo/demoCustomers';
import { useSessionStore } from '../app/sessionStore';
import { getDatabase } from '../db/database';
import type { CollectionName } from '../../../shared/schemas';

/**
 * Hooks for end-to-end tests and benchmarks, compiled in only when the build sets
 * VITE_TEST_HOOKS=1 (test/e2e builds). Production bundles contain none of this.
 */
export interface FieldbookTestHooks {
  /** Inserts `count` deterministic demo customers into the signed-in user's local database. */
  seedCustomers(count: number, seed?: number): Promise<number>;
  /** The signed-in user (id and home territory), to build documents for insertDocs. */
  currentUser(): { id: string; territoryId: string };
  /**
   * Writes documents as given into a collection of the signed-in user's local database, as if
   * sync had brought them (they then sync like local writes). Returns how many were written.
   */
  insertDocs(collection: CollectionName, docs: readonly object[]): Promise<number>;
}

declare global {
  interface Window {
    fieldbookTest?: FieldbookTestHooks;
  }
}

export function installTestHooks(): void {
  window.fieldbookTest = {
    async seedCustomers(count, seed = 42) {
      const user = useSessionStore.getState().user;
      const db = await getDatabase(user.id);
      const docs = demoCustomers({ count, seed, territoryId: user.territoryId, ownerId: user.id });
      const result = await db.customers.bulkInsert(docs);
      if (result.error.length) throw new Error(`${result.error.length} demo customers were refused`);
      return result.success.length;
    },
    currentUser() {
      const { id, territoryId } = useSessionStore.getState().user;
      return { id, territoryId };
    },
    async insertDocs(collection, docs) {
      const db = await getDatabase(useSessionStore.getState().user.id);
      const result = await (db[collection] as unknown as RxCollection<object>).bulkInsert([...docs]);
      if (result.error.length) throw new Error(`${result.error.length} ${collection} documents were refused: ${JSON.stringify(result.error[0])}`);
      return result.success.length;
    },
  };
}
