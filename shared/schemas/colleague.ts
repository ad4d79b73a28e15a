import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';
import { emailField, idField, metaProperties, metaRequired, phoneField, refField, shortText } from './fragments';

export const ROLES = ['rep', 'manager', 'admin', 'expert', 'medical_affairs'] as const;

/** Read-only directory of colleagues, pulled from the server (users are managed there). */
const colleagueSchemaLiteral = {
  title: 'colleague',
  description: 'Read-only directory entry for a user of the organisation',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    userName: { type: 'string', minLength: 1, maxLength: 64 },
    displayName: { type: 'string', minLength: 1, maxLength: 200 },
    roles: { type: 'array', minItems: 1, maxItems: 5, uniqueItems: true, items: { type: 'string', enum: ROLES } },
    title: shortText,
    email: emailField,
    phone: phoneField,
    managerId: refField,
    territoryIds: { type: 'array', maxItems: 200, items: refField },
    active: { type: 'boolean' },
    ...metaProperties,
  },
  required: ['id', 'userName', 'displayName', 'roles', 'territoryIds', 'active', ...metaRequired],
} as const;

export const colleagueSchemaTyped = toTypedRxJsonSchema(colleagueSchemaLiteral);
export type Colleague = ExtractDocumentTypeFromTypedRxJsonSchema<typeof colleagueSchemaTyped>;
export type Role = (typeof ROLES)[number];
export const colleagueSchema: RxJsonSchema<Colleague> = colleagueSchemaLiteral;
