// Small secrets (refresh token, local key) encrypted with the OS keychain through safeStorage and
// kept as base64 ciphertext in one JSON file under userData. When the OS offers no real encryption
// we refuse to store anything rather than write the secret in (near) plain text.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { safeStorage } from 'electron';
import { fail, ok, type Result } from '../shared/ipc/result';

export interface SecureStore {
  get(key: string): Promise<Result<string | null>>;
  set(key: string, value: string | null): Promise<Result<void>>;
}

type Entries = Record<string, string>;
const FILE_VERSION = 1;

/** False without a keychain, and on Linux with the 'basic_text' backend (a hard-coded key). */
export function isEncryptionUsable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
}

export function createSecureStore(filePath: string): SecureStore {
  let cache: Entries | null = null;
  // Writes are chained so two concurrent set() calls cannot lose each other's update.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const load = async (): Promise<Entries> => {
    cache ??= await readEntries(filePath);
    return cache;
  };

  return {
    get: (key) =>
      serialized(async () => {
        const stored = (await load())[key];
        if (stored === undefined) return ok(null);
        if (!isEncryptionUsable()) return fail('encryption-unavailable', 'OS encryption is not available to read this secret.');
        try {
          return ok(safeStorage.decryptString(Buffer.from(stored, 'base64')));
        } catch {
          return fail('decrypt-failed', 'The stored secret could not be decrypted (was the OS keychain reset?).');
        }
      }),
    set: (key, value) =>
      serialized(async () => {
        if (value !== null && !isEncryptionUsable()) {
          return fail('encryption-unavailable', 'OS encryption is not available; the secret was not stored.');
        }
        const next: Entries = { ...(await load()) };
        if (value === null) delete next[key];
        else next[key] = safeStorage.encryptString(value).toString('base64');
        await writeEntries(filePath, next);
        cache = next;
        return ok(undefined);
      }),
  };
}

async function readEntries(filePath: string): Promise<Entries> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch {
    return {}; // first run
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'entries' in parsed) {
      const entries = (parsed as { entries: unknown }).entries;
      if (typeof entries === 'object' && entries !== null) {
        return Object.fromEntries(Object.entries(entries).filter((pair): pair is [string, string] => typeof pair[1] === 'string'));
      }
    }
  } catch {
    // fall through: an unreadable file costs a new sign-in, not a crash
  }
  console.warn(`Fieldbook: ignoring unreadable secure store ${filePath}`);
  return {};
}

/** Write-then-rename so a crash never leaves a half-written file; 0600 because it is per-user data. */
async function writeEntries(filePath: string, entries: Entries): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true });
  const temp = `${filePath}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify({ version: FILE_VERSION, entries }), { mode: 0o600 });
  await rename(temp, filePath);
}
