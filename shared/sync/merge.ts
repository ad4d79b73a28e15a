import type { DocTypes } from '../schemas';
import type { Actor } from './actor';
import type { SyncedCollection } from './protocol';

/**
 * The server's three-way merge of a pushed row (see ARCHITECTURE.md, "Sync design").
 *
 * base     = the client's assumedMasterState (what the client last saw of the server),
 * incoming = the client's newDocumentState,
 * master   = the server's current state.
 *
 * Plain objects merge field by field (address.city, assessment.tier); arrays and primitives
 * are atomic; a missing key is the value `undefined`. When both sides changed the same field
 * differently the master's value stays and the incoming value is reported in `lost`, so that
 * the caller can store it as a `conflicts` document: nothing is dropped silently.
 * Server-owned paths (createdAt, updatedAt, …) never take part: they always come from master.
 *
 * `_deleted`: an edit beats a delete. A delete on one side survives only when the other side
 * made no field edits since the base; a delete that lost is reported in `lost` as
 * { path: '_deleted', kept: false, other: true }: an incoming one, and also the master's (a delete
 * the client had not seen, undone by its edits), then with `by`/`at` of the user who deleted.
 * Without a base, a delete on one side stands only when the live side holds no value the deleting
 * side lacks (a retried create, then deleted).
 *
 * Without a base (the client thinks it creates the document) a field both sides hold with
 * different values is a conflict (master kept); a field only one side holds is taken.
 */

/** One incoming value that lost a same-field conflict. `path` is dotted: "address.city". */
export interface LostValue {
  path: string;
  /** The value that stayed (master's; for a master delete undone by the push, `false`). */
  kept: unknown;
  /** The value that lost: incoming's (or `true` for a master delete undone by the push). */
  other: unknown;
  /** Who wrote the value that lost, and when, if not the pushing user now: a master delete undone by the push. */
  by?: string;
  at?: string;
}

export interface MergeResult<T> {
  merged: T;
  lost: LostValue[];
  /** merged differs from master, ignoring server-owned paths: the server has to write. */
  changed: boolean;
}

type Obj = Record<string, unknown>;

const DELETED = '_deleted';

/** Own properties only: a key such as `__proto__` in client JSON is data, never the prototype. */
function own(o: Obj, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

function setOwn(o: Obj, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function isPlainObject(v: unknown): v is Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Deep equality for JSON-like values; object key order and keys holding `undefined` do not matter. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!deepEqual(own(a, k), own(b, k))) return false;
    return true;
  }
  return false;
}

function clone<V>(v: V): V {
  if (Array.isArray(v)) return v.map((x: unknown) => clone(x)) as V;
  if (isPlainObject(v)) {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) setOwn(out, k, clone(x));
    return out as V;
  }
  return v;
}

function getPath(doc: unknown, path: string): unknown {
  let node: unknown = doc;
  for (const part of path.split('.')) {
    if (!isPlainObject(node)) return undefined;
    node = own(node, part);
  }
  return node;
}

/** Sets (or, for `undefined`, removes) a dotted path in place, creating objects on the way. */
function setPath(doc: Obj, path: string, value: unknown): void {
  const parts = path.split('.');
  const last = parts.pop() as string;
  let node: Obj = doc;
  for (const part of parts) {
    let next = own(node, part);
    if (!isPlainObject(next)) {
      if (value === undefined) return;
      next = {};
      setOwn(node, part, next);
    }
    node = next as Obj;
  }
  if (value === undefined) delete node[last];
  else setOwn(node, last, clone(value));
}

/** A copy without the given dotted paths. */
function without(doc: unknown, paths: readonly string[]): unknown {
  if (!isPlainObject(doc) || paths.length === 0) return doc;
  const copy = clone(doc);
  for (const p of paths) setPath(copy, p, undefined);
  return copy;
}

/** Deep equality of two documents, ignoring the given (dotted) server-owned paths. */
export function equalIgnoring(a: unknown, b: unknown, serverOwned: readonly string[]): boolean {
  return deepEqual(without(a, serverOwned), without(b, serverOwned));
}

/** Copies the server-owned paths of master onto doc (removing those master lacks). */
function withServerOwnedFrom(doc: Obj, master: Obj, serverOwned: readonly string[]): Obj {
  for (const p of serverOwned) setPath(doc, p, getPath(master, p));
  return doc;
}

/**
 * Three-way merge of one value. `hasBase` false means the common ancestor is unknown: then a
 * side that has no value did not change anything, and two different values are a conflict.
 */
function mergeValue(path: string, base: unknown, hasBase: boolean, incoming: unknown, master: unknown, lost: LostValue[]): unknown {
  if (deepEqual(incoming, master)) return master;
  if (hasBase) {
    if (deepEqual(base, master)) return incoming; // only incoming changed
    if (deepEqual(base, incoming)) return master; // only master changed
  } else {
    if (incoming === undefined) return master;
    if (master === undefined) return incoming;
  }
  if (isPlainObject(incoming) && isPlainObject(master)) {
    const subBase = isPlainObject(base) ? base : {};
    return mergeObject(path, subBase, hasBase, incoming, master, lost);
  }
  lost.push({ path, kept: clone(master), other: clone(incoming) });
  return master;
}

