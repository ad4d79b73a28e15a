import type { Question } from '../../../../shared/schemas';
import type { FieldbookDatabase } from '../../db/database';
import { answered, forwarded } from './questionModel';

/** Question writes: local and instant, sent by sync; the server checks who may ask, answer and forward. */
export async function askQuestion(db: FieldbookDatabase, question: Question): Promise<void> {
  await db.questions.insert(question);
}

export async function answerQuestion(db: FieldbookDatabase, id: string, text: string, by: string, now: string): Promise<void> {
  const current = await db.questions.findOne(id).exec();
  if (!current) throw new Error(`Question ${id} is not on this computer`);
  await current.incrementalModify((q) => answered(q, text, by, now));
}

export async function forwardQuestion(db: FieldbookDatabase, id: string, by: string, now: string): Promise<void> {
  const current = await db.questions.findOne(id).exec();
  if (!current) throw new Error(`Question ${id} is not on this computer`);
  await current.incrementalModify((q) => forwarded(q, by, now));
}

/** Marks the asker's new answers as seen (ends the notification on every device of the asker). */
export async function markAnswersSeen(db: FieldbookDatabase, ids: readonly string[], now: string): Promise<void> {
  if (ids.length === 0) return;
  const docs = await db.questions.findByIds([...ids]).exec();
  for (const doc of docs.values()) {
    await doc.incrementalPatch({ answerSeenAt: now, updatedAt: now });
  }
}
