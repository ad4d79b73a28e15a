/**
 * The books of the no-loss sync test: every value a client wrote (each a unique marker) and the
 * accounting at the end, which finds for each written value where it went.
 */

export type EditedCollection = 'customers' | 'visits';

export interface EditRecord {
  client: string;
  collection: EditedCollection;
  id: string;
  /** Dotted path of the field ("address.city"), or "_deleted" for a soft delete. */
  field: string;
  /** The unique marker written (for a delete: "true"). */
  marker: string;
  /** Markers the field held locally just before this write: what the writer saw and replaced. */
  replaced: string[];
  /** Index of the client's operation that wrote it. */
  op: number;
  /** When (ms since epoch), for the failure report. */
  at: number;
}

/** The part of a `conflicts` document the accounting reads. */
export interface ConflictView {
  id: string;
  targetCollection: string;
  documentId: string;
  field: string;
  keptValue: string;
  otherValue: string;
  otherBy?: string;
}

export const DELETED_FIELD = '_deleted';

/** Every string inside a value (markers are strings; arrays and objects are searched). */
export function markersIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => markersIn(v));
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap((v) => markersIn(v));
  return [];
}

export function getPath(doc: unknown, path: string): unknown {
  let node: unknown = doc;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined;
  }
  return node;
}

const docKey = (collection: string, id: string): string => `${collection}/${id}`;

/** A conflict about `field` of a document also covers the fields under it (a conflict on "address" holds "address.city"). */
function conflictCovers(c: ConflictView, collection: string, id: string, field: string): boolean {
  return c.targetCollection === collection && c.documentId === id && (c.field === field || field.startsWith(`${c.field}.`));
}

export type Outcome = 'final' | 'superseded' | 'conflict' | 'dropped';

export interface Accounting {
  total: number;
  byOutcome: Record<Outcome, number>;
  /** Written values found nowhere: silently dropped edits. Must be empty. */
  dropped: EditRecord[];
  /**
   * Conflicts whose kept value was written by someone who had already seen (and replaced) the
   * other value: nothing was at stake, the record is noise (typically a resend after a lost answer).
   */
  staleConflicts: ConflictView[];
}

/**
 * Where did each written value go? In the final document (`final`); replaced by a later write of
 * the same field whose writer had it on screen (`superseded`); kept or reported in a `conflicts`
 * document (`conflict`); or nowhere (`dropped`).
 */
export function accountEdits(
  edits: readonly EditRecord[],
  finalDocs: ReadonlyMap<string, Record<string, unknown>>,
  conflicts: readonly ConflictView[],
): Accounting {
  // Which markers were replaced by a writer who saw them, per document field.
  const replacedBy = new Map<string, EditRecord[]>();
  for (const e of edits) {
    for (const m of e.replaced) {
      const key = `${docKey(e.collection, e.id)}#${e.field}#${m}`;
      const list = replacedBy.get(key) ?? [];
      list.push(e);
      replacedBy.set(key, list);
    }
  }
  const conflictsByDoc = new Map<string, ConflictView[]>();
  for (const c of conflicts) {
    const key = docKey(c.targetCollection, c.documentId);
    const list = conflictsByDoc.get(key) ?? [];
    list.push(c);
    conflictsByDoc.set(key, list);
  }

  const byOutcome: Record<Outcome, number> = { final: 0, superseded: 0, conflict: 0, dropped: 0 };
  const dropped: EditRecord[] = [];
  for (const e of edits) {
    const key = docKey(e.collection, e.id);
    const doc = finalDocs.get(key);
    const docConflicts = conflictsByDoc.get(key) ?? [];
    let outcome: Outcome;
    if (e.field === DELETED_FIELD) {
      if (doc?._deleted === true) outcome = 'final';
      else if (docConflicts.some((c) => c.field === DELETED_FIELD && c.otherValue === 'true')) outcome = 'conflict';
      else outcome = 'dropped';
    } else if (doc && markersIn(getPath(doc, e.field)).includes(e.marker)) {
      outcome = 'final';
    } else if ((replacedBy.get(`${key}#${e.field}#${e.marker}`) ?? []).some((r) => r !== e)) {
      outcome = 'superseded';
    } else {
      const quoted = JSON.stringify(e.marker);
      const inConflict = docConflicts.some((c) => conflictCovers(c, e.collection, e.id, e.field) && (c.otherValue.includes(quoted) || c.keptValue.includes(quoted)));
      outcome = inConflict ? 'conflict' : 'dropped';
    }
    byOutcome[outcome] += 1;
    if (outcome === 'dropped') dropped.push(e);
  }

  const writerOf = new Map<string, EditRecord>();
  for (const e of edits) if (e.field !== DELETED_FIELD) writerOf.set(`${docKey(e.collection, e.id)}#${e.marker}`, e);
  const staleConflicts = conflicts.filter((c) => {
    if (c.field === DELETED_FIELD) return false;
    const other = new Set(markersIn(safeParse(c.otherValue)));
    return markersIn(safeParse(c.keptValue)).some((kept) => {
      const writer = writerOf.get(`${docKey(c.targetCollection, c.documentId)}#${kept}`);
      return writer !== undefined && writer.replaced.some((m) => other.has(m));
    });
  });

  return { total: edits.length, byOutcome, dropped, staleConflicts };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
