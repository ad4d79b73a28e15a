import { demoCustomers } from '../../../shared/demo/demoCustomers';
import { useSessionStore } from '../app/sessionStore';
import { getDatabase } from '../db/database';

/**
 * Hooks for end-to-end tests and benchmarks, compiled in only when the build sets
 * VITE_TEST_HOOKS=1 (test/e2e builds). Production bundles contain none of this.
 */
export interface FieldbookTestHooks {
  /** Inserts `count` deterministic demo customers into the signed-in user's local database. */
  seedCustomers(count: number, seed?: number): Promise<number>;
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
  };
}
