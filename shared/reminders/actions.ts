import type { Reminder } from '../schemas';
import { addDays, laterDay, type DayOf } from './days';
import { effectiveDay } from './due';
import type { ReminderItem } from './items';

/**
 * Done and snooze as documents to write. Each returns the whole reminder document that holds the
 * item's state: for follow-ups and key dates a state document with a deterministic id (created on
 * first use, so two devices of one rep write the same document and sync merges it field by
 * field); for custom and replenishment reminders the reminder itself.
 */

export interface ActionContext {
  userId: string;
  /** Current instant, ISO UTC. */
  now: string;
  /** The rep's local day. */
  today: string;
  dayOf: DayOf;
}

export type SnoozeChoice = { kind: 'day' } | { kind: 'week' } | { kind: 'until'; day: string };

/** The state document to start from: the stored one when it applies, else a fresh one. */
function baseDoc(item: ReminderItem, ctx: ActionContext): Reminder {
  if (item.state) return { ...item.state };
  const doc: Reminder = {
    id: item.stateId,
    ownerId: ctx.userId,
    territoryId: item.territoryId,
    kind: item.kind,
    // A snapshot for the record (the audit trail, a manager's report); the list shows the live source.
    title: (item.title || item.customerName || item.kind).slice(0, 500),
    dueDate: item.dueDate,
    status: 'open',
    createdAt: ctx.now,
    createdBy: ctx.userId,
    updatedAt: ctx.now,
    updatedBy: ctx.userId,
  };
  if (item.customerId) doc.customerId = item.customerId;
  if (item.visitId) doc.visitId = item.visitId;
  return doc;
}

function touched(doc: Reminder, ctx: ActionContext): Reminder {
  return { ...doc, updatedAt: ctx.now, updatedBy: ctx.userId };
}

function without<K extends keyof Reminder>(doc: Reminder, ...keys: K[]): Reminder {
  const copy = { ...doc };
  for (const key of keys) delete copy[key];
  return copy;
}

export function doneDoc(item: ReminderItem, ctx: ActionContext): Reminder {
  const doc = without(baseDoc(item, ctx), 'snoozedUntil');
  if (item.kind === 'replenishment') {
    // Recurs: the next restock is one interval after today.
    return touched({ ...doc, status: 'open', doneAt: ctx.now, dueDate: addDays(ctx.today, item.intervalDays ?? doc.intervalDays ?? 30) }, ctx);
  }
  return touched({ ...doc, status: 'done', doneAt: ctx.now, dueDate: item.dueDate }, ctx);
}

/** Back to open (a slip of the finger), for items whose done is a status. */
export function reopenDoc(item: ReminderItem, ctx: ActionContext): Reminder {
  return touched({ ...without(baseDoc(item, ctx), 'doneAt', 'snoozedUntil'), status: 'open', dueDate: item.dueDate }, ctx);
}

/**
 * The day a snooze moves an item to: one day or one week after the later of today and the day it
 * is due now (so snoozing something due next week postpones it, never brings it forward), or a
 * picked day.
 */
export function snoozeTarget(item: ReminderItem, choice: SnoozeChoice, today: string): string {
  const base = laterDay(today, effectiveDay(item));
  if (choice.kind === 'day') return addDays(base, 1);
  if (choice.kind === 'week') return addDays(base, 7);
  return choice.day;
}

/** Whether a picked snooze day is allowed: after today (snoozing to today or earlier hides nothing). */
export const isValidSnoozeDay = (day: string, today: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(day) && day > today;

export function snoozeDoc(item: ReminderItem, until: string, ctx: ActionContext): Reminder {
  const doc = without(baseDoc(item, ctx), ...(item.kind === 'replenishment' ? [] : (['doneAt'] as const)));
  return touched({ ...doc, status: 'open', dueDate: item.kind === 'replenishment' ? doc.dueDate : item.dueDate, snoozedUntil: until }, ctx);
}
