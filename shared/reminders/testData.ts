// Builders for the reminder tests: minimal valid documents with overridable fields.
import type { Customer, Reminder, Visit } from '../schemas';
import { dayOfIn } from './days';
import type { ReminderSources } from './items';

export const REP = 'u-rep-zhang';
export const TERRITORY = 't-bj';
const META = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', createdBy: REP, updatedBy: REP };

export function customer(id: string, fields: Partial<Customer> = {}): Customer {
  return { id, code: `C-${id}`, name: `Customer ${id}`, type: 'hcp', territoryId: TERRITORY, ownerId: REP, ...META, ...fields };
}

export function visit(id: string, customerId: string, startAt: string, fields: Partial<Visit> = {}): Visit {
  return { id, customerId, territoryId: TERRITORY, repId: REP, kind: 'visit', status: 'submitted', startAt, submittedAt: startAt, ...META, ...fields };
}

export function reminder(id: string, fields: Partial<Reminder> & Pick<Reminder, 'kind' | 'dueDate'>): Reminder {
  return { id, ownerId: REP, territoryId: TERRITORY, title: `Reminder ${id}`, status: 'open', ...META, ...fields };
}

/** Sources for a rep in Beijing on `today` at 10:00 local time (02:00 UTC). */
export function sources(today: string, docs: Partial<Pick<ReminderSources, 'customers' | 'visits' | 'reminders'>> = {}): ReminderSources {
  return {
    userId: REP,
    customers: docs.customers ?? [],
    visits: docs.visits ?? [],
    reminders: docs.reminders ?? [],
    today,
    now: `${today}T02:00:00.000Z`,
    dayOf: dayOfIn('Asia/Shanghai'),
  };
}
