import type { ACTIVITY_KINDS, ACTIVITY_STATUSES, Activity } from '../../../../../shared/schemas';
import { DEFAULT_CURRENCY } from '../../../../../shared/reports/activities';
import { parseUserNumber } from '../../../../../shared/util/numbers';
import { validateDocument, type FieldErrors } from '../../../../../shared/validation/validateDocument';

export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** What the activity form edits, as typed. */
export interface ActivityFormValues {
  name: string;
  kind: ActivityKind;
  status: ActivityStatus;
  territoryId: string;
  startDate: string;
  endDate: string;
  cost: string;
  currency: string;
  products: string[];
  description: string;
}

export function emptyActivityForm(territoryId: string, today: string): ActivityFormValues {
  return { name: '', kind: 'meeting', status: 'planned', territoryId, startDate: today, endDate: '', cost: '', currency: DEFAULT_CURRENCY, products: [], description: '' };
}

export function activityToForm(a: Activity): ActivityFormValues {
  return {
    name: a.name, kind: a.kind, status: a.status, territoryId: a.territoryId, startDate: a.startDate, endDate: a.endDate ?? '',
    cost: a.cost ? String(a.cost.amount) : '', currency: a.cost?.currency ?? DEFAULT_CURRENCY, products: (a.products ?? []).map((p) => p.name),
    description: a.description ?? '',
  };
}

export type ActivityEnvelope = Pick<Activity, 'id' | 'ownerId' | 'createdAt' | 'createdBy'>;

/** Builds the activity from the form; the schema's verdict and a few checks come back as field errors. */
export function formToActivity(
  values: ActivityFormValues,
  envelope: ActivityEnvelope,
  existing: Activity | undefined,
  userId: string,
  now: string,
  productId: (name: string) => string | undefined = () => undefined,
): { doc: Activity; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const cost = parseUserNumber(values.cost);
  if (cost !== undefined && Number.isNaN(cost)) errors['cost.amount'] = { code: 'number' };
  const currency = values.currency.trim().toUpperCase() || DEFAULT_CURRENCY;
  const products = values.products.map((p) => p.trim()).filter(Boolean).map((name) => {
    const id = productId(name);
    return id ? { productId: id, name } : { name };
  });
  const doc: Activity = {
    ...(existing ?? {}),
    ...envelope,
    territoryId: values.territoryId,
    name: values.name.trim(),
    kind: values.kind,
    status: values.status,
    startDate: values.startDate,
    updatedAt: now,
    updatedBy: userId,
  };
  const optional: Partial<Activity> = {
    endDate: values.endDate || undefined,
    cost: cost !== undefined && !Number.isNaN(cost) ? { amount: cost, currency } : undefined,
    products: products.length ? products : undefined,
    description: values.description.trim() || undefined,
  };
  for (const [key, value] of Object.entries(optional) as [keyof Activity, unknown][]) {
    if (value === undefined) delete (doc as Partial<Activity>)[key];
    else (doc as Record<string, unknown>)[key] = value;
  }
  if (!values.name.trim()) errors.name = { code: 'required' };
  if (!values.startDate) errors.startDate = { code: 'required' };
  if (!values.territoryId) errors.territoryId = { code: 'required' };
  for (const [path, error] of Object.entries(validateDocument('activities', doc))) errors[path] ??= error;
  if (!errors.endDate && doc.endDate && doc.endDate < doc.startDate) errors.endDate = { code: 'endBeforeStart' };
  return { doc, errors };
}
