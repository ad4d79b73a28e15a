import type { Visit } from '../schemas';
import type { DayOf } from './days';

/** A submitted contact and the day it fell on for the manager. */
export interface DoneVisit {
  visit: Visit;
  day: string;
}

/**
 * One pass over all visits, shared by every report: submitted contacts with their day, the
 * latest contact per customer up to `asOf`, and contacts by marketing activity. Drafts are
 * work in progress, not something the team did, so the reports leave them out.
 */
export interface VisitIndex {
  asOf: string;
  done: DoneVisit[];
  /** Latest submitted contact per customer on or before `asOf`. */
  lastByCustomer: Map<string, DoneVisit>;
  byActivity: Map<string, DoneVisit[]>;
}

export function indexVisits(visits: readonly Visit[], { asOf, dayOf }: { asOf: string; dayOf: DayOf }): VisitIndex {
  const done: DoneVisit[] = [];
  const lastByCustomer = new Map<string, DoneVisit>();
  const byActivity = new Map<string, DoneVisit[]>();
  for (const visit of visits) {
    if (visit.status !== 'submitted') continue;
    const entry = { visit, day: dayOf(visit.startAt) };
    done.push(entry);
    if (entry.day <= asOf) {
      const last = lastByCustomer.get(visit.customerId);
      if (!last || last.visit.startAt < visit.startAt) lastByCustomer.set(visit.customerId, entry);
    }
    if (visit.activityId) {
      const list = byActivity.get(visit.activityId);
      if (list) list.push(entry);
      else byActivity.set(visit.activityId, [entry]);
    }
  }
  return { asOf, done, lastByCustomer, byActivity };
}
