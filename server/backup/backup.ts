import { existsSync } from 'node:fs';
import type { PostgresStore } from '../store/postgres';
import type { SqliteStore } from '../store/sqlite';
import { POSTGRES_MIGRATIONS } from '../store/postgresMigrations';
import { SQLITE_MIGRATIONS } from '../store/sqliteMigrations';
import type { Store } from '../store/types';
import { BackupFileError, BackupWriter, readBackup, type BackupHeader, type BackupTrailer } from './backupFile';
import { dumpPostgres, postgresRowCount, restorePostgres } from './postgresBackup';
import { dumpSqlite, restoreSqlite, sqliteRowCount } from './sqliteBackup';

/**
 * Backup and restore of the whole server: territories, users (with password hashes), device
 * sessions, every document with its sequence number, and the audit trail. Online: a backup may
 * run while the server serves. A restore goes into a stopped server's store and refuses one that
 * holds data unless forced.
 */
export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

export async function backupStore(store: Store, file: string, now: string): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  const writer = new BackupWriter(file);
  try {
    const header = store.kind === 'sqlite'
      ? await dumpSqlite(store as SqliteStore, writer, now)
      : await dumpPostgres(store as PostgresStore, writer, now);
    return { header, trailer: await writer.finish() };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** Checks a backup file completely without touching any store. */
export async function verifyBackup(file: string): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  if (!existsSync(file)) throw new BackupFileError(`No file ${file}`);
  return readBackup(file);
}

export async function storeRowCount(store: Store): Promise<number> {
  return store.kind === 'sqlite' ? sqliteRowCount(store as SqliteStore) : postgresRowCount(store as PostgresStore);
}

/**
 * Restores a backup into `store` (migrated). The file is verified first (a second pass loads
 * it); a store with any data is refused unless `force`, which replaces everything in it, in the
 * same transaction as the load (a failed restore leaves the store as it was).
 */
export async function restoreStore(store: Store, file: string, { force = false }: { force?: boolean } = {}): Promise<{ header: BackupHeader; trailer: BackupTrailer; replaced: boolean }> {
  const { header, trailer } = await verifyBackup(file);
  const known = (store.kind === 'sqlite' ? SQLITE_MIGRATIONS : POSTGRES_MIGRATIONS).length;
  if (header.schemaVersion > known) throw new RestoreRefused(`The backup comes from a newer server (schema ${header.schemaVersion}, this one knows ${known}): update the server first`);
  const rows = await storeRowCount(store);
  if (rows > 0 && !force) throw new RestoreRefused(`The target store is not empty (${rows} rows): restore into an empty store, or add --force to replace everything in it`);
  if (store.kind === 'sqlite') await restoreSqlite(store as SqliteStore, file, header, rows > 0);
  else await restorePostgres(store as PostgresStore, file, header, rows > 0);
  return { header, trailer, replaced: rows > 0 };
}
