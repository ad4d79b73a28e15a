import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Language } from '../i18n';

export type ThemeMode = 'light' | 'dark' | 'system';

interface UiState {
  /** null until the user picks one: then the system language decides. */
  language: Language | null;
  themeMode: ThemeMode;
  navOpen: boolean;
  /** Bumped by the search shortcut; the customer list focuses its search field on change. */
  searchFocusTick: number;
  setLanguage(language: Language): void;
  setThemeMode(mode: ThemeMode): void;
  setNavOpen(open: boolean): void;
  requestSearchFocus(): void;
}

/** UI preferences only (never business data: that lives in RxDB). Persisted per machine. */
export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      language: null,
      themeMode: 'system',
      navOpen: false,
      searchFocusTick: 0,
      setLanguage: (language) => set({ language }),
      setThemeMode: (themeMode) => set({ themeMode }),
      setNavOpen: (navOpen) => set({ navOpen }),
      requestSearchFocus: () => set((s) => ({ searchFocusTick: s.searchFocusTick + 1 })),
    }),
    { name: 'fieldbook.ui', partialize: (s) => ({ language: s.language, themeMode: s.themeMode }) },
  ),
);
