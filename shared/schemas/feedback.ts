import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';
import { idField, instantField, longText, metaProperties, metaRequired, productRefField, refField, territoryField } from './fragments';

export const FEEDBACK_KINDS = ['rating', 'complaint', 'suggestion', 'product_comment', 'market_comment', 'adverse_event'] as const;
export const FEEDBACK_STATUSES = ['new', 'acknowledged', 'in_progress', 'resolved'] as const;

/**
 * Knowledge from the customer (反馈). The customer's words and the rep's reading are
 * append-only once captured; follow-ups are `comments`, never edits of the original.
 * An adverse event has its own record in `adverseevents` and is linked here.
 */
const feedbackSchemaLiteral = {
  title: 'feedback',
  description: 'What a customer said about our products or service',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    customerId: refField,
    territoryId: territoryField,
    repId: refField,
    visitId: refField,
    kind: { type: 'string', enum: FEEDBACK_KINDS, maxLength: 16 },
    product: productRefField,
    rating: { type: 'integer', minimum: 1, maximum: 5 },
    customerWords: longText,
    repReading: longText,
    status: { type: 'string', enum: FEEDBACK_STATUSES, maxLength: 12 },
    resolution: longText,
    assigneeId: refField,
    adverseEventId: refField,
    capturedAt: instantField,
    ...metaProperties,
  },
  required: ['id', 'customerId', 'territoryId', 'repId', 'kind', 'status', 'capturedAt', ...metaRequired],
  indexes: [['customerId', 'capturedAt'], ['status', 'capturedAt'], 'capturedAt'],
} as const;

export const feedbackSchemaTyped = toTypedRxJsonSchema(feedbackSchemaLiteral);
export type Feedback = ExtractDocumentTypeFromTypedRxJsonSchema<typeof feedbackSchemaTyped>;
export const feedbackSchema: RxJsonSchema<Feedback> = feedbackSchemaLiteral;
