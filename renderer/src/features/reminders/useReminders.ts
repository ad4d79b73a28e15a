import { useMemo } from 'react';
import type { Reminder, Visit } from '../../../../shared/schemas';
import { buildAgenda, type Agenda } from '../../../../shared/reminders/due';
import { deriveReminderItems, type ReminderItem } from '../../../../shared/reminders/items';
import { neglectedCustomers, type NeglectedCustomer } from '../../../../shared/reminders/neglected';
import type { DayOf } from '../../../../shared/reminders/days';
import { localDay } from '../../../../shared/util/time';
import { useSessionStore } from '../../app/sessionStore';
import { useDatabase } from '../../db/DatabaseContext';
import { useRxQueryResults } from '../../db/useRxQuery';
import { useAllCustomers } from '../customers/useCustomers';
import { readClock, useToday } from './clock';
import { useReminderPrefs } from './reminderPrefs';

/** The device's time zone decides which day an instant fell on. */
export const localDayOf: DayOf = (instant) => localDay(new Date(instant));

function useAllVisits() {
  const db = useDatabase();
  const query = useMemo(() => db.visits.find(), [db]);
  return useRxQueryResults<Visit>(query);
}

function useAllReminders() {
  const db = useDatabase();
  const query = useMemo(() => db.reminders.find(), [db]);
  return useRxQueryResults<Reminder>(query);
}

export interface RemindersView {
  today: string;
  items: ReminderItem[];
  agenda: Agenda;
  neglected: NeglectedCustomer[];
  loading: boolean;
}

/** Everything Today shows, live: recomputed when a document changes or the day turns. */
export function useReminders(): RemindersView {
  const userId = useSessionStore((s) => s.user.id);
  const today = useToday();
  const neglectDays = useReminderPrefs((s) => s.neglectDays);
  const customers = useAllCustomers();
  const visits = useAllVisits();
  const reminders = useAllReminders();
  const items = useMemo(
    () => deriveReminderItems({ userId, customers: customers.data, visits: visits.data, reminders: reminders.data, today, now: readClock().now, dayOf: localDayOf }),
    [userId, customers.data, visits.data, reminders.data, today],
  );
  const agenda = useMemo(() => buildAgenda(items, today, localDayOf), [items, today]);
  const neglected = useMemo(
    () => neglectedCustomers(customers.data, visits.data, { today, now: readClock().now, dayOf: localDayOf, days: neglectDays }),
    [customers.data, visits.data, today, neglectDays],
  );
  return { today, items, agenda, neglected, loading: customers.loading || visits.loading || reminders.loading };
}
