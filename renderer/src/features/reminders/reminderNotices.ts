import { create } from 'zustand';

/** The in-app side of the notifications: the number on the Today entry and the notice shown. */
export interface ReminderNotice {
  key: number;
  title: string;
  lines: string[];
}

interface NoticeState {
  dueCount: number;
  notice: ReminderNotice | null;
  setDueCount(count: number): void;
  show(title: string, lines: string[]): void;
  dismiss(): void;
}

export const useReminderNotices = create<NoticeState>()((set) => ({
  dueCount: 0,
  notice: null,
  setDueCount: (dueCount) => set({ dueCount }),
  show: (title, lines) => set((s) => ({ notice: { key: (s.notice?.key ?? 0) + 1, title, lines } })),
  dismiss: () => set({ notice: null }),
}));
