import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import { schemas, type CollectionName } from '../schemas';

/**
 * Validates a document against its collection's JSON schema: the same schema RxDB stores
 * and the server accepts, so a form can never save what sync would refuse.
 * @cfworker/json-schema interprets the schema instead of generating code (as ajv does),
 * so it runs under the renderer's strict CSP without 'unsafe-eval'.
 */

export type FieldErrorCode =
  | 'required' | 'email' | 'phone' | 'number' | 'nonNegative' | 'integer' | 'tooLong'
  | 'codeFormat' | 'codeTaken' | 'date' | 'keyDate' | 'currency' | 'range' | 'invalid' | 'followUpBeforeVisit'
  | 'futureDate' | 'endBeforeStart';

export interface FieldError {
  code: FieldErrorCode;
  params?: Record<string, number | string>;
}

/** Errors keyed by dotted field path: "email", "address.city", "samples.0.quantity". */
export type FieldErrors = Record<string, FieldError>;

const validators = new Map<CollectionName, Validator>();
function validatorFor(collection: CollectionName): Validator {
  let v = validators.get(collection);
  if (!v) {
    v = new Validator(schemas[collection] as unknown as Schema, '2019-09', false);
    validators.set(collection, v);
  }
  return v;
}

/** Keywords that only say "a child failed"; the child's own error is more precise. */
const CONTAINER_KEYWORDS = new Set(['properties', 'items', 'allOf', 'anyOf', 'oneOf', 'additionalProperties', 'false', '$ref']);

function pathOf(instanceLocation: string): string {
  return instanceLocation.replace(/^#\/?/, '').split('/').filter(Boolean).join('.');
}

function schemaAt(collection: CollectionName, keywordLocation: string): Record<string, unknown> | undefined {
  const parts = keywordLocation.replace(/^#\/?/, '').split('/').slice(0, -1);
  let node: unknown = schemas[collection];
  for (const part of parts) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

function leafName(path: string): string {
  return path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? '';
}

function errorFor(collection: CollectionName, unit: OutputUnit, path: string): FieldError {
  const node = schemaAt(collection, unit.keywordLocation) ?? {};
  const field = leafName(path);
  switch (unit.keyword) {
    case 'required':
    case 'minLength':
      return { code: 'required' };
    case 'maxLength':
      return { code: 'tooLong', params: { max: Number(node.maxLength) } };
    case 'pattern':
      if (field === 'email') return { code: 'email' };
      if (field === 'phone') return { code: 'phone' };
      if (field === 'code') return { code: 'codeFormat' };
      if (field === 'currency') return { code: 'currency' };
      if (field === 'date' && path.startsWith('keyDates')) return { code: 'keyDate' };
      return { code: 'date' };
    case 'type':
      return node.type === 'integer' ? { code: 'integer' } : node.type === 'number' ? { code: 'number' } : { code: 'invalid' };
    case 'minimum':
    case 'maximum':
      if (node.minimum === 0 && unit.keyword === 'minimum') return { code: 'nonNegative' };
      return { code: 'range', params: { min: Number(node.minimum ?? 0), max: Number(node.maximum ?? Infinity) } };
    default:
      return { code: 'invalid' };
  }
}

export function validateDocument(collection: CollectionName, doc: unknown): FieldErrors {
  const result = validatorFor(collection).validate(doc);
  const errors: FieldErrors = {};
  if (result.valid) return errors;
  for (const unit of result.errors) {
    if (CONTAINER_KEYWORDS.has(unit.keyword)) {
      // An unknown property is reported only as additionalProperties: keep it visible.
      if (unit.keyword === 'false') errors[pathOf(unit.instanceLocation)] ??= { code: 'invalid' };
      continue;
    }
    let path = pathOf(unit.instanceLocation);
    if (unit.keyword === 'required') {
      const missing = /"([^"]+)"/.exec(unit.error)?.[1];
      if (missing) path = path ? `${path}.${missing}` : missing;
    }
    errors[path] ??= errorFor(collection, unit, path);
  }
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
