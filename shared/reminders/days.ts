/**
 * Calendar-day arithmetic on YYYY-MM-DD strings. A day has no time zone: "today" is the rep's
 * local day, and an instant becomes a day only through a `DayOf` function (the device's zone in
 * the app, an explicit zone in tests and on the server). Arithmetic runs in UTC so that daylight
 * saving never makes a day 23 or 25 hours long.
 */

/** Turns a stored instant (ISO 8601, UTC) into the local calendar day it fell on. */
export type DayOf = (instant: string) => string;

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `day` is a real calendar day as YYYY-MM-DD (2026-02-30 is not). */
export function isDay(day: unknown): day is string {
  if (typeof day !== 'string') return false;
  const m = DAY_PATTERN.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function toUtcMs(day: string): number {
  const m = DAY_PATTERN.exec(day);
  if (!m) throw new Error(`Not a day: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return fromUtcMs(toUtcMs(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export const laterDay = (a: string, b: string): string => (a >= b ? a : b);

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Day of the week of a day, 0 = Sunday. */
export function weekday(day: string): number {
  return new Date(toUtcMs(day)).getUTCDay();
}

/**
 * A yearly date (MM-DD, or YYYY-MM-DD of which only month and day count) in a given year.
 * 29 February falls on 28 February in common years: the day stays in its month, which is how
 * people who were born on 29 February usually celebrate. Null for a date that is not real.
 */
export function yearlyDateIn(date: string, year: number): string | null {
  const m = /^(?:\d{4}-)?(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const month = Number(m[1]);
  const dayOfMonth = Number(m[2]);
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(2024, month)) return null;
  const d = Math.min(dayOfMonth, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${m[1]}-${String(d).padStart(2, '0')}`;
}

/** The day as the wall calendar shows it in `timeZone` (IANA name) at `instant`. */
export function dayInTimeZone(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The wall-clock time HH:MM in `timeZone` at `instant`. */
export function timeInTimeZone(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('hour')}:${get('minute')}`;
}

/** A `DayOf` for a fixed IANA time zone. */
export const dayOfIn = (timeZone: string): DayOf => (instant) => dayInTimeZone(instant, timeZone);
