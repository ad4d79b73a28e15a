import type {
  PATIENT_SEXES, SERIOUSNESS, SERIOUSNESS_CRITERIA} from '../../../../shared/schemas';
import { type AdverseEvent,
} from '../../../../shared/schemas';
import { parseUserNumber } from '../../../../shared/util/numbers';
import { localDay } from '../../../../shared/util/time';
import { validateDocument, type FieldErrors } from '../../../../shared/validation/validateDocument';

export type PatientSex = (typeof PATIENT_SEXES)[number];
export type Seriousness = (typeof SERIOUSNESS)[number];
export type SeriousnessCriterion = (typeof SERIOUSNESS_CRITERIA)[number];

/** What the adverse-event form edits, as typed. Empty strings: not given. */
export interface AdverseEventFormValues {
  /** The customer the report came through (optional: it may come from anyone). */
  customerId: string;
  initials: string;
  age: string;
  sex: PatientSex | '';
  reporterName: string;
  reporterRole: string;
  reporterContact: string;
  product: string;
  event: string;
  /** YYYY-MM-DD. */
  onsetDate: string;
  seriousness: Seriousness | '';
  criteria: SeriousnessCriterion[];
  outcome: string;
}

/** What the place the form was opened from already knows. */
export interface AdverseEventPrefill {
  customerId?: string;
  reporterName?: string;
  reporterRole?: string;
  product?: string;
  event?: string;
}

export function emptyAdverseEventForm(prefill: AdverseEventPrefill = {}): AdverseEventFormValues {
  return {
    customerId: prefill.customerId ?? '',
    initials: '', age: '', sex: '',
    reporterName: prefill.reporterName ?? '', reporterRole: prefill.reporterRole ?? '', reporterContact: '',
    product: prefill.product ?? '',
    event: prefill.event ?? '',
    onsetDate: '', seriousness: '', criteria: [], outcome: '',
  };
}

/** Whether anything was typed beyond what the form was opened with (closing would lose it). */
export function isAdverseEventFormDirty(values: AdverseEventFormValues, initial: AdverseEventFormValues): boolean {
  return JSON.stringify(values) !== JSON.stringify(initial);
}

/** Who/where of a new report; the rest comes from the form. */
export interface AdverseEventEnvelope {
  id: string;
  territoryId: string;
  repId: string;
  visitId?: string;
}

/** The four minimum items of a valid report, in the order the form shows them (for focusing the first error). */
export const MINIMUM_FIELDS = ['patient.initials', 'patient.sex', 'reporter.name', 'product.name', 'event', 'seriousness'] as const;

const text = (value: string): string | undefined => {
  const v = value.trim();
  return v === '' ? undefined : v;
};

/**
 * Builds the report from the form and returns the schema's verdict plus the form's own rules
 * (age a whole number, onset not in the future, criteria only for a serious event) as field
 * errors. Only a valid report is ever stored: the server would refuse anything else, and a
 * report is never changed once captured.
 */
export function formToAdverseEvent(
  values: AdverseEventFormValues,
  envelope: AdverseEventEnvelope,
  now: string,
  productId: (name: string) => string | undefined = () => undefined,
  today: string = localDay(new Date(now)),
): { doc: AdverseEvent; errors: FieldErrors } {
  const errors: FieldErrors = {};
  let ageYears: number | undefined;
  const age = parseUserNumber(values.age);
  if (age !== undefined) {
    if (Number.isNaN(age)) errors['patient.ageYears'] = { code: 'number' };
    else if (!Number.isInteger(age)) errors['patient.ageYears'] = { code: 'integer' };
    else ageYears = age;
  }
  const productName = values.product.trim();
  const id = productName ? productId(productName) : undefined;
  const serious = values.seriousness === 'serious';
  const reporterRole = text(values.reporterRole);
  const reporterContact = text(values.reporterContact);

  const doc = {
    id: envelope.id,
    territoryId: envelope.territoryId,
    repId: envelope.repId,
    ...(text(values.customerId) ? { customerId: values.customerId.trim() } : {}),
    ...(envelope.visitId ? { visitId: envelope.visitId } : {}),
    patient: {
      initials: values.initials.trim(),
      ...(ageYears !== undefined ? { ageYears } : {}),
      ...(values.sex ? { sex: values.sex } : {}),
    },
    reporter: {
      name: values.reporterName.trim(),
      ...(reporterRole ? { role: reporterRole } : {}),
      ...(reporterContact ? { contact: reporterContact } : {}),
    },
    product: id ? { productId: id, name: productName } : { name: productName },
    event: values.event.trim(),
    ...(text(values.onsetDate) ? { onsetDate: values.onsetDate.trim() } : {}),
    ...(values.seriousness ? { seriousness: values.seriousness } : {}),
    ...(serious && values.criteria.length > 0 ? { seriousnessCriteria: [...new Set(values.criteria)] } : {}),
    ...(text(values.outcome) ? { outcome: text(values.outcome) } : {}),
    capturedAt: now,
    createdAt: now,
    updatedAt: now,
    createdBy: envelope.repId,
    updatedBy: envelope.repId,
  } as AdverseEvent;

  for (const [path, error] of Object.entries(validateDocument('adverseevents', doc))) errors[path] ??= error;
  if (!errors.onsetDate && doc.onsetDate && doc.onsetDate > today) errors.onsetDate = { code: 'futureDate' };
  return { doc, errors };
}
