import type { ParseKeys } from 'i18next';
import { CONTACT_CHANNELS, CREDIT_STANDINGS, CUSTOMER_TIERS, CUSTOMER_TYPES, type CustomerType } from '../../../../shared/schemas';

export type FieldKind = 'text' | 'multiline' | 'number' | 'integer' | 'select' | 'email' | 'tel';

/** One editable field of the customer file: drives the form, the file view and the form model. */
export interface FieldSpec {
  /** Dotted path in the Customer document. */
  path: string;
  label: ParseKeys;
  /** Shown before the label where the same label appears twice (delivery vs invoice city). */
  group?: ParseKeys;
  kind: FieldKind;
  options?: readonly string[];
  /** i18n key prefix for option labels, e.g. 'customerType' → customerType.hcp */
  optionPrefix?: string;
  required?: boolean;
  /** Shown only for these customer types (e.g. department for doctors). */
  onlyFor?: readonly CustomerType[];
  wide?: boolean;
}

export interface SectionSpec {
  id: string;
  title: ParseKeys;
  fields: readonly FieldSpec[];
}

const address = (prefix: string, group?: ParseKeys): FieldSpec[] =>
  [
    { path: `${prefix}.line`, label: 'field.addressLine' as const, kind: 'text' as const, wide: true },
    { path: `${prefix}.city`, label: 'field.city' as const, kind: 'text' as const },
    { path: `${prefix}.province`, label: 'field.province' as const, kind: 'text' as const },
    { path: `${prefix}.postalCode`, label: 'field.postalCode' as const, kind: 'text' as const },
  ].map((f) => (group ? { ...f, group } : f));

/** Block 1: the base record (客户原始记录). */
export const baseSections: readonly SectionSpec[] = [
  {
    id: 'identity',
    title: 'customerFile.identity',
    fields: [
      { path: 'name', label: 'field.name', kind: 'text', required: true },
      { path: 'code', label: 'field.code', kind: 'text', required: true },
      { path: 'type', label: 'field.type', kind: 'select', options: CUSTOMER_TYPES, optionPrefix: 'customerType', required: true },
      { path: 'institution', label: 'field.institution', kind: 'text', onlyFor: ['hcp'] },
      { path: 'department', label: 'field.department', kind: 'text', onlyFor: ['hcp', 'hco'] },
      { path: 'title', label: 'field.title', kind: 'text', onlyFor: ['hcp'] },
      { path: 'specialty', label: 'field.specialty', kind: 'text', onlyFor: ['hcp'] },
    ],
  },
  {
    id: 'contact',
    title: 'customerFile.contact',
    fields: [
      { path: 'phone', label: 'field.phone', kind: 'tel' },
      { path: 'email', label: 'field.email', kind: 'email' },
      { path: 'preferredChannel', label: 'field.preferredChannel', kind: 'select', options: CONTACT_CHANNELS, optionPrefix: 'channel' },
      ...address('address'),
    ],
  },
  {
    id: 'commercial',
    title: 'customerFile.commercial',
    fields: [
      { path: 'currency', label: 'field.currency', kind: 'text' },
      { path: 'creditLimit', label: 'field.creditLimit', kind: 'number' },
      { path: 'salesLimit', label: 'field.salesLimit', kind: 'number' },
      { path: 'discountTerms', label: 'field.discountTerms', kind: 'text' },
      { path: 'paymentTerms', label: 'field.paymentTerms', kind: 'text' },
      { path: 'taxCategory', label: 'field.taxCategory', kind: 'text' },
      { path: 'bankAccount.bankName', label: 'field.bankName', kind: 'text' },
      { path: 'bankAccount.accountName', label: 'field.accountName', kind: 'text' },
      { path: 'bankAccount.accountNumber', label: 'field.accountNumber', kind: 'text' },
      { path: 'repCode', label: 'field.repCode', kind: 'text' },
      { path: 'commissionCode', label: 'field.commissionCode', kind: 'text' },
      { path: 'paymentHistory', label: 'field.paymentHistory', kind: 'multiline', wide: true },
    ],
  },
  {
    id: 'addresses',
    title: 'customerFile.addresses',
    fields: [...address('deliveryAddress', 'field.deliveryAddress'), ...address('invoiceAddress', 'field.invoiceAddress')],
  },
  {
    id: 'notes',
    title: 'field.notes',
    fields: [
      { path: 'notes', label: 'field.notes', kind: 'multiline', wide: true },
      { path: 'dataConsent.purpose', label: 'field.consentPurpose', kind: 'text', wide: true },
    ],
  },
];

/** Block 2: the assessment (统计分析资料), where the value tier lives. */
export const assessmentSection: SectionSpec = {
  id: 'assessment',
  title: 'customerFile.assessment',
  fields: [
    { path: 'assessment.tier', label: 'field.tier', kind: 'select', options: CUSTOMER_TIERS, optionPrefix: 'tier' },
    { path: 'assessment.rating', label: 'field.rating', kind: 'integer' },
    { path: 'assessment.creditStanding', label: 'field.creditStanding', kind: 'select', options: CREDIT_STANDINGS, optionPrefix: 'creditStanding' },
    { path: 'assessment.annualSales', label: 'field.annualSales', kind: 'number' },
    { path: 'assessment.potentialValue', label: 'field.potentialValue', kind: 'number' },
    { path: 'assessment.attitude', label: 'field.attitude', kind: 'multiline', wide: true },
    { path: 'assessment.needs', label: 'field.needs', kind: 'multiline', wide: true },
    { path: 'assessment.potential', label: 'field.potential', kind: 'multiline', wide: true },
    { path: 'assessment.contractFulfilment', label: 'field.contractFulfilment', kind: 'multiline', wide: true },
    { path: 'assessment.friction', label: 'field.friction', kind: 'multiline', wide: true },
    { path: 'assessment.competitorBusiness', label: 'field.competitorBusiness', kind: 'multiline', wide: true },
  ],
};

export const allSections: readonly SectionSpec[] = [...baseSections, assessmentSection];
export const allFields: readonly FieldSpec[] = allSections.flatMap((s) => s.fields);

/** The label a person sees for a field, unique within the form. */
export function fieldLabel(t: (key: ParseKeys) => string, spec: FieldSpec): string {
  return spec.group ? `${t(spec.group)} · ${t(spec.label)}` : t(spec.label);
}

export function isShownFor(field: FieldSpec, type: string): boolean {
  return !field.onlyFor || (field.onlyFor as readonly string[]).includes(type);
}
