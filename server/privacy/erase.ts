import { stampServerFields, territoryOf } from '../../shared/sync/access';
import type { Actor } from '../../shared/sync/actor';
import type { SyncDoc } from '../../shared/sync/protocol';
import { hasErrors, validateDocument } from '../../shared/validation/validateDocument';
import type { AuditEntryInput, DocWrite, Store } from '../store/types';
import { docsEqual } from '../sync/equal';
import { anonymise } from './anonymise';
import { collectCustomerData, documentsOf, type SubjectCollection } from './customerData';

export interface EraseResult {
  customerId: string;
  code: string;
  erasedAt: string;
  /** Documents rewritten (new seq, synced to every device), per collection. */
  changed: Partial<Record<SubjectCollection, number>>;
  /** Adverse-event reports kept as they are until pharmacovigilance has acknowledged them. */
  retainedAdverseEvents: string[];
}

/** Collections rewritten by an erasure, adverse events first (as in sync), the customer last. */
const ORDER: readonly Exclude<SubjectCollection, 'activities'>[] = [
  'adverseevents', 'visits', 'feedback', 'questions', 'reminders', 'comments', 'conflicts', 'customers',
];

/**
 * Erases one customer's personal data (see anonymise.ts for what each field becomes), through
 * the server's write path: every changed document gets a new seq and an audit entry, so every
 * device that holds it pulls the anonymised version and its copy is overwritten. In the same
 * transaction per collection, the values of the documents' earlier audit entries are redacted
 * (the hash chain still verifies). Open conflict records of the customer are dismissed (their
 * values are gone). Running it again changes nothing more. Marketing activities are left alone:
 * they are not about the customer.
 */
export async function eraseCustomer(store: Store, customer: SyncDoc<'customers'>, actor: Actor, now: string): Promise<EraseResult> {
  const data = await collectCustomerData(store, customer);
  const ids = new Map<SubjectCollection, string[]>();
  for (const { collection, id } of documentsOf(data)) ids.set(collection, [...(ids.get(collection) ?? []), id]);
  const result: EraseResult = { customerId: customer.id, code: customer.code, erasedAt: customer.erasedAt ?? now, changed: {}, retainedAdverseEvents: [] };

  for (const collection of ORDER) {
    const wanted = ids.get(collection) ?? [];
    if (wanted.length === 0) continue;
    let retained: string[] = [];
    const rows = await store.write(collection, wanted, (current) => {
      retained = [];
      const writes: DocWrite[] = [];
      const audit: AuditEntryInput[] = [];
      const redactIds: string[] = [];
      for (const id of wanted) {
        const prior = current.get(id)?.data as (SyncDoc & Record<string, unknown>) | undefined;
        if (!prior) continue;
        // A report not yet acknowledged is still being worked: pharmacovigilance needs the reporter.
        if (collection === 'adverseevents' && prior.pvStatus !== 'acknowledged') {
          retained.push(id);
          continue;
        }
        redactIds.push(id);
        const next = anonymise(collection, prior, now) as Record<string, unknown>;
        if (collection === 'conflicts' && next.status === 'open') Object.assign(next, { status: 'dismissed', resolvedAt: now });
        if (docsEqual(prior, next, ['updatedAt', 'updatedBy'])) continue;
        const stamped = stampServerFields(collection, next as unknown as SyncDoc, prior, actor, now);
        const { _deleted: _d, ...plain } = stamped as unknown as Record<string, unknown>;
        const errors = validateDocument(collection, plain);
        if (hasErrors(errors)) throw new Error(`anonymised ${collection}/${id} is not valid: ${JSON.stringify(errors)}`);
        writes.push({ collection, id, territoryId: territoryOf(collection, stamped), data: stamped });
        audit.push({ userId: actor.userId, deviceId: actor.deviceId, collection, documentId: id, action: 'update', oldValue: prior, newValue: stamped });
      }
      const anonymiseValue = (value: unknown): unknown => anonymise(collection, value, now);
      return { writes, audit, redact: redactIds.length > 0 ? [{ collection, documentIds: redactIds, anonymise: anonymiseValue, at: now, by: actor.userId }] : [] };
    });
    if (rows.length > 0) result.changed[collection] = rows.length;
    if (collection === 'adverseevents') result.retainedAdverseEvents = retained;
  }
  return result;
}
