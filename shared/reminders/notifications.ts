import type { Agenda, AgendaEntry } from './due';

/**
 * Which reminders to announce now: each open reminder due today or overdue, once per day, a timed
 * one only from its time on. What was announced is kept per day on the device (not synced: every
 * device announces on its own).
 */

export interface NotifiedLog {
  day: string;
  keys: readonly string[];
}

export interface NotifyPick {
  entries: AgendaEntry[];
  /** The log to keep after announcing `entries`. */
  log: NotifiedLog;
}

/** `time` is the local wall-clock time HH:MM. */
export function pickNotifications(agenda: Pick<Agenda, 'overdue' | 'today'>, today: string, time: string, log: NotifiedLog | null): NotifyPick {
  const already = new Set(log?.day === today ? log.keys : []);
  const entries: AgendaEntry[] = [];
  for (const entry of [...agenda.overdue, ...agenda.today]) {
    const { item } = entry;
    if (already.has(item.key)) continue;
    // A timed reminder due today waits for its time; a snooze to today means "remind me today".
    if (entry.daysOverdue === 0 && !entry.snoozed && item.dueTime && item.dueTime > time) continue;
    entries.push(entry);
  }
  return { entries, log: { day: today, keys: [...already, ...entries.map((e) => e.item.key)] } };
}

/** At most this many reminders get a notification of their own; more are announced as a count. */
export const MAX_SEPARATE_NOTIFICATIONS = 3;
