import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_KEY_NAME } from '../shared/ipc/contract';
import { createDatabaseKeyStore } from './database-key';
import { createSecureStore } from './secure-storage';
import { fake } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

let dir: string;
let file: string;

describe('database key', () => {
  beforeEach(async () => {
    fake.reset();
    dir = await mkdtemp(path.join(tmpdir(), 'fieldbook-dbkey-'));
    file = path.join(dir, 'secure-store.json');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('makes a 256-bit key on first use, stores it only encrypted, and returns it on the next start', async () => {
    const key = await createDatabaseKeyStore(createSecureStore(file)).get();
    expect(key).toEqual({ ok: true, value: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    if (!key.ok) return;
    expect(Buffer.from(key.value, 'base64url')).toHaveLength(32);
    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).toContain(DATABASE_KEY_NAME);
    expect(onDisk).not.toContain(key.value);
    expect(await createDatabaseKeyStore(createSecureStore(file)).get()).toEqual(key);
  });

  it('gives concurrent first callers (two windows) the same key', async () => {
    const keys = createDatabaseKeyStore(createSecureStore(file));
    const results = await Promise.all([keys.get(), keys.get(), keys.get()]);
    expect(new Set(results.map((r) => (r.ok ? r.value : 'error'))).size).toBe(1);
    expect(results[0]?.ok).toBe(true);
  });

  it('makes a different key after delete', async () => {
    const keys = createDatabaseKeyStore(createSecureStore(file));
    const first = await keys.get();
    expect(await keys.delete()).toEqual({ ok: true, value: undefined });
    const second = await keys.get();
    expect(first.ok && second.ok && first.value !== second.value).toBe(true);
  });

  it('fails, and does not replace the key, when the stored key cannot be decrypted', async () => {
    const first = await createDatabaseKeyStore(createSecureStore(file)).get();
    fake.state.encryptionAvailable = false; // keychain locked or gone
    expect(await createDatabaseKeyStore(createSecureStore(file)).get()).toMatchObject({ ok: false, error: { code: 'encryption-unavailable' } });
    fake.state.encryptionAvailable = true;
    expect(await createDatabaseKeyStore(createSecureStore(file)).get()).toEqual(first);
  });

  it('refuses to make a key that could only be stored in plain text', async () => {
    fake.state.encryptionAvailable = false;
    expect(await createDatabaseKeyStore(createSecureStore(file)).get()).toMatchObject({ ok: false, error: { code: 'encryption-unavailable' } });
  });
});
