import type { Colleague, Conflict, Customer, Visit } from '../../../../shared/schemas';
import { formatDateTime, formatDay, formatMoney, formatNumber } from '../../components/format';
import type { LooseT } from '../../i18n';
import { allFields } from '../customers/customerFields';
import { DELETED_PATH, isCollectionName, parseStoredValue } from './conflictActions';

/**
 * How a conflict reads, in the UI language: the field's label (from the labels the forms use),
 * the values as a person would write them, and which record it is about. Pure: the translator
 * and the language come in as arguments.
 */

export interface Fmt {
  t: LooseT;
  language: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** i18n keys of a field's label, outermost first (delivery address · city); joined with " · ". */
const FIELD_LABELS: Record<string, Record<string, readonly string[]>> = {
  customers: {
    ...Object.fromEntries(allFields.map((f) => [f.path, f.group ? [f.group, f.label] : [f.label]])),
    address: ['conflicts.fieldName.address'],
    deliveryAddress: ['field.deliveryAddress'],
    invoiceAddress: ['field.invoiceAddress'],
    bankAccount: ['conflicts.fieldName.bankAccount'],
    dataConsent: ['conflicts.fieldName.dataConsent'],
    'dataConsent.grantedAt': ['conflicts.fieldName.consentGrantedAt'],
    assessment: ['customerFile.assessment'],
    contacts: ['customerFile.contacts'],
    keyDates: ['customerFile.keyDates'],
    quotations: ['conflicts.fieldName.quotations'],
    ownerId: ['conflicts.fieldName.owner'],
    territoryId: ['conflicts.fieldName.territory'],
    institutionId: ['conflicts.fieldName.institutionId'],
  },
  visits: {
    kind: ['visits.kind'],
    status: ['conflicts.fieldName.status'],
    startAt: ['visits.when'],
    location: ['visits.location'],
    durationMinutes: ['visits.duration'],
    cost: ['visits.cost'],
    'cost.amount': ['visits.cost'],
    'cost.currency': ['visits.cost', 'field.currency'],
    concessions: ['visits.concessions'],
    productsPresented: ['visits.productsPresented'],
    samples: ['visits.samples'],
    jointActions: ['visits.jointActions'],
    summary: ['visits.summary'],
    nextStep: ['visits.nextStep'],
    followUpDate: ['visits.followUpDate'],
    submittedAt: ['visitFlow.submittedAt'],
    activityId: ['conflicts.fieldName.activity'],
    repId: ['conflicts.fieldName.rep'],
    customerId: ['conflicts.fieldName.customer'],
    territoryId: ['conflicts.fieldName.territory'],
  },
};

/** Labels of sub-fields met under a labelled parent that has no entry of its own (address.country). */
const SUBFIELD_LABELS: Record<string, string> = {
  line: 'field.addressLine',
  city: 'field.city',
  province: 'field.province',
  postalCode: 'field.postalCode',
  country: 'field.country',
  currency: 'field.currency',
  name: 'field.name',
  phone: 'field.phone',
  email: 'field.email',
};

/** The label keys of a field path, or null when it has none (then the path itself is shown). */
export function fieldLabelKeys(collection: string, path: string): readonly string[] | null {
  if (path === DELETED_PATH) return ['conflicts.fieldName.deleted'];
  const table = FIELD_LABELS[collection] ?? {};
  const exact = table[path];
  if (exact) return exact;
  const dot = path.lastIndexOf('.');
  if (dot < 0) return null;
  const parent = fieldLabelKeys(collection, path.slice(0, dot));
  const sub = SUBFIELD_LABELS[path.slice(dot + 1)];
  return parent && sub ? [...parent, sub] : null;
}

export function fieldLabel(collection: string, path: string, t: LooseT): string {
  const keys = fieldLabelKeys(collection, path);
  return keys ? keys.map((k) => t(k)).join(' · ') : path;
}

/** Option labels of the choice fields (stored value → i18n key prefix). */
const OPTION_PREFIXES: Record<string, Record<string, string>> = {
  customers: Object.fromEntries(allFields.flatMap((f) => (f.optionPrefix ? [[f.path, f.optionPrefix]] : []))),
  visits: { kind: 'visitKind', status: 'visitStatus' },
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isMoney(v: unknown): v is { amount: number; currency: string } {
  return isObj(v) && typeof v.amount === 'number' && typeof v.currency === 'string' && Object.keys(v).length === 2;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const productName = (v: unknown): string => (isObj(v) ? str(v.name) : '');

/** One item of a known list field, as the customer file and the timeline write it. */
function listItem(collection: string, path: string, item: unknown, f: Fmt): string | undefined {
  if (!isObj(item)) return undefined;
  const money = (m: unknown) => (isMoney(m) ? formatMoney(m.amount, m.currency, f.language) : '');
  const join = (...parts: string[]) => parts.filter(Boolean).join(' ');
  switch (`${collection}.${path}`) {
    case 'visits.productsPresented':
      return productName(item);
    case 'visits.samples':
      return `${productName(item.product)} × ${String(item.quantity)}`;
    case 'visits.concessions':
      return join(`${f.t(`concessionKind.${str(item.kind)}`)}:`, str(item.description), money(item.value));
    case 'customers.contacts':
      return [item.name, item.role, item.phone, item.email].filter((x) => typeof x === 'string' && x).join(' · ');
    case 'customers.keyDates':
      return join(`${f.t(`keyDateKind.${str(item.kind)}`)}${item.label ? ` (${str(item.label)})` : ''}:`, str(item.date));
    case 'customers.quotations':
      return join(DAY.test(str(item.date)) ? formatDay(str(item.date), f.language) : str(item.date), productName(item.product), money(item.price));
    default:
      return undefined;
  }
}

/** A value as a person would read it: options by their label, dates and money in the UI language. */
export function formatValue(collection: string, path: string, value: unknown, f: Fmt): string {
  if (value === null || value === undefined) return f.t('conflicts.emptyValue');
  if (path === DELETED_PATH) return f.t(value === true ? 'conflicts.deletedValue' : 'conflicts.notDeletedValue');
  if (typeof value === 'boolean') return f.t(value ? 'conflicts.yes' : 'conflicts.no');
  if (typeof value === 'number') {
    return collection === 'visits' && path === 'durationMinutes' ? f.t('visits.minutes', { count: value }) : formatNumber(value, f.language);
  }
  if (typeof value === 'string') {
    const prefix = OPTION_PREFIXES[collection]?.[path];
    if (prefix) return f.t(`${prefix}.${value}`);
    if (INSTANT.test(value)) return formatDateTime(value, f.language);
    if (DAY.test(value)) return formatDay(value, f.language);
    return value === '' ? f.t('conflicts.emptyValue') : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return f.t('conflicts.emptyValue');
    return value.map((item) => listItem(collection, path, item, f) ?? formatValue(collection, `${path}.item`, item, f)).join('\n');
  }
  if (isMoney(value)) return formatMoney(value.amount, value.currency, f.language);
  if (isObj(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== '');
    if (entries.length === 0) return f.t('conflicts.emptyValue');
    return entries
      .map(([k, v]) => {
        const keys = fieldLabelKeys(collection, `${path}.${k}`);
        const label = keys ? f.t(keys[keys.length - 1] as string) : k;
        return `${label}: ${formatValue(collection, `${path}.${k}`, v, f)}`;
      })
      .join('\n');
  }
  return String(value);
}

/** A stored (JSON text) value as a person would read it; unreadable text is shown as it is. */
export function formatStoredValue(collection: string, path: string, text: string, f: Fmt): string {
  const parsed = parseStoredValue(text);
  return parsed ? formatValue(collection, path, parsed.value, f) : text;
}

/** Which record a conflict is about, and where to open it (null when it cannot be opened). */
export interface TargetView {
  title: string;
  href: string | null;
}

export function describeTarget(
  conflict: Pick<Conflict, 'targetCollection' | 'documentId'>,
  target: unknown,
  customers: ReadonlyMap<string, Pick<Customer, 'name'>>,
  f: Fmt,
): TargetView {
  const { targetCollection: collection, documentId: id } = conflict;
  if (isObj(target) && collection === 'customers') {
    const c = target as unknown as Customer;
    return { title: c.name, href: `/customers/${c.id}` };
  }
  if (isObj(target) && collection === 'visits') {
    const v = target as unknown as Visit;
    const customer = customers.get(v.customerId)?.name ?? f.t('conflicts.unknownCustomer');
    const title = f.t('conflicts.visitTarget', { kind: f.t(`visitKind.${v.kind}`), when: formatDateTime(v.startAt, f.language), customer });
    return { title, href: `/customers/${v.customerId}/visits/${v.id}` };
  }
  const kind = isCollectionName(collection) ? f.t(`conflicts.collection.${collection}`) : collection;
  return { title: `${kind} ${id}`, href: null };
}

/** Who wrote the other value: "You" for the signed-in user, else the colleague's name (or id). */
export function authorName(userId: string | undefined, selfId: string, colleagues: ReadonlyMap<string, Pick<Colleague, 'displayName'>>, t: LooseT): string {
  if (!userId) return t('common.none');
  if (userId === selfId) return t('conflicts.you');
  return colleagues.get(userId)?.displayName ?? userId;
}
