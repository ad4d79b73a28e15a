import type { SessionUserInfo } from '../../../../shared/sync/protocol';
import { ROLES, type Role } from '../../../../shared/schemas';

/**
 * What the app remembers of a sign-in between starts: nothing secret (the refresh token goes
 * to platform.secureSet, the access token stays in memory). Enough to open the user's local
 * database at the next start without the network.
 */
export interface StoredSession {
  user: SessionUserInfo;
  serverUrl: string;
  /** ISO instant the last access token expires (informative: a new start always refreshes). */
  accessExpiresAt: string;
  signedInAt: string;
}

/** The last address and user name, to fill the sign-in form after a sign-out or an expired session. */
export interface LastSignIn {
  serverUrl: string;
  userName: string;
}

export const SESSION_KEY = 'fieldbook.session';
export const LAST_SIGN_IN_KEY = 'fieldbook.lastSignIn';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseUserInfo(value: unknown): SessionUserInfo | null {
  if (!isObject(value)) return null;
  const { id, userName, displayName, roles, territoryIds, homeTerritoryId } = value;
  if (!isString(id) || !id || !isString(userName) || !isString(displayName) || !isString(homeTerritoryId)) return null;
  if (!isStringArray(roles) || !roles.every((r) => (ROLES as readonly string[]).includes(r)) || !isStringArray(territoryIds)) return null;
  return { id, userName, displayName, roles: roles as Role[], territoryIds, homeTerritoryId };
}

/** Reads a stored session back; anything malformed (an older format, a hand edit) counts as none. */
export function parseStoredSession(raw: string | null): StoredSession | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObject(value)) return null;
  const user = parseUserInfo(value.user);
  const { serverUrl, accessExpiresAt, signedInAt } = value;
  if (!user || !isString(serverUrl) || !serverUrl || !isString(accessExpiresAt) || !isString(signedInAt)) return null;
  return { user, serverUrl, accessExpiresAt, signedInAt };
}

function read<T>(storage: KeyValueStorage, key: string, parse: (raw: string | null) => T | null): T | null {
  try {
    return parse(storage.getItem(key));
  } catch {
    return null;
  }
}

function write(storage: KeyValueStorage, key: string, value: unknown): void {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value));
  } catch (error) {
    console.warn(`Could not store ${key}`, error);
  }
}

export const loadStoredSession = (storage: KeyValueStorage = localStorage): StoredSession | null =>
  read(storage, SESSION_KEY, parseStoredSession);
export const saveStoredSession = (session: StoredSession | null, storage: KeyValueStorage = localStorage): void =>
  write(storage, SESSION_KEY, session);

export function parseLastSignIn(raw: string | null): LastSignIn | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (isObject(value) && isString(value.serverUrl) && isString(value.userName)) return { serverUrl: value.serverUrl, userName: value.userName };
  } catch {
    // fall through
  }
  return null;
}
export const loadLastSignIn = (storage: KeyValueStorage = localStorage): LastSignIn | null => read(storage, LAST_SIGN_IN_KEY, parseLastSignIn);
export const saveLastSignIn = (value: LastSignIn, storage: KeyValueStorage = localStorage): void => write(storage, LAST_SIGN_IN_KEY, value);
