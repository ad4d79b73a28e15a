import type { SyncEngine } from './syncEngine';

/** The engine running for the signed-in user, for sign-out and test hooks (one per window). */
let active: SyncEngine | null = null;

export const getActiveSyncEngine = (): SyncEngine | null => active;
export function setActiveSyncEngine(engine: SyncEngine | null): void {
  active = engine;
}
