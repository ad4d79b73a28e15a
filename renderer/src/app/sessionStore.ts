import { create } from 'zustand';
import type { SessionUserInfo, TokenResponse } from '../../../shared/sync/protocol';
import type { SessionEndReason } from '../features/auth/apiError';
import { loadStoredSession, saveStoredSession, type StoredSession } from '../features/auth/storedSession';

/** What record-creating screens need of the signed-in user. */
export interface SessionUser {
  id: string;
  displayName: string;
  /** Where new records of this user go (the home territory). */
  territoryId: string;
}

/** Never rendered: the app below the sign-in gate only runs with a session. */
const SIGNED_OUT: SessionUser = { id: '', displayName: '', territoryId: '' };

function toUser(info: SessionUserInfo | undefined): SessionUser {
  return info ? { id: info.id, displayName: info.displayName, territoryId: info.homeTerritoryId } : SIGNED_OUT;
}

interface SessionState {
  /** The signed-in user and server, remembered across starts so the app opens offline. */
  session: StoredSession | null;
  user: SessionUser;
  /** Tokens of a sign-in made in this run (handed to the sync engine once). */
  freshTokens: TokenResponse | null;
  /** Counts sign-ins in this run: a new one restarts the sync engine. */
  signIns: number;
  /** The server ended the session (revoked or expired): local work goes on, sync waits for a new sign-in. */
  ended: SessionEndReason | null;
  /** The "sign in again" dialog is open (from the banner or the status chip; work goes on meanwhile). */
  reauthOpen: boolean;
  setReauthOpen(open: boolean): void;
  signedIn(session: StoredSession, tokens: TokenResponse): void;
  /** New tokens carried new user info (a territory changed). */
  userChanged(info: SessionUserInfo): void;
  sessionEnded(reason: SessionEndReason): void;
  /** Shown on the sign-in page after a sign-out the user did not ask for (a revoked device). */
  notice: SignOutNotice | null;
  signedOut(notice?: SignOutNotice): void;
}

export type SignOutNotice = 'device_revoked';

const initial = loadStoredSession();
/** The notice survives the reload that follows an unasked-for sign-out (this tab only). */
const NOTICE_KEY = 'fieldbook.signOutNotice';
function takeNotice(): SignOutNotice | null {
  try {
    return sessionStorage.getItem(NOTICE_KEY) === 'device_revoked' ? 'device_revoked' : null;
  } catch {
    return null;
  }
}
function keepNotice(notice: SignOutNotice | null): void {
  try {
    if (notice) sessionStorage.setItem(NOTICE_KEY, notice);
    else sessionStorage.removeItem(NOTICE_KEY);
  } catch {
    // only the message is lost
  }
}

export const useSessionStore = create<SessionState>()((set, get) => ({
  session: initial,
  user: toUser(initial?.user),
  freshTokens: null,
  signIns: 0,
  ended: null,
  reauthOpen: false,
  notice: initial ? null : takeNotice(),
  setReauthOpen: (reauthOpen) => set({ reauthOpen }),
  signedIn: (session, tokens) => {
    saveStoredSession(session);
    keepNotice(null);
    set((s) => ({ session, user: toUser(session.user), freshTokens: tokens, signIns: s.signIns + 1, ended: null, reauthOpen: false, notice: null }));
  },
  userChanged: (info) => {
    const current = get().session;
    if (!current || current.user.id !== info.id) return;
    if (JSON.stringify(current.user) === JSON.stringify(info)) return;
    const session = { ...current, user: info };
    saveStoredSession(session);
    set({ session, user: toUser(info) });
  },
  sessionEnded: (reason) => set({ ended: reason, freshTokens: null }),
  signedOut: (notice) => {
    saveStoredSession(null);
    keepNotice(notice ?? null);
    set({ session: null, user: SIGNED_OUT, freshTokens: null, ended: null, reauthOpen: false, notice: notice ?? null });
  },
}));
