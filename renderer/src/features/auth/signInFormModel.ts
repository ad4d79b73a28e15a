import { ApiRequestError } from './apiError';
import { normalizeServerUrl } from './serverUrl';

export interface SignInValues {
  serverUrl: string;
  userName: string;
  password: string;
}

export type SignInField = keyof SignInValues;

/** i18n key (under `auth.`) and its parameters. */
export interface SignInMessage {
  key: 'required' | 'badServer' | 'invalidCredentials' | 'rateLimited' | 'unreachable' | 'failed' | 'storageFailed';
  params?: Record<string, string>;
}

/** Field errors of the form, or null when it can be sent; the server URL comes back normalised. */
export function checkSignIn(values: SignInValues): { errors: Partial<Record<SignInField, SignInMessage>>; serverUrl: string | null } {
  const errors: Partial<Record<SignInField, SignInMessage>> = {};
  const serverUrl = values.serverUrl.trim() ? normalizeServerUrl(values.serverUrl) : null;
  if (!values.serverUrl.trim()) errors.serverUrl = { key: 'required' };
  else if (!serverUrl) errors.serverUrl = { key: 'badServer' };
  if (!values.userName.trim()) errors.userName = { key: 'required' };
  if (!values.password) errors.password = { key: 'required' };
  return { errors, serverUrl };
}

/** What the form says when the server (or the way to it) said no. */
export function signInFailure(error: unknown, serverUrl: string): SignInMessage {
  if (!(error instanceof ApiRequestError)) return { key: 'failed', params: { message: String(error) } };
  switch (error.code) {
    case 'invalid_credentials':
      return { key: 'invalidCredentials' };
    case 'rate_limited':
      return { key: 'rateLimited' };
    case 'unreachable':
      return { key: 'unreachable', params: { server: serverUrl } };
    case 'signed_out':
      return { key: 'storageFailed', params: { message: error.message } };
    default:
      return { key: 'failed', params: { message: error.message } };
  }
}
