import type { Reminder } from '../schemas';
import { daysBetween } from './days';
import type { DoneVisit, VisitIndex } from './visitIndex';

export type FollowUpState = 'done' | 'overdue' | 'due';

/**
 * A follow-up agreed in a contact is done once there is a later contact with the customer
 * (by anyone, on or before `asOf`) or its follow-up reminder was ticked off. Until then it is
 * overdue from the day after its date.
 */
export function followUpState(entry: DoneVisit, index: VisitIndex, doneVisitIds: ReadonlySet<string>): FollowUpState | null {
  const date = entry.visit.followUpDate;
  if (!date) return null;
  const last = index.lastByCustomer.get(entry.visit.customerId);
  if ((last && last.visit.startAt > entry.visit.startAt) || doneVisitIds.has(entry.visit.id)) return 'done';
  return date < index.asOf ? 'overdue' : 'due';
}

/** Visits whose follow-up reminder is done (the reminders feature ticks them off). */
export function doneFollowUpVisitIds(reminders: readonly Reminder[]): Set<string> {
  const out = new Set<string>();
  for (const r of reminders) if (r.kind === 'follow_up' && r.status === 'done' && r.visitId) out.add(r.visitId);
  return out;
}

export interface OverdueFollowUp {
  visitId: string;
  customerId: string;
  repId: string;
  followUpDate: string;
  daysOverdue: number;
}

export interface OverdueFollowUps {
  /** Most overdue first. */
  items: OverdueFollowUp[];
  byRep: Map<string, OverdueFollowUp[]>;
}

export function overdueFollowUps(index: VisitIndex, doneVisitIds: ReadonlySet<string> = new Set()): OverdueFollowUps {
  const items: OverdueFollowUp[] = [];
  const byRep = new Map<string, OverdueFollowUp[]>();
  const daysOverdue = new Map<string, number>();
  for (const entry of index.done) {
    // Cheap test first: most contacts have no follow-up or one that is not yet due.
    if (!entry.visit.followUpDate || entry.visit.followUpDate >= index.asOf || followUpState(entry, index, doneVisitIds) !== 'overdue') continue;
    const { visit } = entry;
    const days = daysOverdue.get(visit.followUpDate!) ?? daysBetween(visit.followUpDate!, index.asOf);
    daysOverdue.set(visit.followUpDate!, days);
    const item = { visitId: visit.id, customerId: visit.customerId, repId: visit.repId, followUpDate: visit.followUpDate!, daysOverdue: days };
    items.push(item);
    const list = byRep.get(visit.repId);
    if (list) list.push(item);
    else byRep.set(visit.repId, [item]);
  }
  const order = (a: OverdueFollowUp, b: OverdueFollowUp) => b.daysOverdue - a.daysOverdue || (a.visitId < b.visitId ? -1 : a.visitId > b.visitId ? 1 : 0);
  items.sort(order);
  for (const list of byRep.values()) list.sort(order);
  return { items, byRep };
}
