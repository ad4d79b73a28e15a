import { stampServerFields, territoryOf } from '../../shared/sync/access';
import type { Actor } from '../../shared/sync/actor';
import type { SyncDoc, SyncedCollection } from '../../shared/sync/protocol';
import { validateDocument, hasErrors } from '../../shared/validation/validateDocument';
import type { AuditEntryInput, DocWrite, Store } from '../store/types';
import { docsEqual } from '../sync/equal';
import { SYSTEM_USER } from './org';

/** The server acting on its own (demo data, CLI): an admin with no device. */
export const SYSTEM_ACTOR: Actor = { userId: SYSTEM_USER, roles: ['admin'], territoryIds: [], deviceId: null };

/**
 * Writes whole documents as the system user, in batches, through the same path as a push:
 * schema check, server stamps, one audit entry per changed document. Unchanged documents are
 * skipped. `update` may derive the new document from the current one.
 */
export async function writeAsSystem<C extends SyncedCollection>(
  store: Store,
  collection: C,
  docs: readonly SyncDoc<C>[],
  now: string,
  { batchSize = 500, actor = SYSTEM_ACTOR }: { batchSize?: number; actor?: Actor } = {},
): Promise<number> {
  for (const doc of docs) {
    const { _deleted: _d, ...plain } = doc as unknown as Record<string, unknown>;
    const errors = validateDocument(collection, plain);
    if (hasErrors(errors)) throw new Error(`${collection}/${doc.id} is not valid: ${JSON.stringify(errors)}`);
  }
  let written = 0;
  for (let i = 0; i < docs.length; i += batchSize) {
    const batch = docs.slice(i, i + batchSize);
    const rows = await store.write(collection, batch.map((d) => d.id), (current) => {
      const writes: DocWrite[] = [];
      const audit: AuditEntryInput[] = [];
      for (const doc of batch) {
        const prior = current.get(doc.id)?.data as SyncDoc<C> | undefined;
        const stamped = stampServerFields(collection, doc, prior, actor, now);
        if (prior && docsEqual(prior, stamped, ['updatedAt', 'updatedBy'])) continue;
        writes.push({ collection, id: doc.id, territoryId: territoryOf(collection, stamped), data: stamped as SyncDoc });
        audit.push({
          userId: actor.userId,
          deviceId: actor.deviceId,
          collection,
          documentId: doc.id,
          action: !prior ? 'create' : stamped._deleted && !prior._deleted ? 'delete' : 'update',
          oldValue: prior ?? null,
          newValue: stamped,
        });
      }
      return { writes, audit };
    });
    written += rows.length;
  }
  return written;
}
