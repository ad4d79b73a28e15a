// Deleting a user's local data: the RxDB database (every IndexedDB database RxDB's Dexie storage
// made for it, replication state included) and the database key. Without the key, anything the
// disk still holds of the encrypted fields (IndexedDB files are not overwritten at once) cannot be
// read: deleting the key is what makes the wipe final.
import { databaseNameFor } from '../../../shared/db/collections';
import { platform } from '../platform/api';

/** User ids whose wipe has started but not finished (survives a crash or a closed window). */
export const WIPE_PENDING_KEY = 'fieldbook.wipePending';
/** Per-user bookkeeping about the local data (unsent-change list, first-sync flag, notified reminders). */
const PER_USER_PREFIXES = ['fieldbook.pending.', 'fieldbook.synced.', 'fieldbook.reminders.notified.'];
/** RxDB's Dexie storage names each IndexedDB database `rxdb-dexie-<database>--<version>--<collection>`. */
const DEXIE_PREFIX = 'rxdb-dexie-';
const APP_DATABASE_PREFIX = 'fieldbook_';

function pending(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(WIPE_PENDING_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function setPending(names: readonly string[]): void {
  if (names.length === 0) localStorage.removeItem(WIPE_PENDING_KEY);
  else localStorage.setItem(WIPE_PENDING_KEY, JSON.stringify([...new Set(names)]));
}

function deleteIndexedDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}`));
    // "blocked": a connection (another window) is still open; the delete completes once it closes.
  });
}

/** Every IndexedDB database of one local RxDB database (`exact`) or of all app databases but `keep`. */
async function indexedDbNames(match: (rxdbName: string) => boolean): Promise<string[]> {
  const all = await indexedDB.databases();
  return all
    .map((d) => d.name ?? '')
    .filter((n) => n.startsWith(DEXIE_PREFIX))
    .filter((n) => match(n.slice(DEXIE_PREFIX.length).split('--')[0] ?? ''));
}

/** Deletes the IndexedDB databases of one local RxDB database, whatever key (or none) wrote them. */
export async function deleteLocalDatabase(databaseName: string): Promise<void> {
  const names = await indexedDbNames((n) => n === databaseName);
  await Promise.all(names.map(deleteIndexedDb));
}

/** `<prefix><userId>` or `<prefix><userId>.<more>` (the first-sync flag adds the server). */
function isUsersKey(key: string, prefix: string, userId: string): boolean {
  if (!key.startsWith(prefix)) return false;
  const rest = key.slice(prefix.length);
  return rest === userId || rest.startsWith(`${userId}.`);
}

/** Records that `userId`'s data is to be wiped, before anything else happens (synchronous). */
export function markWipePending(userId: string): void {
  setPending([...pending(), userId]);
}

// Wipes run one after the other, and opening a database waits for them (finishPendingWipes):
// a wipe's key deletion must never land after the next sign-in made a new key.
let wiping: Promise<void> = Promise.resolve();

/**
 * Wipes a user's local data: the database's IndexedDB files, the per-user bookkeeping in
 * localStorage and the database key. The caller closes (or removes) the open database first.
 */
export function wipeLocalData(userId: string): Promise<void> {
  markWipePending(userId);
  const run = wiping.then(async () => {
    await deleteLocalDatabase(databaseNameFor(userId));
    for (const key of Object.keys(localStorage)) {
      if (PER_USER_PREFIXES.some((prefix) => isUsersKey(key, prefix, userId))) localStorage.removeItem(key);
    }
    const deleted = await platform.deleteDatabaseKey();
    if (!deleted.ok) throw new Error(`The database key could not be deleted: ${deleted.error.message}`);
    setPending(pending().filter((id) => id !== userId));
  });
  wiping = run.catch(() => undefined);
  return run;
}

/** Completes wipes that a crash or a closed window interrupted; waits for a running one. */
export async function finishPendingWipes(): Promise<void> {
  await wiping;
  for (const userId of pending()) await wipeLocalData(userId);
}

/**
 * Deletes the local databases of every other user on this computer. Since sign-out wipes, only
 * databases left by earlier versions of the app (unencrypted) or by an interrupted wipe remain.
 */
export async function deleteOtherLocalDatabases(keepDatabaseName: string): Promise<void> {
  const names = await indexedDbNames((n) => n.startsWith(APP_DATABASE_PREFIX) && n !== keepDatabaseName);
  await Promise.all(names.map(deleteIndexedDb));
}
