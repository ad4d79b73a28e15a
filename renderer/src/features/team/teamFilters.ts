import { addDays, weekStart } from '../../../../shared/reports/days';

/**
 * The dashboards' filters, kept in the URL (so Back, links and exports see the same view):
 * one rep or the whole team, the period in weeks up to today, and N for "visited within N days".
 */
export interface TeamFilters {
  /** A rep's user id, or null for the whole team. */
  repId: string | null;
  weeks: number;
  coverageDays: number;
}

export const WEEK_CHOICES = [4, 8, 12, 26, 52] as const;
export const DEFAULT_FILTERS: TeamFilters = { repId: null, weeks: 8, coverageDays: 30 };
export const MAX_COVERAGE_DAYS = 365;

export function parseFilters(params: URLSearchParams): TeamFilters {
  const weeks = Number(params.get('weeks'));
  const days = Number(params.get('days'));
  return {
    repId: params.get('rep') || null,
    weeks: (WEEK_CHOICES as readonly number[]).includes(weeks) ? weeks : DEFAULT_FILTERS.weeks,
    coverageDays: Number.isInteger(days) && days >= 1 && days <= MAX_COVERAGE_DAYS ? days : DEFAULT_FILTERS.coverageDays,
  };
}

/** Writes the filters into the URL parameters, leaving defaults (and other parameters) out. */
export function writeFilters(params: URLSearchParams, filters: TeamFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null, fallback: string | null) => (value === null || value === fallback ? next.delete(key) : next.set(key, value));
  set('rep', filters.repId, null);
  set('weeks', String(filters.weeks), String(DEFAULT_FILTERS.weeks));
  set('days', String(filters.coverageDays), String(DEFAULT_FILTERS.coverageDays));
  return next;
}

/** The period: whole weeks (from a Monday) through today. */
export function periodOf(filters: Pick<TeamFilters, 'weeks'>, today: string): { from: string; to: string } {
  return { from: addDays(weekStart(today), -7 * (filters.weeks - 1)), to: today };
}
