import { useSessionStore } from '../../app/sessionStore';
import { platform } from '../../platform/api';
import { ApiRequestError } from './apiError';
import { login, logout } from './authApi';
import { deviceName, getDeviceId } from './deviceId';
import { saveLastSignIn } from './storedSession';
import { REFRESH_TOKEN_KEY } from './tokenManager';

export interface SignInInput {
  serverUrl: string;
  userName: string;
  password: string;
}

/**
 * Signs in against the server: the refresh token goes to the platform's secure storage (the
 * Electron main process's safeStorage), the user info to the session store, which opens the
 * user's own local database. Rejects with ApiRequestError.
 */
export async function signIn({ serverUrl, userName, password }: SignInInput): Promise<void> {
  const tokens = await login(serverUrl, {
    userName: userName.trim(),
    password,
    deviceId: getDeviceId(),
    deviceName: deviceName(platform.runtime, navigator.userAgent),
  });
  const saved = await platform.secureSet(REFRESH_TOKEN_KEY, tokens.refreshToken);
  if (!saved.ok) throw new ApiRequestError('signed_out', saved.error.message);
  saveLastSignIn({ serverUrl, userName: userName.trim() });
  useSessionStore.getState().signedIn(
    { user: tokens.user, serverUrl, accessExpiresAt: tokens.accessExpiresAt, signedInAt: new Date().toISOString() },
    tokens,
  );
}

/**
 * Ends the session here and, when the network allows, on the server. The local database stays
 * (its unsent changes go out at this user's next sign-in on this computer).
 */
export async function signOut(accessToken: string | null): Promise<void> {
  const session = useSessionStore.getState().session;
  const stored = await platform.secureGet(REFRESH_TOKEN_KEY);
  await platform.secureSet(REFRESH_TOKEN_KEY, null);
  useSessionStore.getState().signedOut();
  // The next user starts on the customer list, not on a page of the previous user's data.
  window.location.hash = '#/customers';
  if (session) {
    const refreshToken = stored.ok && stored.value ? stored.value : undefined;
    await logout(session.serverUrl, { ...(accessToken ? { accessToken } : {}), ...(refreshToken ? { refreshToken } : {}) });
  }
}
