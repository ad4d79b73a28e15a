import { isSyncedCollection } from '../../shared/sync/protocol';
import type { SyncDoc, SyncedCollection } from '../../shared/sync/protocol';
import type {
  AuditChainRow, AuditEntry, AuditEntryInput, ChangeEvent, DeviceSession, DocWrite, StoredDoc, TerritoryRecord, UserRecord, WritePlan,
} from './types';

/**
 * Row mapping shared by both dialects. SQLite hands back JSON as text, booleans as 0/1 and
 * integers as numbers; PostgreSQL hands back jsonb parsed, real booleans and bigint as strings.
 * The mappers accept either.
 */

type Json = string | object | null;
type Bool = number | boolean;
type Int = number | string | bigint;

function json<T>(value: Json | undefined): T {
  return (typeof value === 'string' ? JSON.parse(value) : value ?? null) as T;
}
const bool = (v: Bool): boolean => v === true || v === 1;
const int = (v: Int): number => Number(v);

export const DOC_COLUMNS = 'collection, id, seq, territory_id, deleted, data';
export interface DocRow { collection: string; id: string; seq: Int; territory_id: string | null; deleted: Bool; data: Json }
export function toStoredDoc(r: DocRow): StoredDoc {
  return {
    collection: r.collection as SyncedCollection,
    id: r.id,
    seq: int(r.seq),
    territoryId: r.territory_id,
    deleted: bool(r.deleted),
    data: json<SyncDoc>(r.data),
  };
}

export const USER_COLUMNS = 'id, user_name, display_name, password_hash, roles, territory_ids, manager_id, active, created_at, updated_at';
export interface UserRow {
  id: string; user_name: string; display_name: string; password_hash: string; roles: Json; territory_ids: Json;
  manager_id: string | null; active: Bool; created_at: string; updated_at: string;
}
export function toUser(r: UserRow): UserRecord {
  return {
    id: r.id,
    userName: r.user_name,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    roles: json(r.roles),
    territoryIds: json(r.territory_ids),
    managerId: r.manager_id,
    active: bool(r.active),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
/** Column values of a user, in USER_COLUMNS order (JSON as text, booleans as booleans). */
export function userValues(u: UserRecord): unknown[] {
  return [u.id, u.userName, u.displayName, u.passwordHash, JSON.stringify(u.roles), JSON.stringify(u.territoryIds), u.managerId, u.active, u.createdAt, u.updatedAt];
}
const USER_PATCH_COLUMNS: Record<keyof Omit<UserRecord, 'id' | 'createdAt'>, [string, (v: never) => unknown]> = {
  userName: ['user_name', (v: string) => v],
  displayName: ['display_name', (v: string) => v],
  passwordHash: ['password_hash', (v: string) => v],
  roles: ['roles', (v: unknown[]) => JSON.stringify(v)],
  territoryIds: ['territory_ids', (v: string[]) => JSON.stringify(v)],
  managerId: ['manager_id', (v: string | null) => v],
  active: ['active', (v: boolean) => v],
  updatedAt: ['updated_at', (v: string) => v],
};
/** [column, value] pairs of the defined fields of a user patch. */
export function userPatch(patch: Partial<Omit<UserRecord, 'id' | 'createdAt'>>): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(patch)) {
    const col = USER_PATCH_COLUMNS[key as keyof typeof USER_PATCH_COLUMNS];
    if (col && value !== undefined) out.push([col[0], col[1](value as never)]);
  }
  return out;
}

export const TERRITORY_COLUMNS = 'id, name, created_at';
export interface TerritoryRow { id: string; name: string; created_at: string }
export const toTerritory = (r: TerritoryRow): TerritoryRecord => ({ id: r.id, name: r.name, createdAt: r.created_at });

export const SESSION_COLUMNS = 'id, user_id, device_id, device_name, refresh_token_hash, previous_token_hash, created_at, last_used_at, expires_at, revoked_at';
/** What session reads select: the inserted columns plus the wipe flag set by a revoke. */
export const SESSION_SELECT = `${SESSION_COLUMNS}, wipe_on_revoke`;
export interface SessionRow {
  id: string; user_id: string; device_id: string; device_name: string; refresh_token_hash: string; previous_token_hash: string | null;
  created_at: string; last_used_at: string; expires_at: string; revoked_at: string | null;
  /** INTEGER 0/1 in SQLite, BOOLEAN in PostgreSQL. */
  wipe_on_revoke?: number | boolean | null;
}
export function toSession(r: SessionRow): DeviceSession {
  return {
    id: r.id,
    userId: r.user_id,
    deviceId: r.device_id,
    deviceName: r.device_name,
    refreshTokenHash: r.refresh_token_hash,
    previousTokenHash: r.previous_token_hash,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    ...(r.wipe_on_revoke === true || r.wipe_on_revoke === 1 ? { wipeOnRevoke: true } : {}),
  };
}
export function sessionValues(s: DeviceSession): unknown[] {
  return [s.id, s.userId, s.deviceId, s.deviceName, s.refreshTokenHash, s.previousTokenHash, s.createdAt, s.lastUsedAt, s.expiresAt, s.revokedAt];
}

