import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';
import { dayField, idField, longText, metaProperties, metaRequired, moneyField, productRefField, refField, territoryField } from './fragments';

export const ACTIVITY_KINDS = ['meeting', 'sponsorship', 'sample_campaign', 'other'] as const;
export const ACTIVITY_STATUSES = ['planned', 'done', 'cancelled'] as const;

/** Marketing activity (市场活动): its cost is evaluated against the visits linked to it. */
const activitySchemaLiteral = {
  title: 'activity',
  description: 'Marketing activity: meeting, sponsorship, sample campaign',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    territoryId: territoryField,
    ownerId: refField,
    name: { type: 'string', minLength: 1, maxLength: 200 },
    kind: { type: 'string', enum: ACTIVITY_KINDS },
    status: { type: 'string', enum: ACTIVITY_STATUSES },
    startDate: dayField,
    endDate: dayField,
    cost: moneyField,
    products: { type: 'array', maxItems: 50, items: productRefField },
    description: longText,
    ...metaProperties,
  },
  required: ['id', 'territoryId', 'ownerId', 'name', 'kind', 'status', 'startDate', ...metaRequired],
} as const;

export const activitySchemaTyped = toTypedRxJsonSchema(activitySchemaLiteral);
export type Activity = ExtractDocumentTypeFromTypedRxJsonSchema<typeof activitySchemaTyped>;
export const activitySchema: RxJsonSchema<Activity> = activitySchemaLiteral;
