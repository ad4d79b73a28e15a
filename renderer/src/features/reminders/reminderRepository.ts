import type { Reminder } from '../../../../shared/schemas';
import { doneDoc, reopenDoc, snoozeDoc, type ActionContext } from '../../../../shared/reminders/actions';
import type { ReminderItem } from '../../../../shared/reminders/items';
import type { FieldbookDatabase } from '../../db/database';

/**
 * Writes reminder documents locally (instant, offline); sync takes them from there. Every action
 * returns what to write to take it back (the Undo of the confirmation).
 */
export type Undo = () => Promise<void>;

async function write(db: FieldbookDatabase, doc: Reminder): Promise<void> {
  await db.reminders.upsert(doc);
}

/** Restores the state document as it was before (or neutral: open, not snoozed, when there was none). */
function undoFor(db: FieldbookDatabase, item: ReminderItem, ctx: ActionContext): Undo {
  const before = item.state;
  return () => write(db, before ? { ...before, updatedAt: new Date().toISOString(), updatedBy: ctx.userId } : reopenDoc(item, ctx));
}

export async function markDone(db: FieldbookDatabase, item: ReminderItem, ctx: ActionContext): Promise<Undo> {
  await write(db, doneDoc(item, ctx));
  return undoFor(db, item, ctx);
}

export async function snooze(db: FieldbookDatabase, item: ReminderItem, until: string, ctx: ActionContext): Promise<Undo> {
  await write(db, snoozeDoc(item, until, ctx));
  return undoFor(db, item, ctx);
}

export async function reopen(db: FieldbookDatabase, item: ReminderItem, ctx: ActionContext): Promise<void> {
  await write(db, reopenDoc(item, ctx));
}

export async function saveReminder(db: FieldbookDatabase, doc: Reminder): Promise<void> {
  await write(db, doc);
}

/** Soft delete: syncs as `_deleted`, the audit trail keeps it. Only custom and replenishment reminders. */
export async function deleteReminder(db: FieldbookDatabase, id: string): Promise<void> {
  const current = await db.reminders.findOne(id).exec();
  await current?.remove();
}
