import type { RxCollection } from 'rxdb';
import type { Conflict } from '../../../../shared/schemas';
import type { Actor } from '../../../../shared/sync/actor';
import type { FieldbookDatabase } from '../../db/database';
import { isCollectionName, planApply, resolutionPatch, withoutInternalFields, type ApplyPlan } from './conflictActions';

/** Writes of the conflicts page, all local: sync sends them like any other edit. */

async function markResolved(db: FieldbookDatabase, id: string, status: 'applied' | 'dismissed', userId: string, now: string): Promise<void> {
  const doc = await db.conflicts.findOne(id).exec();
  if (!doc) throw new Error(`Conflict ${id} does not exist on this computer`);
  await doc.incrementalPatch(resolutionPatch(status, userId, now));
}

/** "Keep current": the document stays as it is. */
export function dismissConflict(db: FieldbookDatabase, conflict: Pick<Conflict, 'id'>, userId: string, now: string): Promise<void> {
  return markResolved(db, conflict.id, 'dismissed', userId, now);
}

/**
 * "Use this value": writes the other value into the target document (planned again on the
 * freshest local state, in RxDB's write queue), then marks the conflict applied. Returns the
 * plan that was refused, if any; nothing is written then.
 */
export async function applyConflict(
  db: FieldbookDatabase,
  conflict: Conflict,
  actor: Actor,
  now: string,
): Promise<Extract<ApplyPlan<object>, { ok: false }> | null> {
  if (!isCollectionName(conflict.targetCollection)) return { ok: false, reason: 'missing' };
  const collection = db[conflict.targetCollection] as unknown as RxCollection<object>;
  const doc = await collection.findOne(conflict.documentId).exec();
  const plan = planApply(conflict, doc ? (doc.toJSON() as object) : null, actor, now);
  if (!plan.ok) return plan;
  if (plan.remove) {
    await doc?.remove();
  } else {
    await doc?.incrementalModify((data: object) => {
      const fresh = planApply(conflict, withoutInternalFields(data), actor, now);
      if (!fresh.ok || fresh.remove) throw new Error(`The conflict on ${conflict.field} can no longer be applied`);
      return fresh.doc;
    });
  }
  await markResolved(db, conflict.id, 'applied', actor.userId, now);
  return null;
}
