import type { ApiError } from '../../shared/sync/protocol';

export type ApiErrorCode = ApiError['code'];

/** An error a route throws on purpose: the error handler answers `{code, message}` with `status`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string): HttpError => new HttpError(400, 'bad_request', message);
export const forbidden = (message = 'Not allowed for this user'): HttpError => new HttpError(403, 'forbidden', message);
export const notFound = (message = 'Not found'): HttpError => new HttpError(404, 'not_found', message);
export const unknownCollection = (name: string): HttpError =>
  new HttpError(404, 'unknown_collection', `Unknown collection: ${name.slice(0, 64)}`);

/** Narrowing helpers for untrusted JSON. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function requireString(body: Record<string, unknown>, key: string, { min = 1, max = 200 } = {}): string {
  const value = body[key];
  if (typeof value !== 'string' || value.length < min || value.length > max) {
    throw badRequest(`"${key}" must be a string of ${min} to ${max} characters`);
  }
  return value;
}

export function optionalString(body: Record<string, unknown>, key: string, { max = 200 } = {}): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > max) throw badRequest(`"${key}" must be a string of at most ${max} characters`);
  return value;
}

/** A non-negative integer from a query string value; `fallback` when absent. */
export function queryInt(value: unknown, name: string, { min = 0, max = Number.MAX_SAFE_INTEGER, fallback }: { min?: number; max?: number; fallback: number }): number {
  if (value === undefined || value === '') return fallback;
  if (typeof value !== 'string' || !/^\d{1,16}$/.test(value)) throw badRequest(`"${name}" must be an integer`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw badRequest(`"${name}" must be between ${min} and ${max}`);
  return n;
}
