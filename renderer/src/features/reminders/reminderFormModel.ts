import type { Customer, Reminder } from '../../../../shared/schemas';
import { addDays, isDay } from '../../../../shared/reminders/days';
import { validateDocument, type FieldErrors } from '../../../../shared/validation/validateDocument';

/** The reminders a rep writes: a one-off (custom) or a replenishment that repeats. */
export type ReminderFormKind = 'custom' | 'replenishment';

export interface ReminderFormValues {
  kind: ReminderFormKind;
  title: string;
  /** YYYY-MM-DD; for a replenishment the first day it is due. */
  dueDate: string;
  /** HH:MM or '' (custom only). */
  dueTime: string;
  customerId: string | null;
  /** Product name as typed or picked (replenishment). */
  product: string;
  intervalDays: string;
  notes: string;
}

export const DEFAULT_REPLENISH_DAYS = 30;

export function emptyReminderForm(today: string, customerId: string | null = null, kind: ReminderFormKind = 'custom'): ReminderFormValues {
  return {
    kind,
    title: '',
    dueDate: kind === 'replenishment' ? addDays(today, DEFAULT_REPLENISH_DAYS) : today,
    dueTime: '',
    customerId,
    product: '',
    intervalDays: String(DEFAULT_REPLENISH_DAYS),
    notes: '',
  };
}

export function reminderToForm(doc: Reminder): ReminderFormValues {
  return {
    kind: doc.kind === 'replenishment' ? 'replenishment' : 'custom',
    title: doc.title,
    dueDate: doc.dueDate,
    dueTime: doc.dueTime ?? '',
    customerId: doc.customerId ?? null,
    product: doc.product?.name ?? '',
    intervalDays: String(doc.intervalDays ?? DEFAULT_REPLENISH_DAYS),
    notes: doc.notes ?? '',
  };
}

export interface ReminderEnvelope {
  id: string;
  ownerId: string;
  /** Where a reminder without a customer goes: the rep's home territory. */
  homeTerritoryId: string;
  createdAt: string;
  createdBy: string;
}

/**
 * Builds the reminder document from the form, with the field errors that keep it from being
 * saved. A reminder for a customer lives in the customer's territory (so whoever works the
 * territory may see it); one without a customer in the rep's home territory.
 */
export function formToReminder(
  values: ReminderFormValues,
  envelope: ReminderEnvelope,
  existing: Reminder | undefined,
  customer: Customer | undefined,
  now: string,
  productId: (name: string) => string | undefined = () => undefined,
): { doc: Reminder; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const replenish = values.kind === 'replenishment';
  const productName = values.product.trim();
  const title = values.title.trim() || (replenish ? productName : '');
  if (!title) errors.title = { code: 'required' };
  if (!values.dueDate) errors.dueDate = { code: 'required' };
  else if (!isDay(values.dueDate)) errors.dueDate = { code: 'date' };
  let interval: number | undefined;
  if (replenish) {
    if (!values.customerId) errors.customerId = { code: 'required' };
    if (!productName) errors.product = { code: 'required' };
    const raw = values.intervalDays.trim();
    interval = /^\d+$/.test(raw) ? Number(raw) : undefined;
    if (!raw) errors.intervalDays = { code: 'required' };
    else if (interval === undefined) errors.intervalDays = { code: 'integer' };
  }
  if (values.customerId && !customer && values.customerId !== existing?.customerId) errors.customerId = { code: 'invalid' };

  const doc: Reminder = {
    id: envelope.id,
    ownerId: existing?.ownerId ?? envelope.ownerId,
    territoryId: customer?.territoryId ?? (values.customerId && existing?.customerId === values.customerId ? existing.territoryId : envelope.homeTerritoryId),
    kind: values.kind,
    title: title || ' ',
    dueDate: values.dueDate,
    status: existing?.status ?? 'open',
    createdAt: existing?.createdAt ?? envelope.createdAt,
    createdBy: existing?.createdBy ?? envelope.createdBy,
    updatedAt: now,
    updatedBy: envelope.ownerId,
  };
  if (values.customerId) doc.customerId = values.customerId;
  const notes = values.notes.trim();
  if (notes) doc.notes = notes;
  if (!replenish && values.dueTime) doc.dueTime = values.dueTime;
  if (replenish) {
    if (productName) {
      const id = productId(productName);
      doc.product = id ? { productId: id, name: productName } : { name: productName };
    }
    if (interval !== undefined) doc.intervalDays = interval;
  }
  // Keep what the rep did about it, unless the day moved (a new due day is a new reminder).
  if (existing && existing.dueDate === doc.dueDate) {
    if (existing.doneAt) doc.doneAt = existing.doneAt;
    if (existing.snoozedUntil) doc.snoozedUntil = existing.snoozedUntil;
  } else {
    doc.status = 'open';
  }
  for (const [path, error] of Object.entries(validateDocument('reminders', doc))) errors[path] ??= error;
  return { doc, errors };
}