function mergeObject(prefix: string, base: Obj, hasBase: boolean, incoming: Obj, master: Obj, lost: LostValue[]): Obj {
  const out: Obj = {};
  const keys = new Set([...Object.keys(master), ...Object.keys(incoming)]);
  for (const key of keys) {
    const path = prefix ? `${prefix}.${key}` : key;
    const v = mergeValue(path, own(base, key), hasBase, own(incoming, key), own(master, key), lost);
    if (v !== undefined) setOwn(out, key, clone(v));
  }
  return out;
}

/** Whether `holder` holds every value `part` holds (recursing into plain objects; `{}` holds nothing). */
function covers(holder: unknown, part: unknown): boolean {
  if (isPlainObject(part) && (holder === undefined || isPlainObject(holder))) {
    const h: Obj = holder ?? {};
    return Object.keys(part).every((k) => own(part, k) === undefined || covers(own(h, k), own(part, k)));
  }
  return deepEqual(holder, part);
}

/** True when doc differs from base in anything but server-owned paths and `_deleted`. */
function hasFieldEdits(doc: Obj, base: Obj, serverOwned: readonly string[]): boolean {
  return !equalIgnoring(doc, base, [...serverOwned, DELETED]);
}

export function mergeForPush<T extends object>(
  base: T | undefined,
  incoming: T,
  master: T | undefined,
  serverOwned: readonly string[],
): { merged: T; lost: LostValue[]; changed: boolean } {
  if (master === undefined) return { merged: clone(incoming), lost: [], changed: true };
  const inc = incoming as unknown as Obj;
  const mas = master as unknown as Obj;
  // An idempotent resend, or a client that already has the server's state.
  if (equalIgnoring(inc, mas, serverOwned)) return { merged: clone(master), lost: [], changed: false };
  const bas = base as unknown as Obj | undefined;
  // Nobody else wrote since the client's base: the client's state wins as a whole.
  if (bas !== undefined && equalIgnoring(bas, mas, serverOwned)) {
    const merged = withServerOwnedFrom(clone(inc), mas, serverOwned);
    return { merged: merged as T, lost: [], changed: true };
  }

  const lost: LostValue[] = [];
  const hasBase = bas !== undefined;
  const strip = (o: Obj): Obj => without(o, [...serverOwned, DELETED]) as Obj;
  const merged = mergeObject('', hasBase ? strip(bas) : {}, hasBase, strip(inc), strip(mas), lost);

  // _deleted: an edit beats a delete.
  const baseDel = bas?.[DELETED] === true;
  const incDel = inc[DELETED] === true;
  const masDel = mas[DELETED] === true;
  let deleted: boolean;
  if (incDel === masDel) {
    deleted = incDel;
  } else if (hasBase) {
    // Exactly one side changed the flag; a delete stands only when the other side made no field edits.
    deleted = incDel === baseDel ? masDel : incDel;
    if (deleted && hasFieldEdits(incDel ? mas : inc, bas, serverOwned)) deleted = false;
  } else {
    // Unknown base (typically a create retried, then deleted): the delete stands only when the live
    // side holds nothing the deleting side did not hold as well, so no edit of the live side is lost.
    deleted = incDel ? covers(strip(inc), strip(mas)) : covers(strip(mas), strip(inc));
  }
  // Record the incoming delete when it lost (not a delete the client merely still had from its base).
  if (incDel && !deleted && !(hasBase && baseDel)) lost.push({ path: DELETED, kept: false, other: true });
  // Likewise a delete on the server that the client had not seen and that its edits undid: the
  // deleting user's delete is reported as theirs (a delete the client saw and revived is no conflict).
  if (masDel && !deleted && !(hasBase && baseDel)) {
    const by = mas.updatedBy;
    const at = mas.updatedAt;
    lost.push({ path: DELETED, kept: false, other: true, ...(typeof by === 'string' ? { by } : {}), ...(typeof at === 'string' ? { at } : {}) });
  }
  if (DELETED in inc || DELETED in mas) merged[DELETED] = deleted;

  withServerOwnedFrom(merged, mas, serverOwned);
  return { merged: merged as T, lost, changed: !equalIgnoring(merged, mas, serverOwned) };
}

/** JSON text of a value for a `conflicts` document; an absent value is stored as `null`. */
function jsonText(v: unknown): string {
  return v === undefined ? 'null' : JSON.stringify(v);
}

/** One `conflicts` document per lost value, so that the user sees the other value and can choose. */
export function conflictRecords(args: {
  collection: SyncedCollection;
  documentId: string;
  territoryId: string;
  lost: LostValue[];
  actor: Actor;
  now: string;
  newId: () => string;
}): DocTypes['conflicts'][] {
  const { collection, documentId, territoryId, lost, actor, now, newId } = args;
  return lost.map((l) => ({
    id: newId(),
    territoryId,
    targetCollection: collection,
    documentId,
    field: l.path,
    keptValue: jsonText(l.kept),
    otherValue: jsonText(l.other),
    otherBy: l.by ?? actor.userId,
    otherAt: l.at ?? now,
    status: 'open' as const,
    createdAt: now,
    updatedAt: now,
    createdBy: actor.userId,
    updatedBy: actor.userId,
  }));
}
