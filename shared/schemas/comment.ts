import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';
import { idField, instantField, metaProperties, metaRequired, refField, territoryField } from './fragments';
import { CUSTOMER_TIERS } from './customer';

export const COMMENT_TARGETS = ['customers', 'visits', 'feedback', 'questions', 'adverseevents'] as const;
export const COMMENT_KINDS = ['coaching', 'follow_up', 'note', 'tier_change'] as const;

/**
 * Append-only remarks on another record: a manager's coaching on a visit, a follow-up on
 * feedback. Separate documents so that adding one never conflicts with the record itself.
 * A `tier_change` comment on a customer records a value-tier change (`tierFrom` → `tierTo`):
 * the tier history the app can read offline (marketing activity evaluation counts them).
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
    /** For `tier_change`: the tier before (absent: none) and after. */
    tierFrom: { type: 'string', enum: CUSTOMER_TIERS },
    tierTo: { type: 'string', enum: CUSTOMER_TIERS },
    ...metaProperties,
  },
  required: ['id', 'territoryId', 'targetCollection', 'targetId', 'kind', 'authorId', 'text', 'at', ...metaRequired],
  indexes: [['targetId', 'at']],
} as const;

export const commentSchemaTyped = toTypedRxJsonSchema(commentSchemaLiteral);
export type Comment = ExtractDocumentTypeFromTypedRxJsonSchema<typeof commentSchemaTyped>;
export const commentSchema: RxJsonSchema<Comment> = commentSchemaLiteral;
