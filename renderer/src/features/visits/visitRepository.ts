import type { Visit } from '../../../../shared/schemas';
import type { FieldbookDatabase } from '../../db/database';
import { isVisitEditable } from './visitFormModel';

/** The visit was submitted (here or on another device) after the form was opened. */
export class VisitLockedError extends Error {
  constructor(id: string) {
    super(`Visit ${id} is submitted and cannot be changed`);
    this.name = 'VisitLockedError';
  }
}

/**
 * Saves locally and instantly; sync takes it from the local database. A visit that is already
 * submitted locally is never overwritten: the server would refuse it (append-only).
 */
export async function saveVisit(db: FieldbookDatabase, doc: Visit): Promise<void> {
  const current = await db.visits.findOne(doc.id).exec();
  if (current && !isVisitEditable(current)) throw new VisitLockedError(doc.id);
  await db.visits.upsert(doc);
}

/** Deletes a draft (soft delete: it syncs as `_deleted`). Submitted visits are never deleted. */
export async function deleteDraftVisit(db: FieldbookDatabase, id: string): Promise<void> {
  const current = await db.visits.findOne(id).exec();
  if (!current) return;
  if (!isVisitEditable(current)) throw new VisitLockedError(id);
  await current.remove();
}
