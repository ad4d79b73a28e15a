import type { Visit, VisitKind } from '../../../../shared/schemas';
import { parseUserNumber } from '../../../../shared/util/numbers';
import { instantToLocalInput, localDay, localInputToInstant } from '../../../../shared/util/time';
import { validateDocument, type FieldErrors } from '../../../../shared/validation/validateDocument';
import { errorsToScreenRows, keepFilledRows } from '../../components/formRows';

export type ConcessionRow = { kind: string; description: string; value: string };
export type SampleRow = { product: string; quantity: string };

/** What the visit form edits, as typed. */
export interface VisitFormValues {
  kind: VisitKind;
  /** `datetime-local` value, local wall time. */
  startAt: string;
  location: string;
  duration: string;
  cost: string;
  currency: string;
  concessions: ConcessionRow[];
  products: string[];
  samples: SampleRow[];
  summary: string;
  jointActions: string;
  nextStep: string;
  followUpDate: string;
  /** Marketing activity the contact belongs to ('' for none). */
  activityId: string;
}

export const DEFAULT_CURRENCY = 'CNY';

export function emptyVisitForm(now: Date = new Date()): VisitFormValues {
  return {
    kind: 'visit',
    startAt: instantToLocalInput(now.toISOString()),
    location: '', duration: '', cost: '', currency: DEFAULT_CURRENCY,
    concessions: [], products: [], samples: [],
    summary: '', jointActions: '', nextStep: '', followUpDate: '', activityId: '',
  };
}

export function visitToForm(v: Visit): VisitFormValues {
  return {
    kind: v.kind,
    startAt: instantToLocalInput(v.startAt),
    location: v.location ?? '',
    duration: v.durationMinutes !== undefined ? String(v.durationMinutes) : '',
    cost: v.cost ? String(v.cost.amount) : '',
    currency: v.cost?.currency ?? DEFAULT_CURRENCY,
    concessions: (v.concessions ?? []).map((c) => ({ kind: c.kind, description: c.description, value: c.value ? String(c.value.amount) : '' })),
    products: (v.productsPresented ?? []).map((p) => p.name),
    samples: (v.samples ?? []).map((s) => ({ product: s.product.name, quantity: String(s.quantity) })),
    summary: v.summary ?? '',
    jointActions: v.jointActions ?? '',
    nextStep: v.nextStep ?? '',
    followUpDate: v.followUpDate ?? '',
    activityId: v.activityId ?? '',
  };
}

/** What the rep asked for: keep working on it later, or hand it in for good. */
export type VisitIntent = 'draft' | 'submit';

/**
 * A draft can be changed and deleted; a submitted visit is append-only (the sync server
 * refuses any change or delete of it, reason `append_only`).
 */
export function isVisitEditable(visit: Pick<Visit, 'status'>): boolean {
  return visit.status !== 'submitted';
}

export type VisitEnvelope = Pick<Visit, 'id' | 'customerId' | 'territoryId' | 'repId' | 'createdAt' | 'createdBy'>;

/** Looks up a catalogue product id by the name the rep typed or picked. */
export type ProductLookup = (name: string) => string | undefined;

function text(value: string): string | undefined {
  const v = value.trim();
  return v === '' ? undefined : v;
}

/**
 * Builds the visit document from the form and returns the schema's verdict as field errors.
 * `intent` decides the status: a draft stays editable (no submission time); submitting stamps
 * `submittedAt` with `now`. Both are checked alike: only a valid document is ever stored.
 * Throws for a submitted `existing` visit: it can no longer be changed.
 */
export function formToVisit(
  values: VisitFormValues,
  envelope: VisitEnvelope,
  existing: Visit | undefined,
  userId: string,
  now: string,
  productId: ProductLookup = () => undefined,
  intent: VisitIntent = 'draft',
): { doc: Visit; errors: FieldErrors } {
  if (existing && !isVisitEditable(existing)) throw new Error(`Visit ${existing.id} is submitted and cannot be changed`);
  const errors: FieldErrors = {};
  const num = (raw: string, path: string): number | undefined => {
    const n = parseUserNumber(raw);
    if (n !== undefined && Number.isNaN(n)) {
      errors[path] = { code: 'number' };
      return undefined;
    }
    return n;
  };
  const product = (name: string) => {
    const id = productId(name.trim());
    return id ? { productId: id, name: name.trim() } : { name: name.trim() };
  };
  const currency = values.currency.trim().toUpperCase() || DEFAULT_CURRENCY;

  const startAt = localInputToInstant(values.startAt);
  if (!startAt) errors.startAt = { code: values.startAt ? 'date' : 'required' };
  const duration = num(values.duration, 'durationMinutes');
  const cost = num(values.cost, 'cost.amount');

  const keptConcessions = keepFilledRows(values.concessions, (c) => !c.description.trim() && !c.value.trim());
  const concessions = keptConcessions.map(({ row: c, index }) => {
    const value = num(c.value, `concessions.${index}.value`);
    return { kind: c.kind as 'price', description: c.description.trim(), ...(value !== undefined ? { value: { amount: value, currency } } : {}) };
  });
  // A new sample row starts with quantity 1: with no product named it is still blank.
  const keptSamples = keepFilledRows(values.samples, (s) => !s.product.trim() && ['', '1'].includes(s.quantity.trim()));
  const samples = keptSamples.map(({ row: s, index }) => ({ product: product(s.product), quantity: num(s.quantity, `samples.${index}.quantity`) ?? 0 }));
  const products = values.products.map((p) => p.trim()).filter(Boolean).map(product);

  const doc: Visit = {
    ...(existing ?? {}),
    ...envelope,
    kind: values.kind,
    status: intent === 'submit' ? 'submitted' : 'draft',
    startAt: startAt ?? existing?.startAt ?? now,
    updatedAt: now,
    updatedBy: userId,
  };
  const optional: Partial<Visit> = {
    location: text(values.location),
    durationMinutes: duration,
    cost: cost !== undefined ? { amount: cost, currency } : undefined,
    concessions: concessions.length ? concessions : undefined,
    productsPresented: products.length ? products : undefined,
    samples: samples.length ? samples : undefined,
    summary: text(values.summary),
    jointActions: text(values.jointActions),
    nextStep: text(values.nextStep),
    followUpDate: text(values.followUpDate),
    activityId: text(values.activityId),
  };
  for (const [key, value] of Object.entries(optional) as [keyof Visit, unknown][]) {
    if (value === undefined) delete (doc as Partial<Visit>)[key];
    else (doc as Record<string, unknown>)[key] = value;
  }
  if (doc.status === 'submitted') doc.submittedAt = now;
  else delete doc.submittedAt;

  const schemaErrors = errorsToScreenRows(errorsToScreenRows(validateDocument('visits', doc), 'samples', keptSamples), 'concessions', keptConcessions);
  for (const [path, error] of Object.entries(schemaErrors)) errors[path] ??= error;
  // A follow-up date before the contact itself is almost always a typo.
  // Compare with the rep's local day of the visit: the UTC day differs early morning in China.
  if (!errors.followUpDate && doc.followUpDate && startAt && doc.followUpDate < localDay(new Date(startAt))) {
    errors.followUpDate = { code: 'followUpBeforeVisit' };
  }
  return { doc, errors };
}
