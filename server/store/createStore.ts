import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteStore } from './sqlite';
import type { Store } from './types';

/**
 * The server's store: PostgreSQL when `databaseUrl` is set, else the SQLite file
 * `<dataDir>/fieldbook.sqlite`. Migrations are NOT run here: call `store.migrate()`.
 */
export async function createStore(opts: { dataDir: string; databaseUrl?: string }): Promise<Store> {
  if (opts.databaseUrl) {
    const { openPostgresStore } = await import('./postgres');
    return openPostgresStore(opts.databaseUrl);
  }
  mkdirSync(opts.dataDir, { recursive: true });
  return new SqliteStore(join(opts.dataDir, 'fieldbook.sqlite'));
}
