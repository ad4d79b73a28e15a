import type { Customer } from '../../../../shared/schemas';
import { deletePath, getPath, setPath } from '../../../../shared/util/paths';
import { parseUserNumber } from '../../../../shared/util/numbers';
import { validateDocument, type FieldErrors } from '../../../../shared/validation/validateDocument';
import { allFields, isShownFor } from './customerFields';
import { errorsToScreenRows, keepFilledRows } from '../../components/formRows';

export type KeyDateRow = { kind: string; label: string; date: string };
export type ContactRow = { name: string; role: string; phone: string; email: string };

/** What the form edits: text as typed, lists as rows. Converted to a document on save. */
export interface CustomerFormValues {
  fields: Record<string, string>;
  keyDates: KeyDateRow[];
  contacts: ContactRow[];
}

export function emptyCustomerForm(): CustomerFormValues {
  return { fields: { type: 'hcp' }, keyDates: [], contacts: [] };
}

export function customerToForm(customer: Customer): CustomerFormValues {
  const fields: Record<string, string> = {};
  for (const spec of allFields) {
    const value = getPath(customer, spec.path);
    if (value !== undefined && value !== null) fields[spec.path] = String(value);
  }
  return {
    fields,
    keyDates: (customer.keyDates ?? []).map((k) => ({ kind: k.kind, label: k.label ?? '', date: k.date })),
    contacts: (customer.contacts ?? []).map((c) => ({ name: c.name, role: c.role ?? '', phone: c.phone ?? '', email: c.email ?? '' })),
  };
}

/** Identity and ownership of the document being edited: kept as they are. */
export type CustomerEnvelope = Pick<Customer, 'id' | 'territoryId' | 'ownerId' | 'createdAt' | 'createdBy'>;

function compact<T extends Record<string, string>>(row: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(row)) if (v.trim() !== '') (out as Record<string, string>)[k] = v.trim();
  return out;
}

/**
 * Builds the document from the form: empty fields are left out (every field but code, name
 * and type is optional), numbers are parsed, fields hidden for the chosen type are dropped,
 * and fields the form does not show (quotations, erasure marks) are kept from `existing`.
 * Returns the schema's own verdict as field errors.
 */
export function formToCustomer(
  values: CustomerFormValues,
  envelope: CustomerEnvelope,
  existing: Customer | undefined,
  userId: string,
  now: string,
): { doc: Customer; errors: FieldErrors } {
  const doc = structuredClone({ ...(existing ?? {}), ...envelope, updatedAt: now, updatedBy: userId }) as Record<string, unknown>;
  const errors: FieldErrors = {};
  const type = values.fields.type ?? '';
  for (const spec of allFields) {
    deletePath(doc, spec.path);
    const raw = (values.fields[spec.path] ?? '').trim();
    if (raw === '' || !isShownFor(spec, type)) continue;
    if (spec.kind === 'number' || spec.kind === 'integer') {
      const n = parseUserNumber(raw);
      if (n === undefined) continue;
      if (Number.isNaN(n)) {
        errors[spec.path] = { code: 'number' };
        continue;
      }
      setPath(doc, spec.path, n);
    } else {
      setPath(doc, spec.path, spec.path === 'currency' ? raw.toUpperCase() : raw);
    }
  }
  // A new key-date row has its kind preset: it is blank until a label or a date is typed.
  const keptKeyDates = keepFilledRows(values.keyDates, (r) => !r.label.trim() && !r.date.trim());
  const keptContacts = keepFilledRows(values.contacts, (r) => Object.values(r).every((v) => !v.trim()));
  if (keptKeyDates.length) doc.keyDates = keptKeyDates.map(({ row }) => compact(row));
  else delete doc.keyDates;
  if (keptContacts.length) doc.contacts = keptContacts.map(({ row }) => compact(row));
  else delete doc.contacts;

  const schemaErrors = errorsToScreenRows(errorsToScreenRows(validateDocument('customers', doc), 'keyDates', keptKeyDates), 'contacts', keptContacts);
  for (const [path, error] of Object.entries(schemaErrors)) errors[path] ??= error;
  return { doc: doc as Customer, errors };
}
