/// <reference types="vite/client" />
// FieldbookApi for plain Chromium (no Electron shell). Same contract, same validation, but secrets
// live only in sessionStorage: they survive a reload, not closing the tab. A browser has no
// OS-backed encryption to offer, so nothing secret is written to persistent storage — except the
// database key, see createBrowserApi's getDatabaseKey: FOR DEVELOPMENT AND TESTS ONLY.
import {
  DATABASE_KEY_BYTES,
  type FieldbookApi,
  isValidDatabaseKey,
  type NotifyOutcome,
  isAllowedExternalUrl,
  isValidNotificationBody,
  isValidNotificationTitle,
  isValidSecureKey,
  isValidSecureValue,
  isValidServerUrl,
  type ServerSettings,
} from '../../../shared/ipc/contract';
import { fail, ok, type Result } from '../../../shared/ipc/result';

/** What the browser implementation needs from its surroundings; injectable for tests. */
export interface BrowserEnvironment {
  readonly version: string;
  languages(): readonly string[];
  storage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Where the development database key lives (localStorage: shared by tabs, like the database). */
  keyStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  randomBytes(count: number): Uint8Array;
  open(url: string): void;
  /** The Web Notifications API, or null where the browser has none. */
  notifications(): BrowserNotifications | null;
  /** Where an admin's server address is kept (localStorage; not a secret). Absent: kept in memory only. */
  settingsStorage?(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/** localStorage key of the server address an admin saved in Settings (the browser has no packaged one). */
export const SERVER_URL_KEY = 'fieldbook.serverUrl';

/** What we use of the Web Notifications API. */
export interface BrowserNotifications {
  readonly permission: NotificationPermission;
  show(title: string, body: string): void;
}

/** Namespace in sessionStorage, so secrets never collide with other session keys. */
export const SESSION_KEY_PREFIX = 'fieldbook.secure.';

export function defaultBrowserEnvironment(): BrowserEnvironment {
  return {
    version: import.meta.env.VITE_APP_VERSION ?? '0.0.0-dev',
    languages: () => (navigator.languages.length > 0 ? navigator.languages : [navigator.language]),
    storage: () => window.sessionStorage,
    keyStorage: () => window.localStorage,
    randomBytes: (count) => crypto.getRandomValues(new Uint8Array(count)),
    open: (url) => {
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    notifications: () =>
      typeof window.Notification === 'function'
        ? {
            permission: window.Notification.permission,
            show: (title, body) => {
              new window.Notification(title, { body, tag: `fieldbook:${title}` });
            },
          }
        : null,
    settingsStorage: () => window.localStorage,
  };
}

/**
 * Where the browser build keeps its database key. DEVELOPMENT AND TESTS ONLY: the key sits in
 * localStorage next to the encrypted data, so it protects nothing against someone holding the
 * disk. It exists so the e2e tests run the same encrypted storage as the desktop app, whose key
 * is made and kept by the main process with safeStorage.
 */
export const DEV_DATABASE_KEY = 'fieldbook.dev-database-key';

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Runs `task`, turning a thrown error (storage disabled, quota) into an error Result. */
async function attempt<T>(code: string, task: () => T): Promise<Result<T>> {
  try {
    return ok(task());
  } catch (error) {
    return fail(code, error instanceof Error ? error.message : String(error));
  }
}

export function createBrowserApi(env: BrowserEnvironment = defaultBrowserEnvironment()): FieldbookApi {
  const memory = new Map<string, string>();
  const settings = env.settingsStorage ?? (() => ({ getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => void memory.set(k, v), removeItem: (k: string) => void memory.delete(k) }));
  const readServerSettings = (): ServerSettings => {
    const saved = settings().getItem(SERVER_URL_KEY);
    return { packaged: null, override: isValidServerUrl(saved) ? saved : null };
  };
  return Object.freeze({
    runtime: 'browser' as const,
    getAppVersion: async () => ok(env.version),
    getSystemLanguage: async () => ok(env.languages()[0] ?? 'en'),
    secureGet: async (key: string) => {
      if (!isValidSecureKey(key)) return fail<string | null>('invalid-arguments', 'Invalid secure storage key.');
      return attempt('storage-unavailable', () => env.storage().getItem(SESSION_KEY_PREFIX + key));
    },
    secureSet: async (key: string, value: string | null) => {
      if (!isValidSecureKey(key)) return fail<void>('invalid-arguments', 'Invalid secure storage key.');
      if (!isValidSecureValue(value)) return fail<void>('invalid-arguments', 'Secure storage value must be a string of limited size, or null.');
      return attempt('storage-unavailable', () => {
        if (value === null) env.storage().removeItem(SESSION_KEY_PREFIX + key);
        else env.storage().setItem(SESSION_KEY_PREFIX + key, value);
      });
    },
    getDatabaseKey: async () =>
      attempt('storage-unavailable', () => {
        const stored = env.keyStorage().getItem(DEV_DATABASE_KEY);
        if (isValidDatabaseKey(stored)) return stored;
        const key = base64url(env.randomBytes(DATABASE_KEY_BYTES));
        env.keyStorage().setItem(DEV_DATABASE_KEY, key);
        return key;
      }),
    deleteDatabaseKey: async () => attempt('storage-unavailable', () => env.keyStorage().removeItem(DEV_DATABASE_KEY)),
    openExternal: async (url: string) => {
      if (!isAllowedExternalUrl(url)) return fail<void>('invalid-arguments', 'This link is not on the allow-list.');
      return attempt('open-failed', () => env.open(url));
    },
    notify: async (title: string, body: string) => {
      if (!isValidNotificationTitle(title)) return fail<NotifyOutcome>('invalid-arguments', 'A notification needs a short, non-empty title.');
      if (!isValidNotificationBody(body)) return fail<NotifyOutcome>('invalid-arguments', 'The notification text must be a string of limited size.');
      // Only with permission already given: asking is for a click of the user, not for a timer.
      const api = env.notifications();
      if (api === null || api.permission !== 'granted') return ok<NotifyOutcome>('unavailable');
      return attempt('notify-failed', (): NotifyOutcome => {
        api.show(title, body);
        return 'shown';
      });
    },
    getServerSettings: async () => attempt('storage-unavailable', readServerSettings),
    setServerUrl: async (url: string | null) => {
      if (url !== null && !isValidServerUrl(url)) return fail<ServerSettings>('invalid-arguments', 'The server address must be an http(s) address without user, query or trailing slash.');
      return attempt('storage-unavailable', () => {
        if (url === null) settings().removeItem(SERVER_URL_KEY);
        else settings().setItem(SERVER_URL_KEY, url);
        return readServerSettings();
      });
    },
  });
}
