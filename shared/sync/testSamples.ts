/**
 * A valid document of every synced collection and an ordinary edit of each: fixtures for the
 * authorization tests (shared/sync/access.test.ts and the server's HTTP matrix). Test code only.
 */
import type { DocTypes } from '../schemas';
import type { RefusalReason, SyncDoc, SyncedCollection } from './protocol';

const T0 = '2026-03-02T01:30:00.000Z';
const T1 = '2026-03-02T02:00:00.000Z';

const meta = { createdAt: T0, updatedAt: T0, createdBy: 'u-rep-li', updatedBy: 'u-rep-li' };
const product = { productId: 'p-atv-20', name: '阿托伐他汀钙片 20mg' };

/** A valid document of each collection in territory `t` (ignored by the global collections); `id` replaces the fixed ids. */
export function sample(collection: SyncedCollection, t: string, id?: string): SyncDoc {
  const docs: { [C in SyncedCollection]: DocTypes[C] } = {
    customers: { id: 'c-1', code: 'HCP-1', name: '陈静', type: 'hcp', territoryId: t, ownerId: 'u-rep-li', ...meta },
    visits: { id: 'v-1', customerId: 'c-1', territoryId: t, repId: 'u-rep-li', kind: 'visit', status: 'draft', startAt: T0, summary: 'ok', ...meta },
    feedback: {
      id: 'f-1', customerId: 'c-1', territoryId: t, repId: 'u-rep-li', kind: 'complaint', status: 'new', capturedAt: T0,
      customerWords: '太贵了', repReading: 'price', product, visitId: 'v-1', ...meta,
    },
    adverseevents: {
      id: 'ae-1', territoryId: t, repId: 'u-rep-li', patient: { initials: 'ZW', sex: 'male' }, reporter: { name: '陈静' },
      product, event: '皮疹', seriousness: 'non_serious', capturedAt: T0, ...meta,
    },
    products: { id: 'p-1', code: 'ATV20', name: '阿托伐他汀钙片', type: 'rx', status: 'active', ...meta },
    articles: { id: 'a-1', title: 'FAQ', body: 'x', category: 'product', version: 1, status: 'published', authorId: 'u-mgr-wang', ...meta },
    questions: { id: 'q-1', territoryId: t, askedBy: 'u-rep-li', type: 'market', routedTo: 'expert', text: '?', status: 'open', askedAt: T0, ...meta },
    reminders: { id: 'r-1', ownerId: 'u-rep-li', territoryId: t, kind: 'custom', title: 'call', dueDate: '2026-03-05', status: 'open', ...meta },
    colleagues: { id: 'u-rep-li', userName: 'li', displayName: '李', roles: ['rep'], territoryIds: [t], active: true, ...meta },
    activities: { id: 'ac-1', territoryId: t, ownerId: 'u-rep-li', name: '科室会', kind: 'meeting', status: 'planned', startDate: '2026-03-09', ...meta },
    comments: { id: 'cm-1', territoryId: t, targetCollection: 'visits', targetId: 'v-1', kind: 'coaching', authorId: 'u-mgr-wang', text: 'good', at: T0, ...meta },
    conflicts: {
      id: 'cf-1', territoryId: t, targetCollection: 'customers', documentId: 'c-1', field: 'name', keptValue: '"A"', otherValue: '"B"',
      otherBy: 'u-rep-li', otherAt: T0, status: 'open', ...meta,
    },
  };
  return { ...docs[collection], ...(id ? { id } : {}), _deleted: false } as SyncDoc;
}

/** An ordinary edit of a mutable field, as a client would push it. */
export const EDIT: Record<SyncedCollection, Record<string, unknown>> = {
  customers: { name: '陈静 主任' },
  visits: { summary: 'better' },
  feedback: { status: 'acknowledged' },
  adverseevents: { outcome: 'recovered' },
  products: { name: '阿托伐他汀钙片 新' },
  articles: { title: 'FAQ 2' },
  questions: { status: 'closed' },
  reminders: { title: 'call again' },
  colleagues: { displayName: '李四' },
  activities: { status: 'done' },
  comments: { text: 'edited' },
  conflicts: { status: 'dismissed', resolvedAt: T1 },
};


export type MatrixRole = 'rep' | 'manager' | 'admin';
export type MatrixOp = 'create' | 'update' | 'delete';
export const GLOBAL_COLLECTIONS: readonly SyncedCollection[] = ['products', 'articles', 'colleagues'];

/**
 * The refusal each role gets for a write (null: accepted). `territory`: the document's, seen
 * from the role (a manager's own = their team's). The rules in words: colleagues are the
 * server's; products and articles are written by managers and admins; nobody but an admin
 * writes outside their territories; adverse events are never changed or deleted, comments
 * never changed, feedback and conflict records never deleted.
 */
export function expectedWrite(role: MatrixRole, c: SyncedCollection, territory: 'own' | 'foreign', op: MatrixOp): RefusalReason | null {
  if (c === 'colleagues') return 'forbidden';
  if (c === 'products' || c === 'articles') return role === 'rep' ? 'forbidden' : null;
  if (c === 'questions' && role === 'manager') {
    // An answerer everywhere (the sample is routed to experts), the asker only of their own questions.
    if (op === 'create') return 'forbidden';
    return op === 'update' || territory === 'own' ? null : 'forbidden';
  }
  if (territory === 'foreign' && role !== 'admin') return 'forbidden';
  if (c === 'adverseevents') return op === 'create' ? null : op === 'update' ? 'append_only' : 'not_deletable';
  // The sample is a manager's coaching comment: reps write follow-ups and notes, not coaching.
  if (c === 'comments') return op !== 'create' ? 'append_only' : role === 'rep' ? 'forbidden' : null;
  if (c === 'feedback' || c === 'conflicts') return op === 'delete' ? 'append_only' : null;
  return null;
}

/** Whether a role reads a (published) document of the collection in that territory. */
export function expectedRead(role: MatrixRole, c: SyncedCollection, territory: 'own' | 'foreign'): boolean {
  // Managers answer the questions of the whole company (those routed to experts, as the sample is).
  if (c === 'questions' && role === 'manager') return true;
  return role === 'admin' || territory === 'own' || GLOBAL_COLLECTIONS.includes(c);
}
