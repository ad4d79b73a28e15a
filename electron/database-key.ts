// The local database's encryption key: 256 random bits made here in the main process (never
// chosen by the renderer), kept encrypted with safeStorage in the secure store under a name the
// generic secureGet/secureSet calls refuse.
import { randomBytes } from 'node:crypto';
import { DATABASE_KEY_BYTES, DATABASE_KEY_NAME, isValidDatabaseKey } from '../shared/ipc/contract';
import { fail, ok, type Result } from '../shared/ipc/result';
import type { SecureStore } from './secure-storage';

export interface DatabaseKeyStore {
  get(): Promise<Result<string>>;
  delete(): Promise<Result<void>>;
}

export function createDatabaseKeyStore(store: SecureStore, random: (bytes: number) => Buffer = randomBytes): DatabaseKeyStore {
  // One operation at a time: two windows asking on first start must get the same new key.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    get: () =>
      serialized(async () => {
        const stored = await store.get(DATABASE_KEY_NAME);
        // A key that exists but cannot be read is an error, never a reason to make a new one:
        // a new key would make the local data unreadable (and the app would delete it).
        if (!stored.ok) return stored;
        if (stored.value !== null) {
          return isValidDatabaseKey(stored.value) ? ok(stored.value) : fail<string>('invalid-key', 'The stored database key is malformed.');
        }
        const key = random(DATABASE_KEY_BYTES).toString('base64url');
        const saved = await store.set(DATABASE_KEY_NAME, key);
        return saved.ok ? ok(key) : saved;
      }),
    delete: () => serialized(() => store.set(DATABASE_KEY_NAME, null)),
  };
}
