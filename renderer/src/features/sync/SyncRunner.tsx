import { useEffect } from 'react';
import { SYNCED_COLLECTIONS } from '../../../../shared/sync/protocol';
import { mayWriteCollection } from '../../../../shared/sync/access';
import { useDatabase } from '../../db/DatabaseContext';
import { useSessionStore } from '../../app/sessionStore';
import { platform } from '../../platform/api';
import { getDeviceId } from '../auth/deviceId';
import { deviceRevoked } from '../auth/signInActions';
import { setActiveSyncEngine } from './activeEngine';
import { SyncEngine } from './syncEngine';
import { useSyncStore } from './syncStore';
import { firstResultsShown } from '../../db/firstResults';

const FIRST_RESULTS_MAX_WAIT_MS = 1_500;

/**
 * Keeps the sync engine running while a user is signed in. When the server ends the session the
 * engine pauses itself (and goes on counting local changes); a new sign-in starts a fresh one.
 */
export function SyncRunner() {
  const db = useDatabase();
  const session = useSessionStore((s) => s.session);
  const signIns = useSessionStore((s) => s.signIns);
  const userId = session?.user.id;
  const serverUrl = session?.serverUrl;
  // The engine restarts when the roles change what the user may write (pull-only collections).
  const roles = session?.user.roles;
  const writable = roles ? SYNCED_COLLECTIONS.filter((c) => mayWriteCollection(roles, c)).join(',') : '';

  useEffect(() => {
    if (!userId || !serverUrl) return;
    const sessionStore = useSessionStore.getState();
    const engine = new SyncEngine({
      db,
      userId,
      roles: useSessionStore.getState().session?.user.roles ?? [],
      serverUrl,
      deviceId: getDeviceId(),
      secure: platform,
      initialTokens: sessionStore.freshTokens,
      onSessionEnded: (reason) => {
        if (reason === 'device_revoked') void deviceRevoked();
        else useSessionStore.getState().sessionEnded(reason);
      },
      onTokens: (tokens) => useSessionStore.getState().userChanged(tokens.user),
    });
    setActiveSyncEngine(engine);
    useSyncStore.getState().setRetry(() => engine.syncNow());
    // The replications start once the first screen shows its data (or after 1.5 s at most).
    engine.start(firstResultsShown(FIRST_RESULTS_MAX_WAIT_MS));
    return () => {
      setActiveSyncEngine(null);
      useSyncStore.getState().setRetry(null);
      useSyncStore.getState().reset();
      void engine.stop();
    };
  }, [db, userId, serverUrl, signIns, writable]);

  return null;
}
