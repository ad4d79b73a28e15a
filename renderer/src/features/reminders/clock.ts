import { useSyncExternalStore } from 'react';
import { localDay } from '../../../../shared/util/time';

/**
 * The wall clock the reminders run on: the rep's local day and minute, re-read every 15 seconds
 * and whenever the window comes back into view (a laptop waking from sleep), so that a new day or
 * a reminder's time is noticed within the minute. One timer for the whole app.
 */
export interface Clock {
  /** Local day, YYYY-MM-DD. */
  today: string;
  /** Local wall-clock time, HH:MM. */
  time: string;
  /** The instant it was read, ISO UTC. */
  now: string;
}

export function readClock(date: Date = new Date()): Clock {
  const pad = (n: number) => String(n).padStart(2, '0');
  return { today: localDay(date), time: `${pad(date.getHours())}:${pad(date.getMinutes())}`, now: date.toISOString() };
}

const TICK_MS = 15_000;
let current = readClock();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function tick(): void {
  const next = readClock();
  if (next.today === current.today && next.time === current.time) return;
  current = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    timer = setInterval(tick, TICK_MS);
    window.addEventListener('focus', tick);
    document.addEventListener('visibilitychange', tick);
  }
  tick();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
      window.removeEventListener('focus', tick);
      document.removeEventListener('visibilitychange', tick);
    }
  };
}

const getClock = () => current;
const getToday = () => current.today;

/** Re-renders every minute. */
export function useClock(): Clock {
  return useSyncExternalStore(subscribe, getClock);
}

/** Re-renders when the day changes. */
export function useToday(): string {
  return useSyncExternalStore(subscribe, getToday);
}

/** The instant of the latest clock reading (for code that runs on an action, not a render). */
export const clockNow = (): Clock => readClock();
