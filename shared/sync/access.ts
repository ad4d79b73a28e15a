import { isAdmin, isManager, type Actor } from './actor';
import { equalIgnoring } from './merge';
import { answersQuestions, checkQuestionWrite, isAnswerer } from './questionAccess';
import type { RefusalReason, SyncDoc, SyncedCollection } from './protocol';

/**
 * Authorization of every synced row, both directions (see ARCHITECTURE.md, "Sync design"):
 * who may read a document, who may write it and how, and which fields only the server sets.
 * The server applies these on pull and push; the app uses the same rules to grey out what
 * would be refused.
 */

const META_FIELDS = ['createdAt', 'createdBy', 'updatedAt', 'updatedBy'] as const;

/** Fields only the server sets: a client's values for these never stick and never conflict. */
export const SERVER_OWNED_FIELDS: Record<SyncedCollection, readonly string[]> = {
  adverseevents: [...META_FIELDS, 'receivedAt', 'pvStatus', 'pvAcknowledgedBy', 'pvAcknowledgedAt'],
  customers: META_FIELDS,
  visits: META_FIELDS,
  feedback: META_FIELDS,
  products: META_FIELDS,
  articles: META_FIELDS,
  questions: META_FIELDS,
  reminders: META_FIELDS,
  colleagues: META_FIELDS,
  activities: META_FIELDS,
  comments: META_FIELDS,
  conflicts: META_FIELDS,
};

/** Collections every user reads in full: the catalogue, the knowledge base, the directory. */
const GLOBAL_COLLECTIONS: ReadonlySet<SyncedCollection> = new Set(['products', 'articles', 'colleagues']);

type Fields = Record<string, unknown>;
const fieldsOf = (doc: unknown): Fields => (doc !== null && typeof doc === 'object' ? (doc as Fields) : {});

/** The territory a document belongs to; null for the global collections (and a document without one). */
export function territoryOf(collection: SyncedCollection, doc: unknown): string | null {
  if (GLOBAL_COLLECTIONS.has(collection)) return null;
  const t = fieldsOf(doc).territoryId;
  return typeof t === 'string' ? t : null;
}

const inTerritory = (actor: Actor, territoryId: string | null): boolean =>
  territoryId !== null && actor.territoryIds.includes(territoryId);

export function canRead(actor: Actor, collection: SyncedCollection, doc: unknown): boolean {
  if (isAdmin(actor)) return true;
  switch (collection) {
    case 'products':
    case 'colleagues':
      return true;
    case 'articles':
      return fieldsOf(doc).status === 'published' || isManager(actor);
    case 'questions':
      return inTerritory(actor, territoryOf(collection, doc)) || answersQuestions(actor, fieldsOf(doc).routedTo);
    default:
      return inTerritory(actor, territoryOf(collection, doc));
  }
}

/**
 * What a pull may return of the territory collections: everything (admin) or these territories.
 * Answerers pull questions company-wide (canRead then keeps those on their route).
 */
export function readScope(actor: Actor, collection?: SyncedCollection): { all: true } | { all: false; territoryIds: readonly string[] } {
  if (isAdmin(actor) || (collection === 'questions' && isAnswerer(actor))) return { all: true };
  return { all: false, territoryIds: actor.territoryIds };
}

export interface WriteRefusal {
  reason: RefusalReason;
  message: string;
}

const refuse = (reason: RefusalReason, message: string): WriteRefusal => ({ reason, message });

/** Feedback fields that hold what was captured: fixed once the feedback exists on the server. */
const FEEDBACK_IMMUTABLE = ['kind', 'customerWords', 'repReading', 'product', 'customerId', 'capturedAt', 'visitId'] as const;
/** The only conflict fields a user may change: resolving it. */
const CONFLICT_MUTABLE = new Set(['status', 'resolvedAt']);

/** Whether a row changes any field but the server-owned ones (and `_deleted`, checked apart). */
function changesFields(collection: SyncedCollection, incoming: SyncDoc, master: SyncDoc): boolean {
  return !equalIgnoring(incoming, master, [...SERVER_OWNED_FIELDS[collection], '_deleted']);
}

const deletes = (incoming: SyncDoc, master: SyncDoc | undefined): boolean =>
  incoming._deleted && master?._deleted !== true;

/**
 * Whether a user with these roles can ever have a write of the collection accepted (checkWrite
 * refuses every write of the others, whatever the document). The app replicates the others
 * pull-only: for a rep, the catalogue, the knowledge base and the directory, most of a first sync.
 */
export function mayWriteCollection(roles: Actor['roles'], collection: SyncedCollection): boolean {
  if (collection === 'colleagues') return false;
  if (collection === 'products' || collection === 'articles') return isAdmin({ roles }) || isManager({ roles });
  return true;
}

/**
 * Whether `actor` may write `incoming` over `master` (undefined: a create).
 * Returns the refusal, or null when the row may be written.
 */
