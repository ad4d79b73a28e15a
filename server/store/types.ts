import type { Role } from '../../shared/schemas';
import type { SyncDoc, SyncedCollection } from '../../shared/sync/protocol';

/**
 * The server's storage, one interface with two implementations: embedded SQLite (default,
 * a file in the data folder) and PostgreSQL (when DATABASE_URL is set). Same behaviour on both.
 *
 * Documents of every synced collection live in one table keyed by (collection, id), each with
 * the server-assigned sequence number of its last accepted write. Sequence numbers are global,
 * strictly increasing, and assigned inside the writing transaction so that a reader never sees
 * seq N+1 committed before N (SQLite: one writer at a time; PostgreSQL: a transaction-scoped
 * advisory lock taken before the numbers are handed out).
 */

export interface StoredDoc<C extends SyncedCollection = SyncedCollection> {
  collection: C;
  id: string;
  seq: number;
  /** Row-level authorization key; null for organisation-wide documents (products, articles, colleagues). */
  territoryId: string | null;
  deleted: boolean;
  /** The document exactly as replicated, including `_deleted`. */
  data: SyncDoc<C>;
}

/** A document to write in a push transaction; seq is assigned by the store. */
export interface DocWrite<C extends SyncedCollection = SyncedCollection> {
  collection: C;
  id: string;
  territoryId: string | null;
  data: SyncDoc<C>;
}

export interface AuditEntryInput {
  userId: string;
  deviceId: string | null;
  collection: SyncedCollection;
  documentId: string;
  action: 'create' | 'update' | 'delete';
  /** Whole document before (null on create) and after. */
  oldValue: unknown;
  newValue: unknown;
}

export interface AuditEntry extends AuditEntryInput {
  id: number;
  at: string;
  seq: number;
}

export interface AuditFilter {
  collection?: SyncedCollection;
  documentId?: string;
  userId?: string;
  afterId?: number;
  limit?: number;
}

/** Which rows a pull may return. `all`: admins. Otherwise territory rows in `territoryIds` plus organisation-wide rows (territoryId null) that pass `includeOrgWide`. */
export type ReadScope = { all: true } | { all: false; territoryIds: readonly string[] };

/**
 * What a push decides, computed by `plan` from the current rows INSIDE the transaction
 * (rows of `ids` are locked against concurrent pushes for the duration).
 */
export interface WritePlan {
  writes: DocWrite[];
  audit: AuditEntryInput[];
  /**
   * Erasure only: after this plan's entries are inserted, the values of every not yet redacted
   * audit entry of these documents are replaced by a redaction marker (see server/audit/chain.ts);
   * the chain's hashes and digests stay, so the trail still verifies.
   */
  redact?: AuditRedaction[];
}

export interface AuditRedaction {
  collection: SyncedCollection;
  documentIds: readonly string[];
  /** The value as it may stay in the trail (business fields only). */
  anonymise: (value: unknown) => unknown;
  at: string;
  by: string;
}

/** An audit entry with its hash-chain columns, as `audit:verify` walks them. */
export interface AuditChainRow extends AuditEntry {
  valuesSalt: string | null;
  valuesDigest: string | null;
  prevHash: string | null;
  hash: string | null;
  redactedAt: string | null;
}

export interface UserRecord {
  id: string;
  userName: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  /** Territories the user works in (a rep's own; a manager's team's come from their reps). */
  territoryIds: string[];
  managerId: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface TerritoryRecord {
  id: string;
  name: string;
  createdAt: string;
}

/** A signed-in device: the refresh token (stored hashed) rotates on every use. */
export interface DeviceSession {
  id: string;
  userId: string;
  deviceId: string;
  deviceName: string;
  refreshTokenHash: string;
  /** Hash of the token this one replaced: presenting it again means theft, and revokes the session. */
  previousTokenHash: string | null;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  revokedAt: string | null;
  /**
   * Revoked by an administrator for a lost or no longer trusted device: at its next contact the
   * server answers `device_revoked` and the app wipes its local data (other revocations keep it).
   */
  wipeOnRevoke?: boolean;
}

/** How a session ends: `wipe` for an administrator's revoke of a device or a user. */
export interface RevokeOptions {
  wipe?: boolean;
}

export interface ChangeEvent {
  collection: SyncedCollection;
  docs: StoredDoc[];
}

/** Reads inside a write's transaction. */
export interface TransactionReader {
  getDocs(collection: SyncedCollection, ids: readonly string[]): Promise<Map<string, StoredDoc>>;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Creates or upgrades the server's own tables (numbered migrations, recorded in a table). */
  migrate(): Promise<void>;
  close(): Promise<void>;

  // ---- documents ----
  getDocs(collection: SyncedCollection, ids: readonly string[]): Promise<Map<string, StoredDoc>>;
  /** Rows with seq > afterSeq in seq order, at most `limit`, restricted to `scope`. */
  pull(collection: SyncedCollection, afterSeq: number, limit: number, scope: ReadScope): Promise<StoredDoc[]>;
  /**
   * One atomic push: locks the rows of `collection`/`ids`, calls `plan` with their current
   * state, writes `plan.writes` (each gets the next seq) and `plan.audit`, commits, then
   * notifies change listeners (in every server process sharing the database). Returns the
   * written rows with their seqs. `plan` reads anything else it needs through `tx` (the same
   * transaction: a read through the pool while holding the locks could starve the pool).
   */
  write(
    collection: SyncedCollection,
    ids: readonly string[],
    plan: (current: Map<string, StoredDoc>, tx: TransactionReader) => WritePlan | Promise<WritePlan>,
  ): Promise<StoredDoc[]>;
  /** Highest committed seq (0 when empty). */
  maxSeq(): Promise<number>;
  /** Live changes, including writes made by other server processes on the same PostgreSQL. */
  onChange(listener: (event: ChangeEvent) => void): () => void;

  // ---- organisation ----
  createTerritory(t: TerritoryRecord): Promise<void>;
  listTerritories(): Promise<TerritoryRecord[]>;
  /** Changes a territory's name; false when there is no such territory. */
  renameTerritory(id: string, name: string): Promise<boolean>;
  createUser(u: UserRecord): Promise<void>;
  updateUser(id: string, patch: Partial<Omit<UserRecord, 'id' | 'createdAt'>>): Promise<void>;
  getUserById(id: string): Promise<UserRecord | null>;
  getUserByName(userName: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;

  // ---- device sessions ----
  createSession(s: DeviceSession): Promise<void>;
  findSessionByTokenHash(hash: string): Promise<{ session: DeviceSession; reused: boolean } | null>;
  /** Replaces the refresh token only if `expectedHash` is still current (a race loses). */
  rotateSession(id: string, expectedHash: string, next: { refreshTokenHash: string; lastUsedAt: string; expiresAt: string }): Promise<boolean>;
  revokeSession(id: string, at: string, options?: RevokeOptions): Promise<void>;
  revokeDevice(userId: string | null, deviceId: string, at: string, options?: RevokeOptions): Promise<number>;
  listSessions(userId?: string): Promise<DeviceSession[]>;
  getSession(id: string): Promise<DeviceSession | null>;

  // ---- audit (append-only; written only through write()) ----
  listAudit(filter: AuditFilter): Promise<AuditEntry[]>;
  /** Entries with id > afterId in id order (the chain order), with their chain columns. */
  auditChain(afterId: number, limit: number): Promise<AuditChainRow[]>;
}
