import { localDay } from '../util/time';

/**
 * Calendar days as `YYYY-MM-DD` for the reports. Arithmetic runs on UTC midnights of the
 * day strings, so it never depends on the machine's time zone; only `dayOf` (which day an
 * instant falls on for the manager) does.
 */

/** The day an instant falls on. */
export type DayOf = (iso: string) => string;

/** The UTC day of an instant: deterministic, for tests and the benchmark. */
export const utcDay: DayOf = (iso) => iso.slice(0, 10);

const digitAt = (text: string, i: number): number => text.charCodeAt(i) - 48;

interface HourEntry {
  day: string;
  /** Local minutes since the UTC day's midnight at this UTC hour's start. */
  minutes: number;
  before?: string;
  after?: string;
}

/**
 * The local day of an instant on this machine (the manager's "today"). Fast enough for
 * 100,000 visits: the UTC offset is looked up once per UTC hour (offsets change on whole
 * hours) under a numeric key read from the digits, then the local day is the UTC day, the
 * day before or the day after, from the minutes alone.
 */
export function localDayOf(): DayOf {
  const hours = new Map<number, HourEntry>();
  return (iso) => {
    const hour = digitAt(iso, 11) * 10 + digitAt(iso, 12);
    const year = digitAt(iso, 0) * 1000 + digitAt(iso, 1) * 100 + digitAt(iso, 2) * 10 + digitAt(iso, 3);
    const key = ((year * 13 + digitAt(iso, 5) * 10 + digitAt(iso, 6)) * 32 + digitAt(iso, 8) * 10 + digitAt(iso, 9)) * 24 + hour;
    let h = hours.get(key);
    if (h === undefined) {
      const offset = new Date(`${iso.slice(0, 13)}:00:00.000Z`).getTimezoneOffset(); // UTC − local, in minutes
      h = { day: iso.slice(0, 10), minutes: hour * 60 - offset };
      hours.set(key, h);
    }
    const local = h.minutes + digitAt(iso, 14) * 10 + digitAt(iso, 15);
    if (local < 0) return (h.before ??= addDays(h.day, -1));
    if (local >= 1440) return (h.after ??= addDays(h.day, 1));
    return h.day;
  };
}

/** The local day of one instant (without a cache). */
export function localDayOfInstant(iso: string): string {
  return localDay(new Date(iso));
}

const DAY_MS = 86_400_000;

function dayToMs(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function msToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return msToDay(dayToMs(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToMs(to) - dayToMs(from)) / DAY_MS);
}

/** The Monday of the (ISO) week a day belongs to. */
export function weekStart(day: string): string {
  const ms = dayToMs(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return msToDay(ms - weekday * DAY_MS);
}

/** Every week (its Monday) that has a day in [from, to], ascending. */
export function weeksBetween(from: string, to: string): string[] {
  const out: string[] = [];
  if (to < from) return out;
  for (let w = weekStart(from); w <= to; w = addDays(w, 7)) out.push(w);
  return out;
}

/** ISO 8601 week number (1–53) of a day. */
export function isoWeekNumber(day: string): number {
  const monday = dayToMs(weekStart(day));
  const thursday = monday + 3 * DAY_MS; // the week belongs to the year of its Thursday
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return Math.floor((thursday - yearStart) / DAY_MS / 7) + 1;
}

export function isDay(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(dayToMs(value));
}
