/**
 * The app's encrypted local collections against real RxDB (memory storage under the app's
 * WebCrypto field encryption, dev-mode and ajv validation as in dev builds): documents round-trip, what
 * reaches the storage holds no personal or free text in clear, the queries the app runs still
 * work, a wrong key is refused, and the server's validation still sees plain documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { COLLECTION_NAMES, schemas, type Customer, type Visit } from '../../../shared/schemas';
import { ENCRYPTED_FIELDS, encryptedFieldsOf } from '../../../shared/schemas/encryptedFields';
import { hasErrors, validateDocument } from '../../../shared/validation/validateDocument';
import { collectionCreators } from '../../../shared/db/collections';
import { wrappedWebCryptoEncryptionStorage } from './fieldEncryption';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

const KEY = 'k'.repeat(43);
const CREATED = '2026-03-02T01:30:00.000Z';
const meta = { createdAt: CREATED, updatedAt: CREATED, createdBy: 'u-rep-zhang', updatedBy: 'u-rep-zhang' };
const customer: Customer = {
  id: 'c-0001', code: 'HCP-0001', name: '张伟', type: 'hcp', territoryId: 'T-BJ-01', ownerId: 'u-rep-zhang',
  institution: '北京协和医院', department: '心内科', phone: '+86 10 6915-6114', email: 'zhang.wei@pumch.example.cn',
  address: { line: '东城区帅府园1号', city: '北京' }, assessment: { tier: 'A', attitude: '支持新疗法' },
  notes: '关注房颤抗凝，周二上午门诊后可拜访', ...meta,
};
const visit: Visit = {
  id: 'v-0001', customerId: 'c-0001', territoryId: 'T-BJ-01', repId: 'u-rep-zhang', kind: 'visit', status: 'submitted',
  startAt: '2026-03-02T02:00:00.000Z', location: '心内科门诊', summary: '讨论了老年患者的剂量调整', nextStep: '下周送去临床资料', ...meta,
};
const SECRETS = ['张伟', '协和', '6915', 'zhang.wei', '帅府园', '支持新疗法', '房颤', '心内科门诊', '剂量调整', '临床资料'];

/** Memory storage that records every document handed to it (what IndexedDB would store). */
function recordingMemory(): { storage: RxStorage<unknown, unknown>; written: unknown[] } {
  const memory = getRxStorageMemory();
  const written: unknown[] = [];
  const storage = Object.assign({}, memory, {
    async createStorageInstance(params: Parameters<typeof memory.createStorageInstance>[0]) {
      const instance = await memory.createStorageInstance(params);
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = (rows, context) => {
        written.push(...rows.map((r) => r.document));
        return bulkWrite(rows, context);
      };
      return instance;
    },
  }) as RxStorage<unknown, unknown>;
  return { storage, written };
}

describe('encrypted local collections', () => {
  const { storage: memory, written } = recordingMemory();
  const storage = wrappedValidateAjvStorage({ storage: wrappedWebCryptoEncryptionStorage(memory) });
  let db: RxDatabase;

  beforeAll(async () => {
    db = await createRxDatabase({ name: 'encrypted_app', storage, password: KEY, multiInstance: false });
    await db.addCollections(collectionCreators({ encrypted: true }));
  });
  afterAll(() => db.close());

  it('lists only fields that exist and that no index uses (dev-mode refuses the rest on open)', () => {
    for (const name of COLLECTION_NAMES) {
      const schema = schemas[name] as { properties: Record<string, unknown>; indexes?: readonly (string | readonly string[])[] };
      const indexed = new Set((schema.indexes ?? []).flat());
      for (const field of encryptedFieldsOf(name)) {
        expect(schema.properties[field], `${name}.${field}`).toBeDefined();
        expect(indexed.has(field), `${name}.${field} is indexed`).toBe(false);
      }
    }
    expect(Object.keys(ENCRYPTED_FIELDS).sort()).toEqual(['adverseevents', 'comments', 'conflicts', 'customers', 'feedback', 'questions', 'reminders', 'visits']);
  });

  it('stores no personal or free text in clear, and gives the documents back unchanged', async () => {
    await db.collections.customers!.insert(customer);
    await db.collections.visits!.insert(visit);
    const stored = JSON.stringify(written);
    for (const secret of SECRETS) expect(stored, secret).not.toContain(secret);
    expect(stored).toContain('HCP-0001'); // codes stay clear: the storage indexes them
    expect((await db.collections.customers!.findOne('c-0001').exec())?.toJSON()).toEqual(customer);
    expect((await db.collections.visits!.findOne('v-0001').exec())?.toJSON()).toEqual(visit);
  });

  it('keeps the queries the app runs working: by code, by customer sorted by time', async () => {
    expect((await db.collections.customers!.findOne({ selector: { code: 'HCP-0001' } }).exec())?.get('name')).toBe('张伟');
    const visits = await db.collections.visits!.find({ selector: { customerId: 'c-0001' }, sort: [{ startAt: 'desc' }, { id: 'desc' }] }).exec();
    expect(visits.map((v) => v.get('summary'))).toEqual([visit.summary]);
  });

  it('refuses to open the database with another key (RxDB DB1)', async () => {
    const other = await createRxDatabase({ name: 'encrypted_app', storage, password: 'another-key-of-43-characters-xxxxxxxxxxxxx', multiInstance: false, ignoreDuplicate: true });
    await expect(other.addCollections(collectionCreators({ encrypted: true }))).rejects.toMatchObject({ code: 'DB1' });
    await other.close();
  });

  it('leaves the shared schemas plain: the server validates plain documents', () => {
    for (const name of COLLECTION_NAMES) expect((schemas[name] as { encrypted?: unknown }).encrypted).toBeUndefined();
    expect(hasErrors(validateDocument('customers', customer))).toBe(false);
    expect(hasErrors(validateDocument('visits', visit))).toBe(false);
    expect(collectionCreators().customers.schema).toBe(schemas.customers);
  });
});
