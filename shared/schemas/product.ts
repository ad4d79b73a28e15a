import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';
import { idField, longText, metaProperties, metaRequired, shortText } from './fragments';

export const PRODUCT_TYPES = ['rx', 'otc', 'device', 'service', 'other'] as const;
export const PRODUCT_STATUSES = ['active', 'inactive'] as const;

/** Product catalogue entry with the approved product knowledge reps may use. */
const productSchemaLiteral = {
  title: 'product',
  description: 'Product catalogue entry',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    code: { type: 'string', minLength: 1, maxLength: 40 },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    genericName: shortText,
    type: { type: 'string', enum: PRODUCT_TYPES },
    status: { type: 'string', enum: PRODUCT_STATUSES, maxLength: 8 },
    composition: longText,
    indications: longText,
    market: longText,
    benefits: longText,
    risks: longText,
    ...metaProperties,
  },
  required: ['id', 'code', 'name', 'type', 'status', ...metaRequired],
  indexes: ['code'],
} as const;

export const productSchemaTyped = toTypedRxJsonSchema(productSchemaLiteral);
export type Product = ExtractDocumentTypeFromTypedRxJsonSchema<typeof productSchemaTyped>;
export const productSchema: RxJsonSchema<Product> = productSchemaLiteral;
