import type { Customer, Reminder, Visit } from '../schemas';
import { shortHash } from '../util/hash';
import { addDays, daysBetween, laterDay, yearlyDateIn, type DayOf } from './days';

/**
 * Everything the Today view lists, derived from the documents on this computer. Follow-ups and
 * key dates are computed on the fly from visits and customers (nothing copied); only what the
 * rep did about them (done, snoozed) is stored, in a reminder document with a deterministic id so
 * that every device of the rep writes the same document. Custom and replenishment reminders are
 * reminder documents themselves.
 */

export type ReminderKind = Reminder['kind'];
type KeyDate = NonNullable<Customer['keyDates']>[number];
type ProductRef = NonNullable<Reminder['product']>;

export interface ReminderItem {
  /** Stable across recomputations: which reminder this is (for lists and "notified" bookkeeping). */
  key: string;
  kind: ReminderKind;
  /** The rep's own words (next step, custom title); '' where the UI composes one (key dates). */
  title: string;
  /** When it is due, before any snooze. */
  dueDate: string;
  /** Local wall-clock time on the due day (custom reminders only). */
  dueTime?: string;
  customerId?: string;
  customerName?: string;
  /** The reminder names a customer that is no longer on this computer (deleted or moved away). */
  customerMissing?: boolean;
  /** Territory a state document for this item belongs to. */
  territoryId: string;
  visitId?: string;
  /** Follow-up of a visit that is still a draft. */
  visitDraft?: boolean;
  /** Follow-up of a next step without a date: due a fixed time after the visit. */
  undated?: boolean;
  keyDate?: KeyDate;
  product?: ProductRef;
  intervalDays?: number;
  /** Replenishment: the last day the product was presented or sampled to this customer. */
  lastSupplied?: string;
  notes?: string;
  snoozedUntil?: string;
  done: boolean;
  doneAt?: string;
  /** Id of the reminder document that holds this item's done/snooze state (may not exist yet). */
  stateId: string;
  /** That document, when it exists and applies to this due date. */
  state?: Reminder;
}

export interface ReminderSources {
  userId: string;
  /** Customers on this computer (RxDB queries never return deleted documents). */
  customers: readonly Customer[];
  visits: readonly Visit[];
  reminders: readonly Reminder[];
  /** The rep's local day. */
  today: string;
  /** The current instant: visits dated later are planned, not done. */
  now: string;
  dayOf: DayOf;
}

/** A next step agreed without a date is due this many days after the contact. */
export const UNDATED_FOLLOW_UP_DAYS = 7;
/** A key date stays on the list (overdue) this many days after it passed, then waits for next year. */
export const KEY_DATE_GRACE_DAYS = 7;

const MAX_ID = 64;
/** Deterministic state document id: readable when it fits, hashed when the parts are long. */
function stateIdOf(prefix: string, ...parts: string[]): string {
  const plain = `${prefix}-${parts.join('-')}`;
  if (plain.length <= MAX_ID) return plain;
  const joined = parts.join('\u0000');
  return `${prefix}-${shortHash(joined)}-${shortHash(`${joined}\u0001`)}`;
}

export const followUpStateId = (visitId: string): string => stateIdOf('fu', visitId);
export const keyDateStateId = (customerId: string, k: KeyDate): string =>
  stateIdOf('kd', customerId, shortHash(`${k.kind}|${k.date}|${k.label ?? ''}`));

const normalise = (name: string) => name.trim().toLowerCase();
/** Same product: the catalogue id when both sides have one, else the name as typed. */
export function sameProduct(a: ProductRef, b: ProductRef): boolean {
  if (a.productId && b.productId) return a.productId === b.productId;
  return normalise(a.name) === normalise(b.name);
}

/** Whether the visit presented the product or left samples of it. */
export function visitSupplies(visit: Visit, product: ProductRef): boolean {
  return (visit.productsPresented ?? []).some((p) => sameProduct(p, product)) || (visit.samples ?? []).some((s) => sameProduct(s.product, product));
}

