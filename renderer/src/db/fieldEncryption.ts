import {
  getPrimaryFieldOfPrimaryKey, hasEncryption, newRxError, wrapRxStorageInstance,
  type RxDocumentData, type RxJsonSchema, type RxStorage, type RxStorageInstanceCreationParams,
} from 'rxdb';

/**
 * At-rest encryption of the fields a schema lists in `encrypted`, with the browser's WebCrypto:
 * AES-256-GCM, a fresh 96-bit IV per write, the document's id as additional data (a sealed value
 * cannot be moved to another document), all listed fields of a document sealed together into one
 * `sealed` string. The key is derived once per database with HKDF-SHA-256 from the installation's
 * random key (the RxDB database password, kept by the desktop shell in the OS keychain).
 *
 * Why not RxDB's free crypto-js plugin (used before): it runs AES in JavaScript and derives a key
 * from the password (EvpKDF) on every field of every write and read; that made the first sync of a
 * manager's team 2.3x slower than without encryption. WebCrypto is native, and one seal per document
 * instead of one per field. RxDB's own WebCrypto plugin is a paid one.
 */

/** The stored property holding a document's sealed fields (base64 of IV ‖ ciphertext ‖ tag). */
export const SEALED_FIELD = 'sealed';
/** Changing the derivation or the format changes this label, and with it every key. */
const KEY_INFO = 'fieldbook local fields: AES-256-GCM v1';
const IV_BYTES = 12;
const MINIMUM_PASSWORD_LENGTH = 8;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const keys = new Map<string, Promise<CryptoKey>>();
function aesKey(password: string): Promise<CryptoKey> {
  let key = keys.get(password);
  if (!key) {
    key = crypto.subtle
      .importKey('raw', encoder.encode(password), 'HKDF', false, ['deriveKey'])
      .then((base) => crypto.subtle.deriveKey(
        { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(KEY_INFO) },
        base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'],
      ));
    keys.set(password, key);
  }
  return key;
}

// Chunked: String.fromCharCode on a whole sealed document at once could exceed the argument limit.
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

type Doc = Record<string, unknown>;

/** The document without its listed fields, plus `sealed` holding them encrypted. */
export async function sealFields(key: CryptoKey, fields: readonly string[], id: string, doc: Doc): Promise<Doc> {
  const out: Doc = { ...doc };
  const secret: Doc = {};
  let any = false;
  for (const field of fields) {
    if (out[field] === undefined) continue;
    secret[field] = out[field];
    delete out[field];
    any = true;
  }
  if (!any) return out;
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = new Uint8Array(await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(id) }, key, encoder.encode(JSON.stringify(secret)),
  ));
  const packed = new Uint8Array(IV_BYTES + cipher.length);
  packed.set(iv);
  packed.set(cipher, IV_BYTES);
  out[SEALED_FIELD] = toBase64(packed);
  return out;
}

/** The stored document with its sealed fields decrypted back into place. */
export async function openFields(key: CryptoKey, id: string, stored: Doc): Promise<Doc> {
  const sealed = stored[SEALED_FIELD];
  if (typeof sealed !== 'string') return stored;
  const packed = fromBase64(sealed);
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: packed.subarray(0, IV_BYTES), additionalData: encoder.encode(id) }, key, packed.subarray(IV_BYTES),
    );
  } catch {
    // GCM's tag check: another key, another document's value, or damaged data. Never shown as text.
    throw new Error(`The encrypted fields of document ${id} cannot be read with this database's key`);
  }
  const out: Doc = { ...stored, ...(JSON.parse(decoder.decode(plain)) as Doc) };
  delete out[SEALED_FIELD];
  return out;
}

/** The schema the inner storage sees: the listed fields gone, `sealed` (a string) instead. */
function storedSchema<T>(schema: RxJsonSchema<RxDocumentData<T>>, fields: readonly string[]): RxJsonSchema<RxDocumentData<T>> {
  const properties: Record<string, unknown> = { ...(schema.properties as Record<string, unknown>) };
  for (const field of fields) delete properties[field];
  properties[SEALED_FIELD] = { type: 'string' };
  const copy = { ...schema, properties, required: (schema.required ?? []).filter((f) => !fields.includes(f as string)) } as RxJsonSchema<RxDocumentData<T>>;
  delete copy.encrypted;
  return copy;
}

function encryptedFields(params: RxStorageInstanceCreationParams<unknown, unknown>): string[] {
  const fields = [...(params.schema.encrypted ?? [])];
  const nested = fields.find((f) => f.includes('.'));
  // The app lists top-level fields only (shared/schemas/encryptedFields.ts); RxDB's meta copies use 'docData'.
  if (nested) throw new Error(`Encrypted field "${nested}" of ${params.collectionName}: only top-level fields can be encrypted`);
  if (params.schema.attachments?.encrypted) throw new Error(`${params.collectionName}: encrypted attachments are not supported`);
  return fields;
}

/** Wraps a storage so that the fields each schema lists in `encrypted` are kept encrypted. */
export function wrappedWebCryptoEncryptionStorage<Internals, Options>(storage: RxStorage<Internals, Options>): RxStorage<Internals, Options> {
  return {
    ...storage,
    async createStorageInstance<T>(params: RxStorageInstanceCreationParams<T, Options>) {
      if (!hasEncryption(params.schema)) return storage.createStorageInstance(params);
      const password = params.password;
      if (typeof password !== 'string') throw newRxError('EN3', { database: params.databaseName, collection: params.collectionName });
      if (password.length < MINIMUM_PASSWORD_LENGTH) throw newRxError('EN2', { minPassLength: MINIMUM_PASSWORD_LENGTH, passwordLength: password.length });
      const fields = encryptedFields(params as RxStorageInstanceCreationParams<unknown, unknown>);
      const primary = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey) as string;
      const key = await aesKey(password);
      const instance = await storage.createStorageInstance({ ...params, schema: storedSchema(params.schema, fields) });
      const idOf = (doc: Doc): string => String(doc[primary]);
      return wrapRxStorageInstance<T>(
        params.schema,
        instance,
        (doc) => sealFields(key, fields, idOf(doc as Doc), doc as Doc) as Promise<RxDocumentData<never>>,
        (doc) => openFields(key, idOf(doc as Doc), doc as Doc) as Promise<RxDocumentData<T>>,
      );
    },
  };
}
