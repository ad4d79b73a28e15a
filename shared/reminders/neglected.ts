import type { Customer, CustomerTier, Visit, VisitKind } from '../schemas';
import { daysBetween, type DayOf } from './days';

/**
 * Value customers going unvisited (价值客户): the A-tier gets most effort, so the Today view
 * lists A-tier customers without an in-person contact for N days. Also meant for the manager's
 * dashboards (the same rule over a team's customers).
 */

/** Contacts that count as a visit: face to face. A phone call or an email does not. */
export const IN_PERSON_KINDS: readonly VisitKind[] = ['visit', 'meeting', 'event'];
export const DEFAULT_NEGLECT_DAYS = 30;
export const NEGLECT_DAYS_MIN = 1;
export const NEGLECT_DAYS_MAX = 365;

export interface NeglectedCustomer {
  customer: Customer;
  /** Local day of the last in-person contact, null when never visited. */
  lastVisitDay: string | null;
  /** Days since then, null when never visited. */
  daysSince: number | null;
}

export interface NeglectOptions {
  today: string;
  /** The current instant: visits dated later are planned, not done. */
  now: string;
  dayOf: DayOf;
  /** Listed once the last visit is at least this many days ago. */
  days: number;
  tiers?: readonly CustomerTier[];
}

/**
 * Customers of the given tiers (A by default) whose last in-person contact (by anyone, draft or
 * submitted: the visit happened either way) is `days` or more days ago, or who were never
 * visited. Never-visited first, then the longest unvisited. Erased customers are left out.
 */
export function neglectedCustomers(customers: readonly Customer[], visits: readonly Visit[], options: NeglectOptions): NeglectedCustomer[] {
  const tiers = new Set<CustomerTier>(options.tiers ?? ['A']);
  const candidates = customers.filter((c) => !c.erasedAt && c.assessment?.tier !== undefined && tiers.has(c.assessment.tier));
  if (candidates.length === 0) return [];
  const wanted = new Set(candidates.map((c) => c.id));
  const lastVisit = new Map<string, string>();
  for (const v of visits) {
    if (!wanted.has(v.customerId) || !IN_PERSON_KINDS.includes(v.kind) || v.startAt > options.now) continue;
    const prior = lastVisit.get(v.customerId);
    if (!prior || v.startAt > prior) lastVisit.set(v.customerId, v.startAt);
  }
  const out: NeglectedCustomer[] = [];
  for (const customer of candidates) {
    const at = lastVisit.get(customer.id);
    if (!at) {
      out.push({ customer, lastVisitDay: null, daysSince: null });
      continue;
    }
    const day = options.dayOf(at);
    const since = daysBetween(day, options.today);
    if (since >= options.days) out.push({ customer, lastVisitDay: day, daysSince: since });
  }
  return out.sort((a, b) => {
    if (a.daysSince !== b.daysSince) return a.daysSince === null ? -1 : b.daysSince === null ? 1 : b.daysSince - a.daysSince;
    return a.customer.name.localeCompare(b.customer.name);
  });
}

/** A neglect threshold as typed in Settings: a whole number of days in range, else null. */
export function parseNeglectDays(raw: string): number | null {
  if (!/^\s*\d+\s*$/.test(raw)) return null;
  const n = Number(raw);
  return n >= NEGLECT_DAYS_MIN && n <= NEGLECT_DAYS_MAX ? n : null;
}
