import { it } from 'vitest';
import { addRxPlugin, createRxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { collectionCreators } from './collections';
it('smoke', async () => {
  addRxPlugin(RxDBMigrationSchemaPlugin);
  addRxPlugin(RxDBDevModePlugin);
  const db = await createRxDatabase({ name: 'smoke', storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }) });
  try {
    const cols = await db.addCollections(collectionCreators());
    console.log(Object.keys(cols));
  } catch (e) { console.log(e); throw e; }
  await db.close();
});
