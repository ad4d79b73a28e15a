import type { SyncDoc, SyncedCollection } from '../../shared/sync/protocol';
import type { AuditEntry, Store } from '../store/types';

/** The collections whose records can hold data about one customer, in the export's order. */
export const SUBJECT_COLLECTIONS = [
  'customers', 'visits', 'activities', 'feedback', 'adverseevents', 'questions', 'reminders', 'comments', 'conflicts',
] as const satisfies readonly SyncedCollection[];
export type SubjectCollection = (typeof SUBJECT_COLLECTIONS)[number];

export interface CustomerData {
  customer: SyncDoc<'customers'>;
  /** Every record about the customer, deleted ones included (they are still held). */
  records: { [C in Exclude<SubjectCollection, 'customers'>]: SyncDoc<C>[] };
}

const PAGE = 1000;

async function scan<C extends SyncedCollection>(store: Store, collection: C, keep: (doc: SyncDoc<C>) => boolean): Promise<SyncDoc<C>[]> {
  const out: SyncDoc<C>[] = [];
  for (let seq = 0; ;) {
    const rows = await store.pull(collection, seq, PAGE, { all: true });
    for (const row of rows) {
      const doc = row.data as unknown as SyncDoc<C>;
      if (keep(doc)) out.push(doc);
    }
    if (rows.length < PAGE) return out;
    seq = rows[rows.length - 1]!.seq;
  }
}

/** A customer by id, or by code (a live customer with exactly that code). */
export async function findCustomer(store: Store, idOrCode: string): Promise<SyncDoc<'customers'> | { ambiguous: string[] } | null> {
  const byId = (await store.getDocs('customers', [idOrCode])).get(idOrCode);
  if (byId) return byId.data as SyncDoc<'customers'>;
  const matches = await scan(store, 'customers', (d) => d.code === idOrCode && !d._deleted);
  if (matches.length > 1) return { ambiguous: matches.map((m) => m.id) };
  return matches[0] ?? null;
}

/**
 * Everything held about one customer: its document; its visits, feedback, adverse events,
 * questions and reminders (by customerId); the marketing activities its visits belong to;
 * comments on the customer or on any of those records; conflict records of any of them.
 * Admin-only reads (full scans: rare, and done by an administrator).
 */
export async function collectCustomerData(store: Store, customer: SyncDoc<'customers'>): Promise<CustomerData> {
  const id = customer.id;
  const visits = await scan(store, 'visits', (d) => d.customerId === id);
  const feedback = await scan(store, 'feedback', (d) => d.customerId === id);
  const adverseevents = await scan(store, 'adverseevents', (d) => d.customerId === id);
  const questions = await scan(store, 'questions', (d) => d.customerId === id);
  const reminders = await scan(store, 'reminders', (d) => d.customerId === id);
  const activityIds = new Set(visits.flatMap((v) => (v.activityId ? [v.activityId] : [])));
  const activities = activityIds.size > 0 ? await scan(store, 'activities', (d) => activityIds.has(d.id)) : [];
  const about = new Set<string>([id, ...[...visits, ...feedback, ...adverseevents, ...questions, ...reminders].map((d) => d.id)]);
  const comments = await scan(store, 'comments', (d) => d.customerId === id || about.has(d.targetId));
  for (const c of comments) about.add(c.id);
  const conflicts = await scan(store, 'conflicts', (d) => about.has(d.documentId));
  return { customer, records: { visits, activities, feedback, adverseevents, questions, reminders, comments, conflicts } };
}

/** Every (collection, id) of the data, the customer first. */
export function documentsOf(data: CustomerData): { collection: SubjectCollection; id: string }[] {
  const out: { collection: SubjectCollection; id: string }[] = [{ collection: 'customers', id: data.customer.id }];
  for (const c of SUBJECT_COLLECTIONS) {
    if (c === 'customers') continue;
    for (const d of data.records[c]) out.push({ collection: c, id: d.id });
  }
  return out;
}

/** The audit entries about the customer's records (activities are not about the customer: left out). */
export async function auditOf(store: Store, data: CustomerData): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (const { collection, id } of documentsOf(data)) {
    if (collection === 'activities') continue;
    for (let afterId = 0; ;) {
      const page = await store.listAudit({ collection, documentId: id, afterId, limit: PAGE });
      entries.push(...page);
      if (page.length < PAGE) break;
      afterId = page[page.length - 1]!.id;
    }
  }
  return entries.sort((a, b) => a.id - b.id);
}
