import type { Result } from './result';

/**
 * The one typed contract between the renderer and the Electron main process.
 * The preload exposes exactly these named functions on `window.fieldbook`; in a plain browser
 * the renderer uses a browser implementation of the same interface.
 */
export interface FieldbookApi {
  /** 'electron' when running in the desktop shell, 'browser' in plain Chromium. */
  readonly runtime: 'electron' | 'browser';
  getAppVersion(): Promise<Result<string>>;
  /** BCP 47 tag of the operating system's preferred UI language, e.g. "zh-CN". */
  getSystemLanguage(): Promise<Result<string>>;
  /** Secrets (refresh token, local key): encrypted with safeStorage in Electron. */
  secureGet(key: string): Promise<Result<string | null>>;
  secureSet(key: string, value: string | null): Promise<Result<void>>;
  /**
   * The key of the local database's encrypted fields: generated at random by the main process on
   * first use and kept encrypted with safeStorage (never chosen by the renderer). Fails, rather
   * than inventing a new key, when a stored key cannot be read (keychain locked or reset).
   */
  getDatabaseKey(): Promise<Result<string>>;
  /** Forgets the database key (sign-out, revoked device): what was encrypted with it is unreadable. */
  deleteDatabaseKey(): Promise<Result<void>>;
  /** Opens an https link in the system browser, only for hosts on the allow-list. */
  openExternal(url: string): Promise<Result<void>>;
  /**
   * Shows a desktop notification (a due reminder). 'shown' when the system took it, 'unavailable'
   * when this system or browser cannot show one (or the user has not allowed it): not an error.
   */
  notify(title: string, body: string): Promise<Result<NotifyOutcome>>;
  /** The organisation's sync server: set when the installer was packaged, changeable by an admin. */
  getServerSettings(): Promise<Result<ServerSettings>>;
  /** Saves an admin's server address on this computer (a normalised http(s) URL), or null to go back to the packaged one. */
  setServerUrl(url: string | null): Promise<Result<ServerSettings>>;
}

export interface ServerSettings {
  /** The address written into the installer at packaging time (null: none, or not the desktop app). */
  readonly packaged: string | null;
  /** The address an admin saved in Settings on this computer (null: none). */
  readonly override: string | null;
}

/** The server address in force: an admin's choice on this computer beats the packaged one. */
export const effectiveServerUrl = (settings: ServerSettings): string | null => settings.override ?? settings.packaged;

export type NotifyOutcome = 'shown' | 'unavailable';

/** IPC channel names; main accepts only channels with this prefix. */
export const IPC_PREFIX = 'fieldbook:';
export const IpcChannel = {
  getAppVersion: 'fieldbook:app-version',
  getSystemLanguage: 'fieldbook:system-language',
  secureGet: 'fieldbook:secure-get',
  secureSet: 'fieldbook:secure-set',
  getDatabaseKey: 'fieldbook:database-key-get',
  deleteDatabaseKey: 'fieldbook:database-key-delete',
  openExternal: 'fieldbook:open-external',
  notify: 'fieldbook:notify',
  getServerSettings: 'fieldbook:server-settings',
  setServerUrl: 'fieldbook:set-server-url',
} as const satisfies Record<Exclude<keyof FieldbookApi, 'runtime'>, `fieldbook:${string}`>;

/** Keys for secure storage: a short identifier, nothing path-like. */
export const SECURE_KEY_PATTERN = /^[a-z][a-z0-9._-]{0,63}$/;
/** Where the database key is kept; secureGet/secureSet refuse it (only the key calls touch it). */
export const DATABASE_KEY_NAME = 'fieldbook.database-key';
/** Random bytes in a database key (256 bits), handed over as base64url. */
export const DATABASE_KEY_BYTES = 32;
const DATABASE_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function isValidDatabaseKey(key: unknown): key is string {
  return typeof key === 'string' && DATABASE_KEY_PATTERN.test(key);
}
/** Largest secret we store (a token or a key), in characters. */
export const SECURE_VALUE_MAX = 16_384;

/** Hosts an external link may point at (documentation and support). */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['fieldbook.app', 'www.fieldbook.app', 'support.fieldbook.app'];

export function isAllowedExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && EXTERNAL_LINK_HOSTS.includes(parsed.hostname);
}

export function isValidSecureKey(key: unknown): key is string {
  return typeof key === 'string' && SECURE_KEY_PATTERN.test(key) && key !== DATABASE_KEY_NAME;
}

export function isValidSecureValue(value: unknown): value is string | null {
  return value === null || (typeof value === 'string' && value.length <= SECURE_VALUE_MAX);
}

/** Longest notification title and body, in characters (systems cut them much shorter anyway). */
export const NOTIFICATION_TITLE_MAX = 200;
export const NOTIFICATION_BODY_MAX = 1000;

export function isValidNotificationTitle(title: unknown): title is string {
  return typeof title === 'string' && title.trim() !== '' && title.length <= NOTIFICATION_TITLE_MAX;
}

export function isValidNotificationBody(body: unknown): body is string {
  return typeof body === 'string' && body.length <= NOTIFICATION_BODY_MAX;
}

/** Longest server address accepted, in characters. */
export const SERVER_URL_MAX = 2048;

/**
 * A server address as the app stores it: http or https, a host, no credentials, query or
 * fragment, no trailing slash (what the renderer's normalizeServerUrl produces).
 */
export function isValidServerUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > SERVER_URL_MAX || /\s/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || url.username || url.password) return false;
  return url.search === '' && url.hash === '' && !value.endsWith('/') && value === `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}
