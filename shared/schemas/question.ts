import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';
import { idField, instantField, longText, metaProperties, metaRequired, productRefField, refField, territoryField } from './fragments';

export const QUESTION_TYPES = ['product_service', 'market', 'company_business'] as const;
export const QUESTION_STATUSES = ['open', 'answered', 'closed'] as const;
export const QUESTION_ROUTES = ['expert', 'medical_affairs'] as const;

/** A customer question sent to the problem research centre (问题研究中心). */
const questionSchemaLiteral = {
  title: 'question',
  description: 'Question to experts and its answer',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    territoryId: territoryField,
    askedBy: refField,
    customerId: refField,
    visitId: refField,
    product: productRefField,
    type: { type: 'string', enum: QUESTION_TYPES },
    routedTo: { type: 'string', enum: QUESTION_ROUTES },
    text: { type: 'string', minLength: 1, maxLength: 20_000 },
    status: { type: 'string', enum: QUESTION_STATUSES, maxLength: 10 },
    assigneeId: refField,
    answer: {
      type: 'object',
      additionalProperties: false,
      properties: { text: longText, by: refField, at: instantField },
      required: ['text', 'by', 'at'],
    },
    /** When the asker saw the answer (drives the in-app notification). */
    answerSeenAt: instantField,
    articleId: refField,
    askedAt: instantField,
    ...metaProperties,
  },
  required: ['id', 'territoryId', 'askedBy', 'type', 'routedTo', 'text', 'status', 'askedAt', ...metaRequired],
  indexes: [['status', 'askedAt']],
} as const;

export const questionSchemaTyped = toTypedRxJsonSchema(questionSchemaLiteral);
export type Question = ExtractDocumentTypeFromTypedRxJsonSchema<typeof questionSchemaTyped>;
export const questionSchema: RxJsonSchema<Question> = questionSchemaLiteral;
