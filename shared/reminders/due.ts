import { addDays, daysBetween, type DayOf } from './days';
import type { ReminderItem } from './items';

/**
 * What is due when, for the Today view and the notifier. A snooze moves the day an item is due
 * (it reappears on the snooze day, as due that day); done items leave the lists.
 */

export interface AgendaEntry {
  item: ReminderItem;
  /** The day it is due after any snooze. */
  day: string;
  /** Days past `day` (0 for today and later). */
  daysOverdue: number;
  snoozed: boolean;
}

export interface Agenda {
  /** Oldest first. */
  overdue: AgendaEntry[];
  /** Timed ones first, by time. */
  today: AgendaEntry[];
  /** The next `horizonDays` days after today, by day. */
  upcoming: AgendaEntry[];
  /** Marked done today (kept in view so that a slip can be undone). */
  doneToday: ReminderItem[];
  /** Open items due after the horizon. */
  later: number;
}

export const UPCOMING_DAYS = 7;

/** The day an open item is due, after a snooze that moves it later. */
export function effectiveDay(item: Pick<ReminderItem, 'dueDate' | 'snoozedUntil'>): string {
  return item.snoozedUntil && item.snoozedUntil > item.dueDate ? item.snoozedUntil : item.dueDate;
}

const KIND_ORDER: Record<ReminderItem['kind'], number> = { follow_up: 0, custom: 1, replenishment: 2, key_date: 3 };

function compareEntries(a: AgendaEntry, b: AgendaEntry): number {
  if (a.day !== b.day) return a.day < b.day ? -1 : 1;
  // Within a day: timed first, by time; then by kind and title so the order never jumps.
  const ta = a.item.dueTime ?? '99:99';
  const tb = b.item.dueTime ?? '99:99';
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (a.item.kind !== b.item.kind) return KIND_ORDER[a.item.kind] - KIND_ORDER[b.item.kind];
  const na = `${a.item.customerName ?? ''}\u0000${a.item.title}`;
  const nb = `${b.item.customerName ?? ''}\u0000${b.item.title}`;
  if (na !== nb) return na.localeCompare(nb);
  return a.item.key < b.item.key ? -1 : a.item.key > b.item.key ? 1 : 0;
}

function toEntry(item: ReminderItem, today: string): AgendaEntry {
  const day = effectiveDay(item);
  return { item, day, daysOverdue: Math.max(0, daysBetween(day, today)), snoozed: day !== item.dueDate };
}

/** Every open item that passes `keep`, whenever due, soonest first (a customer's own reminders). */
export function openEntries(items: readonly ReminderItem[], today: string, keep: (item: ReminderItem) => boolean): AgendaEntry[] {
  return items.filter((item) => !item.done && keep(item)).map((item) => toEntry(item, today)).sort(compareEntries);
}

export function buildAgenda(items: readonly ReminderItem[], today: string, dayOf: DayOf, horizonDays = UPCOMING_DAYS): Agenda {
  const agenda: Agenda = { overdue: [], today: [], upcoming: [], doneToday: [], later: 0 };
  const horizon = addDays(today, horizonDays);
  for (const item of items) {
    // A replenishment done today is listed as done and also counts again at its next due day.
    if (item.doneAt && dayOf(item.doneAt) === today) agenda.doneToday.push(item);
    if (item.done) continue;
    const entry = toEntry(item, today);
    const { day } = entry;
    if (day < today) agenda.overdue.push(entry);
    else if (day === today) agenda.today.push(entry);
    else if (day <= horizon) agenda.upcoming.push(entry);
    else agenda.later += 1;
  }
  agenda.overdue.sort(compareEntries);
  agenda.today.sort(compareEntries);
  agenda.upcoming.sort(compareEntries);
  agenda.doneToday.sort((a, b) => ((a.doneAt ?? '') < (b.doneAt ?? '') ? 1 : -1));
  return agenda;
}

/** What the badge on the Today entry counts: open items due today or earlier. */
export const dueCount = (agenda: Pick<Agenda, 'overdue' | 'today'>): number => agenda.overdue.length + agenda.today.length;