export const AUDIT_COLUMNS = 'id, at, seq, user_id, device_id, collection, document_id, action, old_value, new_value';
export interface AuditRow {
  id: Int; at: string; seq: Int; user_id: string; device_id: string | null; collection: string; document_id: string;
  action: string; old_value: Json; new_value: Json;
}
export function toAudit(r: AuditRow): AuditEntry {
  return {
    id: int(r.id),
    at: r.at,
    seq: int(r.seq),
    userId: r.user_id,
    deviceId: r.device_id,
    collection: r.collection as SyncedCollection,
    documentId: r.document_id,
    action: r.action as AuditEntry['action'],
    oldValue: json(r.old_value),
    newValue: json(r.new_value),
  };
}
export const AUDIT_CHAIN_COLUMNS = `${AUDIT_COLUMNS}, values_salt, values_digest, prev_hash, hash, redacted_at`;
export interface AuditChainDbRow extends AuditRow {
  values_salt: string | null; values_digest: string | null; prev_hash: string | null; hash: string | null; redacted_at: string | null;
}
export function toAuditChainRow(r: AuditChainDbRow): AuditChainRow {
  return { ...toAudit(r), valuesSalt: r.values_salt, valuesDigest: r.values_digest, prevHash: r.prev_hash, hash: r.hash, redactedAt: r.redacted_at };
}

/** JSON text of an audit value; SQL NULL for null/undefined. */
export const auditJson = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

export const DEFAULT_AUDIT_LIMIT = 1000;
export const auditLimit = (limit: number | undefined): number => Math.max(1, Math.min(Math.floor(limit ?? DEFAULT_AUDIT_LIMIT), 10_000));

// ---- write plans -------------------------------------------------------------------------

export interface PreparedWrite {
  docs: StoredDoc[];
  audit: Array<AuditEntryInput & { seq: number; at: string }>;
}

const key = (collection: string, id: string): string => `${collection}\u0000${id}`;

/** Validates a plan and collapses repeated writes of one document (the last state wins, at the first position). */
export function normalizePlan(plan: WritePlan): DocWrite[] {
  if (!plan || !Array.isArray(plan.writes) || !Array.isArray(plan.audit)) throw new TypeError('plan must return { writes: [], audit: [] }');
  const byKey = new Map<string, DocWrite>();
  for (const w of plan.writes) {
    if (!isSyncedCollection(w.collection)) throw new TypeError(`plan writes to unknown collection ${String(w.collection)}`);
    if (typeof w.id !== 'string' || w.id === '') throw new TypeError('plan writes a document without id');
    if (typeof w.data !== 'object' || w.data === null) throw new TypeError(`plan writes ${w.collection}/${w.id} without data`);
    byKey.set(key(w.collection, w.id), w);
  }
  const keys = new Set(byKey.keys());
  for (const a of plan.audit) {
    if (!keys.has(key(a.collection, a.documentId))) throw new Error(`audit entry for ${a.collection}/${a.documentId} has no matching write in the plan`);
  }
  return [...byKey.values()];
}

/** Gives the writes consecutive seqs from firstSeq; each audit entry gets its document's seq. */
export function assignSeqs(writes: DocWrite[], audit: AuditEntryInput[], firstSeq: number, at: string): PreparedWrite {
  const seqOf = new Map<string, number>();
  const docs = writes.map((w, i): StoredDoc => {
    const seq = firstSeq + i;
    seqOf.set(key(w.collection, w.id), seq);
    return { collection: w.collection, id: w.id, seq, territoryId: w.territoryId ?? null, deleted: w.data._deleted === true, data: w.data };
  });
  return { docs, audit: audit.map((a) => ({ ...a, seq: seqOf.get(key(a.collection, a.documentId)) as number, at })) };
}

/** Splits rows (in seq order) into events of consecutive rows of one collection, so seq order is kept. */
export function toChangeEvents(docs: readonly StoredDoc[]): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  for (const d of docs) {
    const last = events[events.length - 1];
    if (last && last.collection === d.collection) last.docs.push(d);
    else events.push({ collection: d.collection, docs: [d] });
  }
  return events;
}

/** In-process listener registry; a throwing listener never affects the writer or other listeners. */
export class ChangeListeners {
  private readonly listeners = new Set<(event: ChangeEvent) => void>();
  get size(): number { return this.listeners.size; }
  add(listener: (event: ChangeEvent) => void): () => void {
    const wrapped = (e: ChangeEvent): void => listener(e);
    this.listeners.add(wrapped);
    return () => { this.listeners.delete(wrapped); };
  }
  emit(docs: readonly StoredDoc[]): void {
    if (docs.length === 0 || this.listeners.size === 0) return;
    for (const event of toChangeEvents(docs)) {
      for (const l of [...this.listeners]) {
        try { l(event); } catch (err) { console.error('store change listener failed', err); }
      }
    }
  }
}

/** A FIFO async mutex. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  run<T>(fn: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(() => undefined, () => undefined);
    return result;
  }
}