/** A state document applies only to the due date it was written for: a moved date is a new reminder. */
const applicable = (state: Reminder | undefined, dueDate: string): Reminder | undefined =>
  state && state.dueDate === dueDate ? state : undefined;

function stateFields(state: Reminder | undefined): Pick<ReminderItem, 'done' | 'doneAt' | 'snoozedUntil' | 'state'> {
  if (!state) return { done: false };
  return {
    done: state.status === 'done',
    state,
    ...(state.doneAt ? { doneAt: state.doneAt } : {}),
    ...(state.status !== 'done' && state.snoozedUntil ? { snoozedUntil: state.snoozedUntil } : {}),
  };
}

function firstLine(text: string): string {
  const line = text.trim().split(/\r?\n/)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

export function followUpItems(src: ReminderSources, customers: ReadonlyMap<string, Customer>, states: ReadonlyMap<string, Reminder>): ReminderItem[] {
  const out: ReminderItem[] = [];
  for (const visit of src.visits) {
    if (visit.repId !== src.userId) continue;
    const nextStep = visit.nextStep?.trim() ?? '';
    if (!nextStep && !visit.followUpDate) continue;
    const customer = customers.get(visit.customerId);
    if (!customer) continue; // the customer was deleted or left the territory: nothing to follow up here
    const undated = !visit.followUpDate;
    const dueDate = visit.followUpDate ?? addDays(src.dayOf(visit.startAt), UNDATED_FOLLOW_UP_DAYS);
    const stateId = followUpStateId(visit.id);
    out.push({
      key: `fu:${visit.id}`,
      kind: 'follow_up',
      title: nextStep ? firstLine(nextStep) : '',
      dueDate,
      customerId: customer.id,
      customerName: customer.name,
      territoryId: visit.territoryId,
      visitId: visit.id,
      ...(visit.status === 'draft' ? { visitDraft: true } : {}),
      ...(undated ? { undated: true } : {}),
      ...(nextStep && firstLine(nextStep) !== nextStep ? { notes: nextStep } : {}),
      stateId,
      ...stateFields(applicable(states.get(stateId), dueDate)),
    });
  }
  return out;
}

/**
 * The occurrence of a yearly key date that matters today: the last one while it is not done and
 * at most KEY_DATE_GRACE_DAYS past its (possibly snoozed) due day, else the next one.
 */
export function keyDateOccurrence(date: string, today: string, stateFor: (occurrence: string) => Reminder | undefined): string | null {
  const year = Number(today.slice(0, 4));
  const thisYear = yearlyDateIn(date, year);
  if (!thisYear) return null;
  const previous = thisYear <= today ? thisYear : yearlyDateIn(date, year - 1);
  const next = thisYear > today ? thisYear : yearlyDateIn(date, year + 1);
  if (!previous || !next) return null;
  if (previous === today) return today;
  const state = stateFor(previous);
  if (state?.status === 'done') return next;
  // A snooze moves the day it is due; the grace period then runs from there.
  const lastDue = state?.snoozedUntil ? laterDay(previous, state.snoozedUntil) : previous;
  return daysBetween(lastDue, today) <= KEY_DATE_GRACE_DAYS ? previous : next;
}

export function keyDateItems(src: ReminderSources, states: ReadonlyMap<string, Reminder>): ReminderItem[] {
  const out: ReminderItem[] = [];
  for (const customer of src.customers) {
    if (customer.erasedAt || !customer.keyDates?.length) continue; // erased: personal dates are gone with the person's data
    const seen = new Set<string>();
    for (const k of customer.keyDates) {
      const stateId = keyDateStateId(customer.id, k);
      if (seen.has(stateId)) continue;
      seen.add(stateId);
      const stored = states.get(stateId);
      const dueDate = keyDateOccurrence(k.date, src.today, (occurrence) => applicable(stored, occurrence));
      if (!dueDate) continue;
      out.push({
        key: `kd:${customer.id}:${stateId}`,
        kind: 'key_date',
        title: k.label?.trim() ?? '',
        dueDate,
        customerId: customer.id,
        customerName: customer.name,
        territoryId: customer.territoryId,
        keyDate: k,
        stateId,
        ...stateFields(applicable(stored, dueDate)),
      });
    }
  }
  return out;
}

/**
 * Replenishment: due `intervalDays` after the product last reached the customer, that is the
 * latest of (a) the last visit to the customer, by anyone, draft or submitted, not dated in the
 * future, that presented the product or left samples of it, and (b) the last time the rep marked
 * this reminder done (which also moves the stored `dueDate`); never earlier than the stored
 * `dueDate` (set when the reminder was created or last done).
 */
export function replenishmentItem(doc: Reminder, src: ReminderSources, customer: Customer): ReminderItem {
  const interval = doc.intervalDays ?? 30;
  let lastSupplied: string | undefined;
  if (doc.product) {
    for (const visit of src.visits) {
      if (visit.customerId !== customer.id || visit.startAt > src.now || !visitSupplies(visit, doc.product)) continue;
      const day = src.dayOf(visit.startAt);
      if (!lastSupplied || day > lastSupplied) lastSupplied = day;
    }
  }
  let dueDate = doc.dueDate;
  if (lastSupplied) dueDate = laterDay(dueDate, addDays(lastSupplied, interval));
  if (doc.doneAt) dueDate = laterDay(dueDate, addDays(src.dayOf(doc.doneAt), interval));
  return {
    key: `rp:${doc.id}`,
    kind: 'replenishment',
    title: doc.title,
    dueDate,
    customerId: customer.id,
    customerName: customer.name,
    territoryId: doc.territoryId,
    ...(doc.product ? { product: doc.product } : {}),
    intervalDays: interval,
    ...(lastSupplied ? { lastSupplied } : {}),
    ...(doc.notes ? { notes: doc.notes } : {}),
    stateId: doc.id,
    state: doc,
    done: false, // a replenishment recurs: "done" moves it on by one interval
    ...(doc.doneAt ? { doneAt: doc.doneAt } : {}),
    ...(doc.snoozedUntil ? { snoozedUntil: doc.snoozedUntil } : {}),
  };
}

export function customItem(doc: Reminder, customer: Customer | undefined): ReminderItem {
  return {
    key: `cu:${doc.id}`,
    kind: 'custom',
    title: doc.title,
    dueDate: doc.dueDate,
    ...(doc.dueTime ? { dueTime: doc.dueTime } : {}),
    ...(doc.customerId ? { customerId: doc.customerId } : {}),
    ...(customer ? { customerName: customer.name } : doc.customerId ? { customerMissing: true } : {}),
    territoryId: doc.territoryId,
    ...(doc.notes ? { notes: doc.notes } : {}),
    stateId: doc.id,
    ...stateFields(doc),
  };
}

/** Every reminder of the signed-in rep, done ones included (the agenda decides what shows). */
export function deriveReminderItems(src: ReminderSources): ReminderItem[] {
  const customers = new Map(src.customers.map((c) => [c.id, c]));
  const states = new Map<string, Reminder>();
  const out: ReminderItem[] = [];
  for (const doc of src.reminders) {
    if (doc.kind === 'follow_up' || doc.kind === 'key_date') {
      states.set(doc.id, doc);
      continue;
    }
    if (doc.ownerId !== src.userId) continue;
    const customer = doc.customerId ? customers.get(doc.customerId) : undefined;
    if (doc.kind === 'custom') out.push(customItem(doc, customer));
    else if (customer) out.push(replenishmentItem(doc, src, customer)); // no customer, nothing to restock
  }
  out.push(...followUpItems(src, customers, states), ...keyDateItems(src, states));
  return out;
}
