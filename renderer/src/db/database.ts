import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { collectionCreators, databaseNameFor } from '../../../shared/db/collections';
import type { CollectionName, DocTypes } from '../../../shared/schemas';

export type FieldbookCollections = { [K in CollectionName]: RxCollection<DocTypes[K]> };
export type FieldbookDatabase = RxDatabase<FieldbookCollections>;

addRxPlugin(RxDBMigrationSchemaPlugin);
// Several windows of one user share the database; only the leader replicates.
addRxPlugin(RxDBLeaderElectionPlugin);

/**
 * Development builds add RxDB's dev-mode checks and validate every write against the
 * schemas; production builds skip both (they cost time on every write; the forms and the
 * server validate). Loaded lazily so production bundles don't carry them.
 */
async function storageFor(dev: boolean): Promise<RxStorage<unknown, unknown>> {
  const dexie = getRxStorageDexie();
  if (!dev) return dexie;
  const [{ RxDBDevModePlugin, disableWarnings }, { wrappedValidateAjvStorage }] = await Promise.all([
    import('rxdb/plugins/dev-mode'),
    import('rxdb/plugins/validate-ajv'),
  ]);
  disableWarnings();
  addRxPlugin(RxDBDevModePlugin);
  return wrappedValidateAjvStorage({ storage: dexie });
}

export async function openDatabase(userId: string): Promise<FieldbookDatabase> {
  const db = await createRxDatabase<FieldbookCollections>({
    name: databaseNameFor(userId),
    storage: await storageFor(import.meta.env.DEV),
    multiInstance: true,
    eventReduce: true,
    closeDuplicates: true,
  });
  await db.addCollections(collectionCreators());
  return db;
}

/** One open database per user id for the life of the page (React may mount twice). */
const opening = new Map<string, Promise<FieldbookDatabase>>();
export function getDatabase(userId: string): Promise<FieldbookDatabase> {
  let p = opening.get(userId);
  if (!p) {
    p = openDatabase(userId);
    opening.set(userId, p);
    p.catch(() => opening.delete(userId));
  }
  return p;
}
