/**
 * The collection wiring against real RxDB: all collections open within the free-tier limit,
 * a schema can move to version 1 with a migration strategy, and user ids become valid names.
 */
import { describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase, type RxCollectionCreator, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings, validateDatabaseName } from 'rxdb/plugins/dev-mode';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { COLLECTION_NAMES, customerSchema, type Customer } from '../schemas';
import { collectionCreators, databaseNameFor, migrationStrategies } from './collections';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

/** RxDB's open-source tier refuses more open collections than this per process. */
const RXDB_FREE_COLLECTION_LIMIT = 13;

// One storage instance for the whole file: memory storage keeps each database's data in it
// after close, which is what lets a reopen see (and migrate) earlier documents.
const storage: RxStorage<unknown, unknown> = wrappedValidateAjvStorage({ storage: getRxStorageMemory() });
const open = (name: string): Promise<RxDatabase> => createRxDatabase({ name, storage, multiInstance: false });

/** Opens, runs, and always closes: at most one database may hold collections at a time (the limit is per process). */
async function withDb(name: string, run: (db: RxDatabase) => Promise<void>): Promise<void> {
  const db = await open(name);
  try {
    await run(db);
  } finally {
    await db.close();
  }
}

const CREATED = '2026-03-02T01:30:00.000Z';
const customerV0: Customer = {
  id: 'c-0001', code: 'hcp-0001', name: '张伟', type: 'hcp', territoryId: 'T-BJ-01', ownerId: 'u-rep-zhang',
  institution: '北京协和医院', createdAt: CREATED, updatedAt: CREATED, createdBy: 'u-rep-zhang', updatedBy: 'u-rep-zhang',
};

describe('collectionCreators', () => {
  it('opens all 12 collections, within the 13 RxDB allows', async () => {
    await withDb('collections_all', async (db) => {
      const collections = await db.addCollections(collectionCreators());
      expect(Object.keys(collections).sort()).toEqual([...COLLECTION_NAMES].sort());
      expect(COLLECTION_NAMES).toHaveLength(12);
      expect(Object.keys(db.collections).length).toBeLessThanOrEqual(RXDB_FREE_COLLECTION_LIMIT);
    });
  });

  it('has a migration strategy table for every collection, empty while all schemas are version 0', () => {
    const creators = collectionCreators();
    for (const name of COLLECTION_NAMES) {
      expect(creators[name].schema.version).toBe(0);
      expect(creators[name].migrationStrategies).toBe(migrationStrategies[name]);
      expect(Object.keys(migrationStrategies[name])).toEqual([]);
    }
  });
});

describe('schema version 1 can follow', () => {
  const v0: RxCollectionCreator<Customer> = collectionCreators().customers;
  // What a real v1 would look like: the same schema with version 1 and a `1:` strategy.
  const v1 = (strategies: RxCollectionCreator<Customer>['migrationStrategies']): RxCollectionCreator<Customer> => ({
    schema: { ...customerSchema, version: 1 },
    migrationStrategies: strategies,
  });

  it('memory storage keeps documents after close when the storage instance is shared', async () => {
    await withDb('persist_check', async (db) => {
      const { customers } = await db.addCollections({ customers: v0 });
      await customers.insert(customerV0);
    });
    await withDb('persist_check', async (db) => {
      const { customers } = await db.addCollections({ customers: v0 });
      expect((await customers.findOne('c-0001').exec())?.toJSON()).toEqual(customerV0);
    });
  });

  it('migrates stored documents with the 1: strategy on reopen', async () => {
    await withDb('migration_v1', async (db) => {
      const { customers } = await db.addCollections({ customers: v0 });
      await customers.insert(customerV0);
    });

    // Without a strategy for version 1, RxDB refuses to open the collection (COL12: missing strategy).
    await withDb('migration_v1', async (db) => {
      await expect(db.addCollections({ customers: v1({}) })).rejects.toMatchObject({ code: 'COL12' });
    });

    await withDb('migration_v1', async (db) => {
      const migrate = (old: Customer): Customer => ({ ...old, code: old.code.toUpperCase() });
      const { customers } = await db.addCollections({ customers: v1({ 1: migrate }) });
      expect(customers.schema.version).toBe(1);
      const doc = await customers.findOne('c-0001').exec();
      expect(doc?.toJSON()).toEqual({ ...customerV0, code: 'HCP-0001' });
      expect(await customers.count().exec()).toBe(1);
    });
  });
});

describe('databaseNameFor', () => {
  it('gives a valid lowercase RxDB name', async () => {
    const name = databaseNameFor('Rep.Zhang@Example');
    expect(name).toMatch(/^fieldbook_rep_zhang_example_[a-z0-9]+$/);
    expect(databaseNameFor('Rep.Zhang@Example')).toBe(name); // stable
    expect(name).toMatch(/^[a-z][a-z0-9_$()+/-]*$/);
    expect(validateDatabaseName(name)).toBe(true);
    // And RxDB (dev-mode validates names on create) opens it.
    await withDb(name, async (db) => {
      expect(db.name).toBe(name);
    });
  });

  it('keeps names short and valid for long ids', () => {
    const name = databaseNameFor(`${'Very.Long.Account.Name'.repeat(10)}@example.com`);
    expect(name.length).toBeLessThanOrEqual('fieldbook_'.length + 60);
    expect(validateDatabaseName(name)).toBe(true);
  });

  it('gives different users different databases even when their slugs agree', () => {
    expect(databaseNameFor('rep.zhang')).not.toBe(databaseNameFor('rep_zhang'));
    expect(databaseNameFor('张伟')).not.toBe(databaseNameFor('李娜'));
    expect(validateDatabaseName(databaseNameFor('张伟'))).toBe(true);
    const long = 'Very.Long.Account.Name'.repeat(10);
    expect(databaseNameFor(`${long}a`)).not.toBe(databaseNameFor(`${long}b`));
  });

  it('throws on an empty or blank id', () => {
    expect(() => databaseNameFor('')).toThrow(/user id is required/);
    expect(() => databaseNameFor('   ')).toThrow(/user id is required/);
  });
});
