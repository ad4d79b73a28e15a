import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';
import { dayField, idField, instantField, longText, metaProperties, metaRequired, productRefField, refField, territoryField } from './fragments';

export const REMINDER_KINDS = ['follow_up', 'key_date', 'replenishment', 'custom'] as const;
export const REMINDER_STATUSES = ['open', 'done'] as const;

/** Proactive service (主动服务): something to do for a customer by a day. */
const reminderSchemaLiteral = {
  title: 'reminder',
  description: 'Follow-up, key date, replenishment or custom reminder',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    ownerId: refField,
    territoryId: territoryField,
    kind: { type: 'string', enum: REMINDER_KINDS },
    customerId: refField,
    visitId: refField,
    product: productRefField,
    title: { type: 'string', minLength: 1, maxLength: 500 },
    notes: longText,
    dueDate: dayField,
    /** Optional local wall-clock time on `dueDate` (HH:MM), for custom reminders ("call at 14:00"). */
    dueTime: { type: 'string', maxLength: 5, pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
    /** Replenishment: repeat every N days after done. */
    intervalDays: { type: 'integer', minimum: 1, maximum: 3650 },
    status: { type: 'string', enum: REMINDER_STATUSES, maxLength: 8 },
    snoozedUntil: dayField,
    doneAt: instantField,
    ...metaProperties,
  },
  required: ['id', 'ownerId', 'territoryId', 'kind', 'title', 'dueDate', 'status', ...metaRequired],
  indexes: [['status', 'dueDate']],
} as const;

export const reminderSchemaTyped = toTypedRxJsonSchema(reminderSchemaLiteral);
export type Reminder = ExtractDocumentTypeFromTypedRxJsonSchema<typeof reminderSchemaTyped>;
export const reminderSchema: RxJsonSchema<Reminder> = reminderSchemaLiteral;
