import type { AdverseEvent } from '../../../../shared/schemas';
import type { FieldbookDatabase } from '../../db/database';
import { feedbackForAdverseEvent } from '../feedback/feedbackFormModel';

/**
 * Saves a new report locally (instantly, offline). Reports are never changed or deleted once
 * captured (the server refuses both); more information goes in as follow-ups. A report about a
 * customer also gets its linked feedback entry, written after the report so the report is the
 * first thing sync sends.
 */
export async function reportAdverseEvent(db: FieldbookDatabase, report: AdverseEvent, feedbackId: string): Promise<void> {
  await db.adverseevents.insert(report);
  const feedback = feedbackForAdverseEvent(report, feedbackId);
  if (feedback) await db.feedback.insert(feedback);
}
