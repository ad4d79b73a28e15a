import { databaseNameFor } from '../../../../shared/db/collections';
import { useSessionStore, type SignOutNotice } from '../../app/sessionStore';
import { deleteOtherLocalDatabases, markWipePending } from '../../db/localData';
import { platform } from '../../platform/api';
import { getActiveSyncEngine } from '../sync/activeEngine';
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
  // Sign-out wipes, so other users' databases are leftovers (earlier versions kept them unencrypted).
  await deleteOtherLocalDatabases(databaseNameFor(tokens.user.id)).catch((error: unknown) => console.warn('Fieldbook: removing old local data failed', error));
  useSessionStore.getState().signedIn(
    { user: tokens.user, serverUrl, accessExpiresAt: tokens.accessExpiresAt, signedInAt: new Date().toISOString() },
    tokens,
  );
}

/**
 * Ends the session here and, when the network allows, on the server. The local database and its
 * key are wiped (customer data must not stay on a laptop nobody is signed in to); changes that
 * have not reached the server are lost with them — the sign-out dialog says so before.
 */
export async function signOut(accessToken: string | null): Promise<void> {
  const session = useSessionStore.getState().session;
  const stored = await platform.secureGet(REFRESH_TOKEN_KEY);
  await endLocalSession();
  if (session) {
    const refreshToken = stored.ok && stored.value ? stored.value : undefined;
    await logout(session.serverUrl, { ...(accessToken ? { accessToken } : {}), ...(refreshToken ? { refreshToken } : {}) });
  }
}

/**
 * An administrator revoked this device (reported lost or stolen): wipe everything local and
 * return to the sign-in page, which says why. Unlike an expired session, unsent changes are not
 * kept: the device is no longer trusted with the data.
 */
export async function deviceRevoked(): Promise<void> {
  await endLocalSession('device_revoked');
}

/**
 * Stops sync, forgets the tokens and the session, records the wipe of the user's local data and
 * reloads the page: the reload closes every connection to the database (open connections would
 * hold up its deletion), and the wipe then runs at start-up (main.tsx) before anything opens it.
 */
async function endLocalSession(notice?: SignOutNotice): Promise<void> {
  const userId = useSessionStore.getState().session?.user.id;
  if (userId) markWipePending(userId);
  await getActiveSyncEngine()?.stop();
  await platform.secureSet(REFRESH_TOKEN_KEY, null);
  useSessionStore.getState().signedOut(notice);
  // The next user starts on the customer list, not on a page of the previous user's data.
  window.location.hash = '#/customers';
  if (userId) window.location.reload();
}
