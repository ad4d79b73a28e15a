import { COLLECTION_NAMES, type CollectionName, type Conflict } from '../../../../shared/schemas';
import type { Actor } from '../../../../shared/sync/actor';
import { checkWrite } from '../../../../shared/sync/access';
import { isSyncedCollection, type RefusalReason, type SyncDoc } from '../../../../shared/sync/protocol';
import { equalIgnoring } from '../../../../shared/sync/merge';
import { deletePath, getPath, setPath } from '../../../../shared/util/paths';
import { validateDocument } from '../../../../shared/validation/validateDocument';

/**
 * The pure side of resolving a same-field conflict (see shared/sync/merge.ts): the server kept
 * one value in the document and stored the other in a `conflicts` document. "Use this value"
 * writes the other value into the document locally (it then syncs as a normal edit) and marks
 * the conflict applied; "Keep current" marks it dismissed. Only `status` and `resolvedAt` of a
 * conflict may change (shared/sync/access.ts).
 */

type Obj = Record<string, unknown>;

/** The path of a lost delete: the other side deleted the whole document. */
export const DELETED_PATH = '_deleted';

/** Path segments that would reach an object's prototype instead of its data. */
const UNSAFE_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

export function isCollectionName(name: string): name is CollectionName {
  return (COLLECTION_NAMES as readonly string[]).includes(name);
}

/** A stored value (JSON text; the absent value is stored as `null`). `undefined` when unreadable. */
export function parseStoredValue(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/**
 * A copy of `doc` with `value` at the dotted `path`; `null` or `undefined` removes the field
 * (and parent objects left empty). The original is never changed.
 */
export function withPathValue<T extends object>(doc: T, path: string, value: unknown): T {
  const parts = path.split('.');
  if (parts.some((p) => p === '' || UNSAFE_SEGMENTS.has(p))) throw new Error(`Unusable field path: ${path}`);
  const copy = structuredClone(doc) as unknown as Obj;
  if (value === null || value === undefined) deletePath(copy, path);
  else setPath(copy, path, structuredClone(value));
  return copy as T;
}

/**
 * A document without RxDB's internal fields (`_deleted`, `_meta`, `_rev`, `_attachments`, as an
 * RxDB modify function receives it): schema fields never start with an underscore.
 */
export function withoutInternalFields<T extends object>(doc: T): T {
  return Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_'))) as T;
}

export type ApplyPlan<T> =
  | { ok: true; remove: false; doc: T }
  /** The other value is a delete of the whole document. */
  | { ok: true; remove: true }
  | { ok: false; reason: 'missing' | 'unreadable' | 'invalid' }
  | { ok: false; reason: 'refused'; refusal: RefusalReason };

/**
 * What "Use this value" would do to `current` (the target document as stored here, without
 * `_deleted`; null when it no longer exists), judged by the same rules as the server: a change
 * the server would refuse (a submitted visit, someone else's territory) or a document the schema
 * would refuse is not offered. `now` and `userId` stamp the edit for instant local display.
 */
export function planApply<T extends object>(
  conflict: Pick<Conflict, 'targetCollection' | 'field' | 'otherValue'>,
  current: T | null,
  actor: Actor,
  now: string,
): ApplyPlan<T> {
  const collection = conflict.targetCollection;
  if (!current || !isCollectionName(collection) || !isSyncedCollection(collection)) return { ok: false, reason: 'missing' };
  const parsed = parseStoredValue(conflict.otherValue);
  if (!parsed) return { ok: false, reason: 'unreadable' };
  const master = { ...current, _deleted: false } as unknown as SyncDoc;

  if (conflict.field === DELETED_PATH) {
    if (parsed.value !== true) return { ok: false, reason: 'unreadable' };
    const refusal = checkWrite(actor, collection, { ...master, _deleted: true }, master);
    return refusal ? { ok: false, reason: 'refused', refusal: refusal.reason } : { ok: true, remove: true };
  }

  let next: T;
  try {
    next = withPathValue(current, conflict.field, parsed.value);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  next = { ...next, updatedAt: now, updatedBy: actor.userId };
  const refusal = checkWrite(actor, collection, { ...next, _deleted: false } as unknown as SyncDoc, master);
  if (refusal) return { ok: false, reason: 'refused', refusal: refusal.reason };
  if (Object.keys(validateDocument(collection, next)).length > 0) return { ok: false, reason: 'invalid' };
  return { ok: true, remove: false, doc: next };
}

/**
 * The value the document holds now at the conflict's path, when it is no longer the kept one
 * (someone changed it since): JSON-equal values count as the same. Undefined otherwise.
 */
export function changedSinceKept(target: object | null, conflict: Pick<Conflict, 'field' | 'keptValue'>): { value: unknown } | undefined {
  if (!target || conflict.field === DELETED_PATH) return undefined;
  const kept = parseStoredValue(conflict.keptValue);
  const now = getPath(target, conflict.field) ?? null;
  if (kept && equalIgnoring(now, kept.value, [])) return undefined;
  return { value: now };
}

/** The fields a resolution changes (status and resolvedAt; the meta fields are the server's). */
export function resolutionPatch(
  status: 'applied' | 'dismissed',
  userId: string,
  now: string,
): Pick<Conflict, 'status' | 'resolvedAt' | 'updatedAt' | 'updatedBy'> {
  return { status, resolvedAt: now, updatedAt: now, updatedBy: userId };
}

const whenOf = (c: Conflict): string => c.otherAt ?? c.createdAt;
const resolvedWhen = (c: Conflict): string => c.resolvedAt ?? c.updatedAt;
const byDesc = (key: (c: Conflict) => string) => (a: Conflict, b: Conflict) =>
  key(b).localeCompare(key(a)) || b.id.localeCompare(a.id);

/** Open conflicts newest first; resolved ones most recently resolved first. */
export function splitConflicts(all: readonly Conflict[]): { open: Conflict[]; resolved: Conflict[] } {
  const open = all.filter((c) => c.status === 'open').sort(byDesc(whenOf));
  const resolved = all.filter((c) => c.status !== 'open').sort(byDesc(resolvedWhen));
  return { open, resolved };
}

/** Documents each conflict points at, grouped by collection, ids sorted (a stable query key). */
export function targetIds(conflicts: readonly Conflict[]): Partial<Record<CollectionName, string[]>> {
  const out: Partial<Record<CollectionName, Set<string>>> = {};
  for (const c of conflicts) {
    if (!isCollectionName(c.targetCollection)) continue;
    (out[c.targetCollection] ??= new Set()).add(c.documentId);
  }
  return Object.fromEntries(Object.entries(out).map(([k, ids]) => [k, [...ids].sort()]));
}

/** Key of a target document in a lookup map. */
export const targetKey = (collection: string, id: string): string => `${collection}/${id}`;
