import type { Comment, Visit } from '../../../../../shared/schemas';
import { newId } from '../../../../../shared/util/ids';
import type { FieldbookDatabase } from '../../../db/database';

/** A manager's coaching comment on a contact: its own append-only document, so it never conflicts with the visit. */
export function coachingComment(visit: Pick<Visit, 'id' | 'territoryId' | 'customerId'>, text: string, authorId: string, at: string, id = newId()): Comment {
  return {
    id, territoryId: visit.territoryId, customerId: visit.customerId, targetCollection: 'visits', targetId: visit.id, kind: 'coaching',
    authorId, text: text.trim(), at, createdAt: at, updatedAt: at, createdBy: authorId, updatedBy: authorId,
  };
}

export async function addComment(db: FieldbookDatabase, comment: Comment): Promise<void> {
  await db.comments.insert(comment);
}
