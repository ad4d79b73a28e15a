import { describe, expect, it } from 'vitest';
import { createRxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { SEALED_FIELD, openFields, sealFields, wrappedWebCryptoEncryptionStorage } from './fieldEncryption';

async function keyOf(secret: string): Promise<CryptoKey> {
  const raw = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret));
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

describe('field encryption (AES-GCM, one seal per document)', () => {
  const doc = { id: 'c-1', code: 'HCP-1', name: '王芳', notes: 'Allergic to 青霉素', tags: ['a'], contacts: [{ phone: '+86 10 1234' }] };

  it('seals the listed fields into one value and opens them back unchanged', async () => {
    const key = await keyOf('k1');
    const stored = await sealFields(key, ['name', 'notes', 'contacts', 'missing'], 'c-1', doc);
    expect(Object.keys(stored).sort()).toEqual(['code', 'id', SEALED_FIELD, 'tags'].sort());
    expect(JSON.stringify(stored)).not.toMatch(/王芳|青霉素|1234/);
    expect(await openFields(key, 'c-1', stored)).toEqual(doc);
    expect(doc.name).toBe('王芳'); // the caller's document is not changed
  });

  it('uses a fresh IV on every write', async () => {
    const key = await keyOf('k1');
    const a = await sealFields(key, ['name'], 'c-1', doc);
    const b = await sealFields(key, ['name'], 'c-1', doc);
    expect(a[SEALED_FIELD]).not.toBe(b[SEALED_FIELD]);
  });

  it('refuses another key, another document id and damaged data', async () => {
    const key = await keyOf('k1');
    const stored = await sealFields(key, ['name'], 'c-1', doc);
    await expect(openFields(await keyOf('k2'), 'c-1', stored)).rejects.toThrow(/cannot be read/);
    await expect(openFields(key, 'c-2', stored)).rejects.toThrow(/cannot be read/);
    const text = stored[SEALED_FIELD] as string;
    const damaged = { ...stored, [SEALED_FIELD]: `${text.slice(0, 20)}${text[20] === 'A' ? 'B' : 'A'}${text.slice(21)}` };
    await expect(openFields(key, 'c-1', damaged)).rejects.toThrow(/cannot be read/);
  });

  it('leaves a document without listed fields as it is', async () => {
    const key = await keyOf('k1');
    const stored = await sealFields(key, ['name'], 'p-1', { id: 'p-1', code: 'X' });
    expect(stored).toEqual({ id: 'p-1', code: 'X' });
    expect(await openFields(key, 'p-1', stored)).toEqual({ id: 'p-1', code: 'X' });
  });

  it('refuses nested field paths and short passwords with a clear error', async () => {
    const storage = wrappedWebCryptoEncryptionStorage(getRxStorageMemory());
    const schema = {
      version: 0, primaryKey: 'id', type: 'object',
      properties: { id: { type: 'string', maxLength: 40 }, a: { type: 'object', properties: { b: { type: 'string' } } } },
      required: ['id'],
    } as const;
    const db = await createRxDatabase({ name: 'nested_enc', storage, password: 'long-enough-password', multiInstance: false });
    await expect(db.addCollections({ x: { schema: { ...schema, encrypted: ['a.b'] } } })).rejects.toThrow(/only top-level fields/);
    await db.close();
    const short = await createRxDatabase({ name: 'short_enc', storage, password: 'short', multiInstance: false });
    await expect(short.addCollections({ x: { schema: { ...schema, encrypted: ['a'] } } })).rejects.toMatchObject({ code: 'EN2' });
    await short.close();
  });
});
