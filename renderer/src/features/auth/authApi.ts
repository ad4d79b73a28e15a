import { API, type LoginRequest, type RefreshRequest, type TokenResponse } from '../../../../shared/sync/protocol';
import { ApiRequestError } from './apiError';
import { parseUserInfo } from './storedSession';
import { postJson, type FetchLike } from './http';

const defaultFetch: FetchLike = (input, init) => fetch(input, init);

function checkTokens(value: TokenResponse): TokenResponse {
  const user = parseUserInfo(value?.user);
  if (!value || typeof value.accessToken !== 'string' || typeof value.refreshToken !== 'string' || typeof value.accessExpiresAt !== 'string' || !user) {
    throw new ApiRequestError('bad_response', 'The server did not answer with tokens');
  }
  return { ...value, user };
}

export async function login(serverUrl: string, body: LoginRequest, fetchFn: FetchLike = defaultFetch): Promise<TokenResponse> {
  return checkTokens(await postJson<TokenResponse>(fetchFn, serverUrl + API.login, body));
}

export async function refresh(serverUrl: string, body: RefreshRequest, fetchFn: FetchLike = defaultFetch): Promise<TokenResponse> {
  return checkTokens(await postJson<TokenResponse>(fetchFn, serverUrl + API.refresh, body));
}

/** Ends this device's session on the server; best effort (signing out works offline too). */
export async function logout(serverUrl: string, auth: { accessToken?: string; refreshToken?: string }, fetchFn: FetchLike = defaultFetch): Promise<void> {
  const headers: Record<string, string> = auth.accessToken ? { authorization: `Bearer ${auth.accessToken}` } : {};
  const body = auth.accessToken ? {} : { refreshToken: auth.refreshToken };
  try {
    const response = await fetchFn(serverUrl + API.logout, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
    await response.body?.cancel();
  } catch {
    // Offline: the session ends on the server when it expires, or an admin revokes it.
  }
}
