import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';
import { dayField, idField, instantField, longText, metaProperties, metaRequired, productRefField, refField, shortText, territoryField } from './fragments';

export const PATIENT_SEXES = ['female', 'male', 'unknown'] as const;
export const SERIOUSNESS = ['serious', 'non_serious', 'unknown'] as const;
export const SERIOUSNESS_CRITERIA = ['death', 'life_threatening', 'hospitalisation', 'disability', 'congenital_anomaly', 'medically_important'] as const;
export const PV_STATUSES = ['received', 'acknowledged'] as const;

/**
 * Adverse event report (不良事件) for pharmacovigilance. Its own collection so it can be
 * replicated before anything else, and it is never deleted. The four minimum items are
 * required: an identifiable patient, a reporter, our product, the event.
 * `receivedAt` / `pvStatus` are set by the server only; until `receivedAt` exists the
 * app shows the report as not yet sent.
 */
const adverseEventSchemaLiteral = {
  title: 'adverse event',
  description: 'Adverse event report for pharmacovigilance',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    territoryId: territoryField,
    repId: refField,
    customerId: refField,
    visitId: refField,
    patient: {
      type: 'object',
      additionalProperties: false,
      properties: {
        initials: { type: 'string', minLength: 1, maxLength: 10 },
        ageYears: { type: 'integer', minimum: 0, maximum: 130 },
        sex: { type: 'string', enum: PATIENT_SEXES },
      },
      required: ['initials', 'sex'],
    },
    reporter: {
      type: 'object',
      additionalProperties: false,
      properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, role: shortText, contact: shortText },
      required: ['name'],
    },
    product: productRefField,
    event: { type: 'string', minLength: 1, maxLength: 20_000 },
    onsetDate: dayField,
    seriousness: { type: 'string', enum: SERIOUSNESS },
    seriousnessCriteria: { type: 'array', maxItems: 6, uniqueItems: true, items: { type: 'string', enum: SERIOUSNESS_CRITERIA } },
    outcome: longText,
    capturedAt: instantField,
    receivedAt: instantField,
    pvStatus: { type: 'string', enum: PV_STATUSES },
    pvAcknowledgedBy: refField,
    pvAcknowledgedAt: instantField,
    ...metaProperties,
  },
  required: ['id', 'territoryId', 'repId', 'patient', 'reporter', 'product', 'event', 'seriousness', 'capturedAt', ...metaRequired],
  indexes: ['capturedAt'],
} as const;

export const adverseEventSchemaTyped = toTypedRxJsonSchema(adverseEventSchemaLiteral);
export type AdverseEvent = ExtractDocumentTypeFromTypedRxJsonSchema<typeof adverseEventSchemaTyped>;
export const adverseEventSchema: RxJsonSchema<AdverseEvent> = adverseEventSchemaLiteral;
