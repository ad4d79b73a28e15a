import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { collectionCreators, databaseNameFor } from '../../../shared/db/collections';
import type { CollectionName, DocTypes } from '../../../shared/schemas';
import { platform } from '../platform/api';
import { deleteLocalDatabase, finishPendingWipes } from './localData';
import { wrappedWebCryptoEncryptionStorage } from './fieldEncryption';

export type FieldbookCollections = { [K in CollectionName]: RxCollection<DocTypes[K]> };
export type FieldbookDatabase = RxDatabase<FieldbookCollections>;

addRxPlugin(RxDBMigrationSchemaPlugin);
// Several windows of one user share the database; only the leader replicates.
addRxPlugin(RxDBLeaderElectionPlugin);

/**
 * Dexie (IndexedDB) with the personal and free-text fields encrypted (AES-GCM with WebCrypto,
 * ./fieldEncryption.ts; fields listed in shared/schemas/encryptedFields.ts). Development builds
 * add RxDB's dev-mode checks and validate every write against the schemas — outside the encryption, so the plain
 * document is validated; production builds skip both (they cost time on every write; the forms
 * and the server validate). Loaded lazily so production bundles don't carry them.
 */
async function storageFor(dev: boolean, encrypt: boolean): Promise<RxStorage<unknown, unknown>> {
  const encrypted = encrypt ? wrappedWebCryptoEncryptionStorage(getRxStorageDexie()) : getRxStorageDexie();
  if (!dev) return encrypted;
  const [{ RxDBDevModePlugin, disableWarnings }, { wrappedValidateAjvStorage }] = await Promise.all([
    import('rxdb/plugins/dev-mode'),
    import('rxdb/plugins/validate-ajv'),
  ]);
  disableWarnings();
  addRxPlugin(RxDBDevModePlugin);
  return wrappedValidateAjvStorage({ storage: encrypted });
}

/**
 * Encryption is always on, except in a test build made for `npm run bench:encryption`
 * (VITE_TEST_HOOKS=1 and VITE_LOCAL_ENCRYPTION=off), which measures what it costs.
 */
const ENCRYPTED = !(import.meta.env.VITE_TEST_HOOKS === '1' && import.meta.env.VITE_LOCAL_ENCRYPTION === 'off');

/**
 * The password RxDB sees: the key tagged with the storage format. RxDB keeps its hash and refuses
 * another one (DB1), so a database written in an earlier format (crypto-js, or no encryption) is
 * found on open, like one written with a lost key, and synced again (openDatabase).
 */
export function storagePassword(key: string): string {
  return `aes-gcm-v1:${key}`;
}

/** RxDB's "this database was written with another password" (DB1). */
function isOtherKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'DB1';
}

/**
 * Opens (creates) a local database. The app always encrypts (see openDatabase); `encrypt: false`
 * exists for the benchmark, which measures what the encryption costs.
 */
export async function createDatabase(name: string, key: string, encrypt = ENCRYPTED): Promise<FieldbookDatabase> {
  const db = await createRxDatabase<FieldbookCollections>({
    name,
    storage: await storageFor(import.meta.env.DEV, encrypt),
    ...(encrypt ? { password: storagePassword(key) } : {}),
    multiInstance: true,
    eventReduce: true,
    closeDuplicates: true,
  });
  try {
    await db.addCollections(collectionCreators({ encrypted: encrypt }));
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}

/** Reads the database key from the platform (the desktop shell's safeStorage). */
export async function databaseKey(): Promise<string> {
  const key = await platform.getDatabaseKey();
  if (!key.ok) throw new Error(`The key of the local data is not available: ${key.error.message}`);
  return key.value;
}

export async function openDatabase(userId: string): Promise<FieldbookDatabase> {
  await finishPendingWipes();
  const name = databaseNameFor(userId);
  const key = await databaseKey();
  try {
    return await createDatabase(name, key);
  } catch (error) {
    if (!isOtherKeyError(error)) throw error;
    // Written without encryption or in the crypto-js format (earlier versions) or with a key that
    // is gone: nothing in it can be used with this key. Start empty; the next sync fills it from the server.
    console.warn(`Fieldbook: the local database ${name} was written with another key; it is deleted and synced again.`);
    await deleteLocalDatabase(name);
    return createDatabase(name, key);
  }
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
