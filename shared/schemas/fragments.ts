/**
 * Building blocks shared by the document schemas. Declared `as const` so the TypeScript
 * types derived from each schema stay exact.
 */

/** Primary keys: client-generated ids (UUIDs or short codes). */
export const idField = { type: 'string', maxLength: 64 } as const;
/** A reference to another document's id. */
export const refField = { type: 'string', maxLength: 64 } as const;
/** An instant, ISO 8601 in UTC, e.g. 2026-11-23T09:30:00.000Z. Sorts as text. */
export const instantField = {
  type: 'string',
  maxLength: 30,
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$',
} as const;
/** A calendar day without time zone, YYYY-MM-DD. */
export const dayField = { type: 'string', maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
export const shortText = { type: 'string', maxLength: 200 } as const;
export const longText = { type: 'string', maxLength: 20_000 } as const;
export const phoneField = { type: 'string', maxLength: 40, pattern: '^\\+?[0-9][0-9 ()\\-]{4,38}[0-9]$' } as const;
export const emailField = {
  type: 'string',
  maxLength: 254,
  pattern: "^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+$",
} as const;
export const currencyField = { type: 'string', maxLength: 3, pattern: '^[A-Z]{3}$' } as const;
export const moneyField = {
  type: 'object',
  additionalProperties: false,
  properties: {
    amount: { type: 'number', minimum: 0, maximum: 1e12 },
    currency: currencyField,
  },
  required: ['amount', 'currency'],
} as const;

export const addressField = {
  type: 'object',
  additionalProperties: false,
  properties: {
    line: shortText,
    city: { type: 'string', maxLength: 100 },
    province: { type: 'string', maxLength: 100 },
    postalCode: { type: 'string', maxLength: 20 },
    country: { type: 'string', maxLength: 100 },
  },
} as const;

/** A product as mentioned in a record: the catalogue id when known, and the name as shown then. */
export const productRefField = {
  type: 'object',
  additionalProperties: false,
  properties: {
    productId: refField,
    name: { type: 'string', minLength: 1, maxLength: 200 },
  },
  required: ['name'],
} as const;

/**
 * Who and when, on every synced document. The client fills them for instant local display;
 * the sync server (a later issue) overwrites them with trusted values on push.
 */
export const metaProperties = {
  createdAt: instantField,
  updatedAt: instantField,
  createdBy: refField,
  updatedBy: refField,
} as const;
export const metaRequired = ['createdAt', 'updatedAt', 'createdBy', 'updatedBy'] as const;

/** Territory (辖区) a record belongs to: the unit of row-level authorization in sync. */
export const territoryField = { type: 'string', maxLength: 64 } as const;
