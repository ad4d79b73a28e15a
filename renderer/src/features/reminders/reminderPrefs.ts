import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { DEFAULT_NEGLECT_DAYS, NEGLECT_DAYS_MAX, NEGLECT_DAYS_MIN } from '../../../../shared/reminders/neglected';

interface ReminderPrefs {
  /** A-tier customers not visited for this many days are listed on Today. */
  neglectDays: number;
  /** Desktop notifications for due reminders (the in-app ones always show). */
  desktopNotifications: boolean;
  setNeglectDays(days: number): void;
  setDesktopNotifications(on: boolean): void;
}

const clampDays = (days: number): number =>
  Number.isInteger(days) ? Math.min(NEGLECT_DAYS_MAX, Math.max(NEGLECT_DAYS_MIN, days)) : DEFAULT_NEGLECT_DAYS;

/** UI preferences of the reminders (per computer, like language and theme; never business data). */
export const useReminderPrefs = create<ReminderPrefs>()(
  persist(
    (set) => ({
      neglectDays: DEFAULT_NEGLECT_DAYS,
      desktopNotifications: true,
      setNeglectDays: (days) => set({ neglectDays: clampDays(days) }),
      setDesktopNotifications: (desktopNotifications) => set({ desktopNotifications }),
    }),
    {
      name: 'fieldbook.reminders',
      partialize: (s) => ({ neglectDays: s.neglectDays, desktopNotifications: s.desktopNotifications }),
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<ReminderPrefs>;
        return {
          ...current,
          neglectDays: typeof p.neglectDays === 'number' ? clampDays(p.neglectDays) : current.neglectDays,
          desktopNotifications: typeof p.desktopNotifications === 'boolean' ? p.desktopNotifications : current.desktopNotifications,
        };
      },
    },
  ),
);
