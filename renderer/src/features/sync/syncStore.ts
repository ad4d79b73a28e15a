import { create } from 'zustand';
import type { RefusedRow, SyncedCollection } from '../../../../shared/sync/protocol';
import type { RequestErrorCode } from '../auth/apiError';

export interface SyncError {
  code: RequestErrorCode;
  message: string;
}

export interface RefusedItem extends RefusedRow {
  collection: SyncedCollection;
}

/** Progress of the first sync after sign-in: documents received per collection. */
export interface FirstSyncProgress {
  received: Partial<Record<SyncedCollection, number>>;
  done: SyncedCollection[];
}

/** What the sync engine reports; UI state only (the data itself lives in RxDB). */
export interface SyncSnapshot {
  /** The engine runs for the signed-in user (false while signed out or before it starts). */
  running: boolean;
  /** Another window of the app has the sync (only one replicates at a time). */
  standby: boolean;
  /** Pulls or pushes are under way. */
  active: boolean;
  /** The event stream from the server is open. */
  connected: boolean;
  error: SyncError | null;
  /** Local writes not yet acknowledged by a push. */
  waiting: number;
  lastSyncedAt: string | null;
  refused: RefusedItem[];
  firstSync: FirstSyncProgress | null;
}

export const IDLE_SYNC: SyncSnapshot = {
  running: false,
  standby: false,
  active: false,
  connected: false,
  error: null,
  waiting: 0,
  lastSyncedAt: null,
  refused: [],
  firstSync: null,
};

interface SyncState extends SyncSnapshot {
  /** Set by the running engine: retry now. */
  retry: (() => void) | null;
  update(patch: Partial<SyncSnapshot> | ((s: SyncSnapshot) => Partial<SyncSnapshot>)): void;
  setRetry(retry: (() => void) | null): void;
  reset(): void;
}

export const useSyncStore = create<SyncState>()((set) => ({
  ...IDLE_SYNC,
  retry: null,
  update: (patch) => set((s) => (typeof patch === 'function' ? patch(s) : patch)),
  setRetry: (retry) => set({ retry }),
  reset: () => set({ ...IDLE_SYNC, retry: null }),
}));
