import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';
import {
  dayField, idField, instantField, longText, metaProperties, metaRequired, moneyField, productRefField, refField,
  shortText, territoryField,
} from './fragments';

export const VISIT_KINDS = ['visit', 'call', 'meeting', 'email', 'event'] as const;
export const CONCESSION_KINDS = ['price', 'voucher', 'gift', 'other'] as const;
export const VISIT_STATUSES = ['draft', 'submitted'] as const;

/**
 * One contact with a customer: the customer's investment log (企业投入记录).
 * `startAt` is an instant; the timeline sorts by it, newest first.
 * Once `status` is `submitted` the visit is append-only (coaching and follow-ups go to `comments`).
 */
const visitSchemaLiteral = {
  title: 'visit',
  description: 'A visit, call, meeting, email or event with a customer',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    customerId: refField,
    territoryId: territoryField,
    repId: refField,
    kind: { type: 'string', enum: VISIT_KINDS, maxLength: 8 },
    status: { type: 'string', enum: VISIT_STATUSES },
    startAt: instantField,
    location: shortText,
    durationMinutes: { type: 'integer', minimum: 0, maximum: 24 * 60 },
    cost: moneyField,
    concessions: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          kind: { type: 'string', enum: CONCESSION_KINDS },
          description: shortText,
          value: moneyField,
        },
        required: ['kind', 'description'],
      },
    },
    productsPresented: { type: 'array', maxItems: 50, items: productRefField },
    samples: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { product: productRefField, quantity: { type: 'integer', minimum: 1, maximum: 100_000 } },
        required: ['product', 'quantity'],
      },
    },
    /** Joint actions with the customer (co-development, joint promotion). */
    jointActions: longText,
    summary: longText,
    nextStep: longText,
    followUpDate: dayField,
    /** Marketing activity this contact belongs to, if any. */
    activityId: refField,
    submittedAt: instantField,
    ...metaProperties,
  },
  required: ['id', 'customerId', 'territoryId', 'repId', 'kind', 'status', 'startAt', ...metaRequired],
  indexes: [['customerId', 'startAt'], ['repId', 'startAt'], 'startAt'],
} as const;

export const visitSchemaTyped = toTypedRxJsonSchema(visitSchemaLiteral);
export type Visit = ExtractDocumentTypeFromTypedRxJsonSchema<typeof visitSchemaTyped>;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const visitSchema: RxJsonSchema<Visit> = visitSchemaLiteral;
