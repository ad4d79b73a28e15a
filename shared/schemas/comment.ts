import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';
import { idField, instantField, metaProperties, metaRequired, refField, territoryField } from './fragments';

export const COMMENT_TARGETS = ['customers', 'visits', 'feedback', 'questions', 'adverseevents'] as const;
export const COMMENT_KINDS = ['coaching', 'follow_up', 'note'] as const;

/**
 * Append-only remarks on another record: a manager's coaching on a visit, a follow-up on
 * feedback. Separate documents so that adding one never conflicts with the record itself.
 */
const commentSchemaLiteral = {
  title: 'comment',
  description: 'Coaching comment or follow-up attached to a record',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    territoryId: territoryField,
    customerId: refField,
    targetCollection: { type: 'string', enum: COMMENT_TARGETS },
    targetId: refField,
    kind: { type: 'string', enum: COMMENT_KINDS },
    authorId: refField,
    text: { type: 'string', minLength: 1, maxLength: 20_000 },
    at: instantField,
    ...metaProperties,
  },
  required: ['id', 'territoryId', 'targetCollection', 'targetId', 'kind', 'authorId', 'text', 'at', ...metaRequired],
  indexes: [['targetId', 'at']],
} as const;

export const commentSchemaTyped = toTypedRxJsonSchema(commentSchemaLiteral);
export type Comment = ExtractDocumentTypeFromTypedRxJsonSchema<typeof commentSchemaTyped>;
export const commentSchema: RxJsonSchema<Comment> = commentSchemaLiteral;
