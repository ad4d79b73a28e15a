/**
 * Numbered migrations, recorded in `schema_migrations`. Each runs in its own transaction
 * together with its record, so a failed migration leaves nothing behind; running again
 * applies only what is missing (idempotent).
 */
export interface Migration {
  version: number;
  name: string;
  /** One or more statements. */
  sql: string;
  /** A step in code after `sql`, in the same transaction (e.g. back-filling computed values). */
  run?: (tx: MigrationTx) => Promise<void>;
}

export interface MigrationTx {
  appliedVersions(): Promise<Set<number>>;
  exec(sql: string): Promise<void>;
  /** One parameterised statement in the dialect's placeholder style (SQLite `?`, PostgreSQL `$1`). */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  record(m: Migration, appliedAt: string): Promise<void>;
}

export interface MigrationTarget {
  /** Runs fn in one transaction in which `schema_migrations` exists, serialized against other migrators. */
  inTransaction(fn: (tx: MigrationTx) => Promise<void>): Promise<void>;
}

export function checkMigrations(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}

export async function runMigrations(target: MigrationTarget, migrations: readonly Migration[]): Promise<number[]> {
  checkMigrations(migrations);
  const applied: number[] = [];
  for (const m of migrations) {
    await target.inTransaction(async (tx) => {
      if ((await tx.appliedVersions()).has(m.version)) return;
      await applyMigration(tx, m);
      applied.push(m.version);
    });
  }
  return applied;
}

/** One migration inside the caller's transaction: its statements, its code step, its record. */
export async function applyMigration(tx: MigrationTx, m: Migration): Promise<void> {
  await tx.exec(m.sql);
  if (m.run) await m.run(tx);
  await tx.record(m, new Date().toISOString());
}

export const SCHEMA_MIGRATIONS_DDL =
  'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)';
