import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';
import { idField, instantField, metaProperties, metaRequired, refField, territoryField } from './fragments';

export const CONFLICT_STATUSES = ['open', 'applied', 'dismissed'] as const;

/**
 * A value that lost a same-field conflict in sync. Nothing is dropped silently: the user
 * sees the other value here and can apply it with one click. Values are JSON text.
 */
const conflictSchemaLiteral = {
  title: 'conflict',
  description: 'The losing side of a same-field edit conflict',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    territoryId: territoryField,
    // Not `collection`: RxDB reserves RxDocument property names at top level (dev-mode SC17).
    targetCollection: { type: 'string', maxLength: 40 },
    documentId: refField,
    field: { type: 'string', maxLength: 200 },
    keptValue: { type: 'string', maxLength: 200_000 },
    otherValue: { type: 'string', maxLength: 200_000 },
    otherBy: refField,
    otherAt: instantField,
    status: { type: 'string', enum: CONFLICT_STATUSES, maxLength: 10 },
    resolvedAt: instantField,
    ...metaProperties,
  },
  required: ['id', 'territoryId', 'targetCollection', 'documentId', 'field', 'keptValue', 'otherValue', 'status', ...metaRequired],
  indexes: [['status', 'documentId']],
} as const;

export const conflictSchemaTyped = toTypedRxJsonSchema(conflictSchemaLiteral);
export type Conflict = ExtractDocumentTypeFromTypedRxJsonSchema<typeof conflictSchemaTyped>;
export const conflictSchema: RxJsonSchema<Conflict> = conflictSchemaLiteral;
