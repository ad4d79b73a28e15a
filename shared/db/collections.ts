import type { MigrationStrategies, RxCollectionCreator, RxJsonSchema } from 'rxdb';
import { schemas, type CollectionName, type DocTypes } from '../schemas';
import { encryptedFieldsOf } from '../schemas/encryptedFields';
import { shortHash } from '../util/hash';

/**
 * Migration strategies per collection, keyed by the schema version they migrate TO.
 * All schemas are at version 0. To add version 1 of a schema: bump `version` in its
 * schema file and add `1: (oldDoc) => newDoc` here; RxDB's migration-schema plugin runs it
 * on the next start, for every stored document.
 */
export const migrationStrategies: { [K in CollectionName]: MigrationStrategies } = {
  customers: {},
  visits: {},
  feedback: {},
  adverseevents: {},
  products: {},
  articles: {},
  questions: {},
  reminders: {},
  colleagues: {},
  activities: {},
  comments: {},
  conflicts: {},
};

export interface CollectionOptions {
  /**
   * Mark the fields of shared/schemas/encryptedFields.ts as `encrypted` (the app's local
   * database: needs a storage wrapped by RxDB's encryption plugin and a password). Off for
   * tests and tools that use plain storages: the documents are the same either way.
   */
  readonly encrypted?: boolean;
}

/** Everything `db.addCollections()` needs, identical for the app, tests and benchmarks. */
export function collectionCreators(options: CollectionOptions = {}): { [K in CollectionName]: RxCollectionCreator<DocTypes[K]> } {
  const out = {} as { [K in CollectionName]: RxCollectionCreator<DocTypes[K]> };
  for (const name of Object.keys(schemas) as CollectionName[]) {
    const encrypted = options.encrypted ? encryptedFieldsOf(name) : [];
    const schema = schemas[name] as RxJsonSchema<unknown>;
    (out as Record<CollectionName, RxCollectionCreator<unknown>>)[name] = {
      schema: encrypted.length > 0 ? { ...schema, encrypted: [...encrypted] } : schema,
      migrationStrategies: migrationStrategies[name],
    };
  }
  return out;
}

/**
 * One local database per signed-in user, so two people sharing a laptop never see each
 * other's data. RxDB database names must be lowercase [a-z0-9_$()+/-] starting with a letter:
 * a readable slug of the id plus a hash of the exact id, so "rep.zhang" and "rep_zhang" (or
 * two all-Chinese ids) never share a database.
 */
export function databaseNameFor(userId: string): string {
  const id = userId.trim();
  if (!id) throw new Error('A user id is required to open the local database');
  const slug = id.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 24);
  return `fieldbook_${slug ? `${slug}_` : ''}${shortHash(id)}`;
}
