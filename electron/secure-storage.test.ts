import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSecureStore } from './secure-storage';
import { fake } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

let dir: string;
let file: string;

describe('secure storage', () => {
  beforeEach(async () => {
    fake.reset();
    dir = await mkdtemp(path.join(tmpdir(), 'fieldbook-secure-'));
    file = path.join(dir, 'nested', 'secure-store.json');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('round-trips a secret through safeStorage and never writes it in plain text', async () => {
    const store = createSecureStore(file);
    expect(await store.get('refresh-token')).toEqual({ ok: true, value: null });
    expect(await store.set('refresh-token', 'tök€n-123')).toEqual({ ok: true, value: undefined });
    expect(await store.get('refresh-token')).toEqual({ ok: true, value: 'tök€n-123' });

    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).not.toContain('tök€n-123');
    expect(JSON.parse(onDisk)).toMatchObject({ version: 1, entries: { 'refresh-token': expect.any(String) } });
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);

    // A fresh store (next app start) reads the same file.
    expect(await createSecureStore(file).get('refresh-token')).toEqual({ ok: true, value: 'tök€n-123' });
  });

  it('deletes a secret when set to null', async () => {
    const store = createSecureStore(file);
    await store.set('a', '1');
    await store.set('b', '2');
    await store.set('a', null);
    expect(await store.get('a')).toEqual({ ok: true, value: null });
    expect(await createSecureStore(file).get('b')).toEqual({ ok: true, value: '2' });
  });

  it('keeps concurrent writes', async () => {
    const store = createSecureStore(file);
    await Promise.all(['k1', 'k2', 'k3', 'k4'].map((key) => store.set(key, key.toUpperCase())));
    const reread = createSecureStore(file);
    for (const key of ['k1', 'k2', 'k3', 'k4']) expect(await reread.get(key)).toEqual({ ok: true, value: key.toUpperCase() });
  });

  it('refuses to store when encryption is unavailable, and writes nothing', async () => {
    fake.state.encryptionAvailable = false;
    const result = await createSecureStore(file).set('refresh-token', 'secret');
    expect(result).toMatchObject({ ok: false, error: { code: 'encryption-unavailable' } });
    await expect(stat(file)).rejects.toThrow();
  });

  it.runIf(process.platform === 'linux')('treats the Linux basic_text backend as unavailable', async () => {
    fake.state.storageBackend = 'basic_text';
    expect(await createSecureStore(file).set('refresh-token', 'secret')).toMatchObject({ ok: false, error: { code: 'encryption-unavailable' } });
  });

  it('reports an error instead of throwing when a secret cannot be decrypted', async () => {
    await createSecureStore(file).set('refresh-token', 'secret');
    fake.state.encryptionAvailable = false;
    expect(await createSecureStore(file).get('refresh-token')).toMatchObject({ ok: false, error: { code: 'encryption-unavailable' } });
    fake.state.encryptionAvailable = true;
    await writeFile(file, JSON.stringify({ version: 1, entries: { 'refresh-token': Buffer.from('garbage').toString('base64') } }));
    expect(await createSecureStore(file).get('refresh-token')).toMatchObject({ ok: false, error: { code: 'decrypt-failed' } });
  });

  it('starts empty when the file is corrupt', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await createSecureStore(file).set('a', '1');
    await writeFile(file, '{not json');
    const store = createSecureStore(file);
    expect(await store.get('a')).toEqual({ ok: true, value: null });
    expect(await store.set('b', '2')).toEqual({ ok: true, value: undefined });
  });
});
