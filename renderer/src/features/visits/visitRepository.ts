import type { Visit } from '../../../../shared/schemas';
import type { FieldbookDatabase } from '../../db/database';

/** Saves locally and instantly; sync takes it from the local database. */
export async function saveVisit(db: FieldbookDatabase, doc: Visit): Promise<void> {
  await db.visits.upsert(doc);
}
