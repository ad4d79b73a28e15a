import type { ApiError } from '../../../../shared/sync/protocol';

/**
 * Why a request to the server failed. `code` is the server's ApiError code, or one of the
 * client's own: `unreachable` (no answer: offline, wrong address, server down, CORS),
 * `bad_response` (an answer that is not the API's), `signed_out` (no refresh token on this
 * computer: sign in again to sync).
 */
export type RequestErrorCode = ApiError['code'] | 'unreachable' | 'bad_response' | 'signed_out';

export class ApiRequestError extends Error {
  constructor(
    readonly code: RequestErrorCode,
    message: string,
    readonly status = 0,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/**
 * The answers after which only a new sign-in helps. `device_revoked`: an administrator revoked
 * this device (lost or stolen laptop): the app wipes its local data, unlike the other two.
 */
export type SessionEndReason = 'session_expired' | 'session_revoked' | 'device_revoked';

export function isSessionEnd(error: unknown): error is ApiRequestError & { code: SessionEndReason } {
  return error instanceof ApiRequestError && (error.code === 'session_expired' || error.code === 'session_revoked' || error.code === 'device_revoked');
}

const API_CODES: ReadonlySet<string> = new Set<ApiError['code']>([
  'bad_request', 'invalid_json', 'unknown_collection', 'batch_too_large', 'payload_too_large',
  'unauthenticated', 'session_expired', 'session_revoked', 'device_revoked', 'invalid_credentials', 'rate_limited',
  'forbidden', 'not_found', 'internal',
]);

/** Turns a non-2xx answer's body into an ApiRequestError (the body may be anything). */
export function errorFromResponse(status: number, body: unknown): ApiRequestError {
  const b = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof b.code === 'string' && API_CODES.has(b.code) ? (b.code as ApiError['code']) : status === 429 ? 'rate_limited' : status >= 500 ? 'internal' : 'bad_response';
  const message = typeof b.message === 'string' ? b.message : `HTTP ${status}`;
  return new ApiRequestError(code, message, status);
}

/** Short, loggable text of any error. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
