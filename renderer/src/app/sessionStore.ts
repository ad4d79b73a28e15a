import { create } from 'zustand';

export interface SessionUser {
  id: string;
  displayName: string;
  territoryId: string;
}

/**
 * Until sign-in exists (sync server issue) everyone works as a local profile. The local
 * database is named after the user id, so a real sign-in only has to set this user.
 */
export const LOCAL_USER: SessionUser = { id: 'local', displayName: 'Local', territoryId: 'local' };

interface SessionState {
  user: SessionUser;
  setUser(user: SessionUser): void;
}

export const useSessionStore = create<SessionState>()((set) => ({
  user: LOCAL_USER,
  setUser: (user) => set({ user }),
}));