export function checkWrite(
  actor: Actor,
  collection: SyncedCollection,
  incoming: SyncDoc,
  master: SyncDoc | undefined,
): WriteRefusal | null {
  const admin = isAdmin(actor);

  if (collection === 'colleagues') return refuse('forbidden', 'Colleagues are managed by the server.');
  if (collection === 'products' || collection === 'articles') {
    if (!mayWriteCollection(actor.roles, collection)) return refuse('forbidden', `Only managers and admins may change ${collection}.`);
    // Readers never receive a draft, so a published article going back to draft would stay stale on their devices.
    if (collection === 'articles' && fieldsOf(master).status === 'published' && fieldsOf(incoming).status !== 'published') {
      return refuse('append_only', 'A published article cannot return to draft; publish a new version or withdraw it.');
    }
    return null;
  }
  if (collection === 'questions') {
    const territoryOk = admin || (inTerritory(actor, territoryOf(collection, incoming)) && (!master || inTerritory(actor, territoryOf(collection, master))));
    return checkQuestionWrite(actor, incoming as SyncDoc<'questions'>, master as SyncDoc<'questions'> | undefined, territoryOk, SERVER_OWNED_FIELDS.questions);
  }

  if (!admin) {
    if (!inTerritory(actor, territoryOf(collection, incoming))) {
      return refuse('forbidden', 'The document is not in your territory.');
    }
    if (master && !inTerritory(actor, territoryOf(collection, master))) {
      return refuse('forbidden', 'The stored document is not in your territory.');
    }
  }

  switch (collection) {
    case 'adverseevents':
      if (incoming._deleted) return refuse('not_deletable', 'Adverse event reports are never deleted.');
      if (master && changesFields(collection, incoming, master)) {
        return refuse('append_only', 'An adverse event report cannot be changed once sent; add a comment instead.');
      }
      return null;
    case 'visits':
      if (master && fieldsOf(master).status === 'submitted' && (deletes(incoming, master) || changesFields(collection, incoming, master))) {
        return refuse('append_only', 'A submitted visit cannot be changed or deleted; add a comment instead.');
      }
      return null;
    case 'feedback': {
      if (!master) return null;
      if (deletes(incoming, master)) return refuse('append_only', 'Feedback cannot be deleted.');
      const inc = fieldsOf(incoming);
      const mas = fieldsOf(master);
      const changed = FEEDBACK_IMMUTABLE.filter((f) => !equalIgnoring(inc[f], mas[f], []));
      if (changed.length > 0) {
        return refuse('append_only', `Captured feedback cannot be changed (${changed.join(', ')}); add a comment instead.`);
      }
      return null;
    }
    case 'comments': {
      if (master && (deletes(incoming, master) || changesFields(collection, incoming, master))) {
        return refuse('append_only', 'Comments cannot be changed or deleted.');
      }
      if (master) return null;
      const comment = incoming as SyncDoc<'comments'>;
      if (!admin && comment.authorId !== actor.userId) return refuse('forbidden', 'A comment is written in your own name.');
      if (comment.kind === 'coaching' && !admin && !isManager(actor)) return refuse('forbidden', 'Only managers write coaching comments.');
      return null;
    }
    case 'conflicts': {
      if (!master) return null;
      if (deletes(incoming, master)) return refuse('append_only', 'Conflicts cannot be deleted; dismiss them instead.');
      const ignored = [...SERVER_OWNED_FIELDS.conflicts, '_deleted', ...CONFLICT_MUTABLE];
      if (!equalIgnoring(incoming, master, ignored)) {
        return refuse('append_only', 'Only the status of a conflict can be changed.');
      }
      return null;
    }
    default:
      return null;
  }
}

/**
 * A copy of `doc` with the trusted server-owned values: creation from master (or now/actor),
 * update = now/actor; for adverse events the receipt and pharmacovigilance status from master
 * (or now/'received'). Whatever the client sent for these fields is discarded.
 */
export function stampServerFields<C extends SyncedCollection>(
  collection: C,
  doc: SyncDoc<C>,
  master: SyncDoc<C> | undefined,
  actor: Actor,
  now: string,
): SyncDoc<C> {
  const m = master === undefined ? undefined : fieldsOf(master);
  const out: Fields = { ...fieldsOf(doc) };
  out.createdAt = typeof m?.createdAt === 'string' ? m.createdAt : now;
  out.createdBy = typeof m?.createdBy === 'string' ? m.createdBy : actor.userId;
  out.updatedAt = now;
  out.updatedBy = actor.userId;
  if (collection === 'adverseevents') {
    out.receivedAt = typeof m?.receivedAt === 'string' ? m.receivedAt : now;
    out.pvStatus = typeof m?.pvStatus === 'string' ? m.pvStatus : 'received';
    for (const f of ['pvAcknowledgedBy', 'pvAcknowledgedAt'] as const) {
      if (m?.[f] !== undefined) out[f] = m[f];
      else delete out[f];
    }
  }
  return out as unknown as SyncDoc<C>;
}
