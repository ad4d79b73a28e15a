import type { CollectionName, DocTypes, Role } from '../schemas';
import type { DocVersion } from './docVersion';

/**
 * The sync protocol between the app and the server: RxDB's replication protocol
 * (pull by checkpoint, push with assumedMasterState, a server-sent-events stream) over HTTP.
 * Both sides compile against these types; the server stores and forwards, the rules that
 * decide a merge live in shared/sync/merge.ts.
 */

/** Every collection the server replicates. All of them: the app keeps no unsynced business data. */
export const SYNCED_COLLECTIONS = [
  'adverseevents', // first: pharmacovigilance reports go out before anything else
  'customers', 'visits', 'feedback', 'products', 'articles', 'questions',
  'reminders', 'colleagues', 'activities', 'comments', 'conflicts',
] as const satisfies readonly CollectionName[];
export type SyncedCollection = (typeof SYNCED_COLLECTIONS)[number];

export function isSyncedCollection(name: unknown): name is SyncedCollection {
  return typeof name === 'string' && (SYNCED_COLLECTIONS as readonly string[]).includes(name);
}

/** A document as it travels: RxDB's soft-delete flag is part of the payload. */
export type WithDeleted<T> = T & { _deleted: boolean };
export type SyncDoc<C extends SyncedCollection = SyncedCollection> = WithDeleted<DocTypes[C]>;

/**
 * The checkpoint is a server-assigned, strictly increasing sequence number (never a clock):
 * every accepted write gets the next number, and a pull returns rows with seq > checkpoint.seq
 * in seq order. The server guarantees a reader never sees seq N+1 before N is committed.
 */
export interface SyncCheckpoint {
  seq: number;
}

/** Largest page a pull returns and a push accepts. */
export const MAX_BATCH = 1000;
export const DEFAULT_PULL_LIMIT = 500;

/** GET /api/sync/:collection/pull?seq=<checkpoint seq or 0>&limit=<n> */
export interface PullResponse<C extends SyncedCollection = SyncedCollection> {
  documents: SyncDoc<C>[];
  /** Checkpoint after the last returned row; the request's own checkpoint when none. */
  checkpoint: SyncCheckpoint;
}

/** One row of a push: RxDB's RxReplicationWriteToMasterRow. */
export interface PushRow<C extends SyncedCollection = SyncedCollection> {
  newDocumentState: SyncDoc<C>;
  assumedMasterState?: SyncDoc<C>;
}

/** POST /api/sync/:collection/push, body: PushRequest (at most MAX_BATCH rows). */
export interface PushRequest<C extends SyncedCollection = SyncedCollection> {
  rows: PushRow<C>[];
}

/** Why a row was refused. Nothing of a refused row is written. */
export type RefusalReason =
  | 'forbidden' // not in the user's territory / not allowed for the role
  | 'invalid' // fails the collection's JSON schema
  | 'append_only' // submitted visits/feedback and adverse events cannot be changed that way
  | 'not_deletable'; // adverse events are never deleted

export interface RefusedRow {
  id: string;
  reason: RefusalReason;
  /** Human-readable detail in English, for logs and the sync status panel. */
  message: string;
}

/**
 * Push answer. `conflicts`: the server's current state of each row whose assumedMasterState
 * did not match, after the server's field-by-field merge (RxDB's client takes these as the
 * master state). `refused`: rows not written at all; a refused row the server already holds is
 * also in `conflicts` with the server's state, so the client drops the refused change locally
 * (it stays visible in the sync panel) instead of keeping a copy the server will never accept.
 */
export interface PushResponse<C extends SyncedCollection = SyncedCollection> {
  conflicts: SyncDoc<C>[];
  refused: RefusedRow[];
}

/**
 * GET /api/sync/:collection/versions: every document the user may read, as [id, content hash,
 * deleted], and the checkpoint after the last of them. The client compares them with its copy
 * and fetches what differs (a repair pass after reconnecting; see renderer's replicationRepair).
 */
export interface VersionsResponse {
  versions: DocVersion[];
  checkpoint: SyncCheckpoint;
}

/** POST /api/sync/:collection/fetch, body {ids} (at most MAX_BATCH): the readable ones' server state. */
export interface FetchRequest {
  ids: string[];
}
export interface FetchResponse<C extends SyncedCollection = SyncedCollection> {
  documents: SyncDoc<C>[];
}

/**
 * GET /api/sync/stream: server-sent events, one stream for all collections.
 * `event: change` data: StreamChange. `event: resync` data: {} (reconnected or fell behind:
 * the client must pull from its checkpoint). Comment lines keep the connection alive.
 */
export interface StreamChange<C extends SyncedCollection = SyncedCollection> {
  collection: C;
  documents: SyncDoc<C>[];
  checkpoint: SyncCheckpoint;
}

// ---- Auth -------------------------------------------------------------------------------

/** The signed-in user as the app knows them. */
export interface SessionUserInfo {
  id: string;
  userName: string;
  displayName: string;
  roles: Role[];
  /** Territories whose data this user may read and write (a manager: the team's). */
  territoryIds: string[];
  /** The territory new records of this user go to. */
  homeTerritoryId: string;
}

/** POST /api/auth/login */
export interface LoginRequest {
  userName: string;
  password: string;
  /** Stable id of this installation; refresh tokens are bound to it. */
  deviceId: string;
  deviceName: string;
}

/** Answer to login and refresh. The refresh token rotates on every use. */
export interface TokenResponse {
  accessToken: string;
  /** ISO instant; the app refreshes a little before. */
  accessExpiresAt: string;
  refreshToken: string;
  user: SessionUserInfo;
}

/** POST /api/auth/refresh */
export interface RefreshRequest {
  refreshToken: string;
  deviceId: string;
}

/**
 * Every 4xx/5xx answer of the API. `code` is stable and machine-readable; the app maps
 * `session_expired` and `session_revoked` to "sign in again", `device_revoked` (an admin
 * revoked the device) to "wipe the local data, then sign in again", and everything else to a
 * sync error with a retry.
 */
export interface ApiError {
  code:
    | 'bad_request' | 'invalid_json' | 'unknown_collection' | 'batch_too_large' | 'payload_too_large'
    | 'unauthenticated' | 'session_expired' | 'session_revoked' | 'device_revoked' | 'invalid_credentials' | 'rate_limited'
    | 'forbidden' | 'not_found' | 'internal';
  message: string;
}

export const API = {
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
  pull: (c: SyncedCollection) => `/api/sync/${c}/pull`,
  push: (c: SyncedCollection) => `/api/sync/${c}/push`,
  versions: (c: SyncedCollection) => `/api/sync/${c}/versions`,
  fetch: (c: SyncedCollection) => `/api/sync/${c}/fetch`,
  stream: '/api/sync/stream',
  health: '/health',
  ready: '/ready',
} as const;
