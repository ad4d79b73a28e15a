import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';
import {
  addressField, currencyField, dayField, emailField, idField, instantField, longText, metaProperties,
  metaRequired, moneyField, phoneField, productRefField, refField, shortText, territoryField,
} from './fragments';

export const CUSTOMER_TYPES = ['hcp', 'hco', 'pharmacy', 'distributor'] as const;
export const CUSTOMER_TIERS = ['A', 'B', 'C', 'D'] as const;
export const CONTACT_CHANNELS = ['visit', 'phone', 'wechat', 'email'] as const;
export const KEY_DATE_KINDS = ['birthday', 'anniversary', 'other'] as const;
export const CREDIT_STANDINGS = ['good', 'watch', 'poor'] as const;

/**
 * The customer master file (客户主文件). Top level: the base record (客户原始记录).
 * `assessment`: the statistical/assessment block (统计分析资料), where the value tier lives.
 * The third block, our investment log (企业投入记录), is the `visits` collection.
 * Only code, name and type are required: which fields to collect is each company's choice.
 */
const customerSchemaLiteral = {
  title: 'customer',
  description: 'Customer master file: HCP, HCO, pharmacy or distributor',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    code: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]*$' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    type: { type: 'string', enum: CUSTOMER_TYPES, maxLength: 12 },
    territoryId: territoryField,
    ownerId: refField,
    // Base record
    address: addressField,
    phone: phoneField,
    email: emailField,
    contacts: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { name: shortText, role: shortText, phone: phoneField, email: emailField },
        required: ['name'],
      },
    },
    institutionId: refField,
    institution: shortText,
    department: shortText,
    title: shortText,
    specialty: shortText,
    preferredChannel: { type: 'string', enum: CONTACT_CHANNELS },
    keyDates: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          kind: { type: 'string', enum: KEY_DATE_KINDS },
          label: shortText,
          /** MM-DD for yearly dates the customer shared without a year. */
          date: { type: 'string', maxLength: 10, pattern: '^(\\d{4}-)?\\d{2}-\\d{2}$' },
        },
        required: ['kind', 'date'],
      },
    },
    bankAccount: {
      type: 'object',
      additionalProperties: false,
      properties: { bankName: shortText, accountName: shortText, accountNumber: { type: 'string', maxLength: 64 } },
    },
    currency: currencyField,
    quotations: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { date: dayField, product: productRefField, price: moneyField, note: shortText },
        required: ['date', 'product', 'price'],
      },
    },
    discountTerms: shortText,
    paymentTerms: shortText,
    taxCategory: shortText,
    creditLimit: { type: 'number', minimum: 0, maximum: 1e12 },
    salesLimit: { type: 'number', minimum: 0, maximum: 1e12 },
    paymentHistory: longText,
    deliveryAddress: addressField,
    invoiceAddress: addressField,
    repCode: { type: 'string', maxLength: 40 },
    commissionCode: { type: 'string', maxLength: 40 },
    notes: longText,
    /** Why we hold this person's data (PIPL/GDPR stated purpose) and when they agreed. */
    dataConsent: {
      type: 'object',
      additionalProperties: false,
      properties: { purpose: shortText, grantedAt: dayField },
      required: ['purpose'],
    },
    // Assessment block
    assessment: {
      type: 'object',
      additionalProperties: false,
      properties: {
        tier: { type: 'string', enum: CUSTOMER_TIERS },
        attitude: longText,
        rating: { type: 'integer', minimum: 1, maximum: 5 },
        contractFulfilment: longText,
        friction: longText,
        creditStanding: { type: 'string', enum: CREDIT_STANDINGS },
        competitorBusiness: longText,
        needs: longText,
        potential: longText,
        annualSales: { type: 'number', minimum: 0, maximum: 1e12 },
        potentialValue: { type: 'number', minimum: 0, maximum: 1e12 },
        reviewedAt: dayField,
      },
    },
    // Set when the person's personal data was erased on request; business records stay.
    erasedAt: instantField,
    ...metaProperties,
  },
  required: ['id', 'code', 'name', 'type', 'territoryId', 'ownerId', ...metaRequired],
  // Not ['territoryId', 'name']: `name` is encrypted on the laptop (shared/schemas/encryptedFields.ts)
  // and an encrypted field cannot be indexed; lists sort and search by name in memory.
  indexes: ['code', 'type', ['territoryId', 'code']],
} as const;

export const customerSchemaTyped = toTypedRxJsonSchema(customerSchemaLiteral);
export type Customer = ExtractDocumentTypeFromTypedRxJsonSchema<typeof customerSchemaTyped>;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];
export type CustomerTier = (typeof CUSTOMER_TIERS)[number];
export const customerSchema: RxJsonSchema<Customer> = customerSchemaLiteral;
