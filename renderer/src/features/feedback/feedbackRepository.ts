import type { COMMENT_TARGETS, Comment, Feedback } from '../../../../shared/schemas';
import type { FieldbookDatabase } from '../../db/database';
import { applyStatusUpdate, type FeedbackStatusValues } from './feedbackFormModel';

/**
 * Feedback is captured once (insert, never overwrite: the customer's words are append-only) and
 * then only its status, assignee and resolution change. Follow-ups are separate `comments`
 * documents, so adding one never conflicts with the feedback itself.
 */
export async function captureFeedback(db: FieldbookDatabase, doc: Feedback): Promise<void> {
  await db.feedback.insert(doc);
}

/** What a status update may touch (the server refuses changes to the captured fields). */
const MUTABLE = ['status', 'resolution', 'assigneeId', 'updatedAt', 'updatedBy'] as const;

export class FeedbackMissingError extends Error {
  constructor(id: string) {
    super(`Feedback ${id} is not on this computer`);
    this.name = 'FeedbackMissingError';
  }
}

/** Saves a status change on the current local state (the captured fields are carried over untouched). */
export async function updateFeedbackStatus(db: FieldbookDatabase, id: string, values: FeedbackStatusValues, userId: string, now: string): Promise<void> {
  const current = await db.feedback.findOne(id).exec();
  if (!current) throw new FeedbackMissingError(id);
  await current.incrementalModify((doc) => {
    // `doc` carries RxDB's bookkeeping fields: check the plain feedback, then copy over only what may change.
    const { _meta: _m, _rev: _r, _attachments: _a, _deleted: _d, ...plain } = doc as Feedback & Record<'_meta' | '_rev' | '_attachments' | '_deleted', unknown>;
    const { doc: next, errors } = applyStatusUpdate(plain, values, userId, now);
    if (Object.keys(errors).length > 0) throw new Error(`Feedback ${id}: invalid status update ${JSON.stringify(errors)}`);
    for (const key of MUTABLE) {
      if (next[key] === undefined) delete doc[key];
      else (doc as Record<string, unknown>)[key] = next[key];
    }
    return doc;
  });
}

export interface FollowUpTarget {
  collection: (typeof COMMENT_TARGETS)[number];
  id: string;
  territoryId: string;
  customerId?: string;
}

/** Adds a follow-up (append-only) to feedback or to an adverse-event report. */
export async function addFollowUp(db: FieldbookDatabase, target: FollowUpTarget, text: string, id: string, userId: string, now: string): Promise<Comment> {
  const comment: Comment = {
    id,
    territoryId: target.territoryId,
    ...(target.customerId ? { customerId: target.customerId } : {}),
    targetCollection: target.collection,
    targetId: target.id,
    kind: 'follow_up',
    authorId: userId,
    text: text.trim(),
    at: now,
    createdAt: now,
    updatedAt: now,
    createdBy: userId,
    updatedBy: userId,
  };
  await db.comments.insert(comment);
  return comment;
}
