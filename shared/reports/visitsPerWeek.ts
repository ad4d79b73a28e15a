import { weekStart, weeksBetween } from './days';
import type { VisitIndex } from './visitIndex';

export interface RepWeekRow {
  repId: string;
  /** Contacts per week, aligned with `weeks`. */
  perWeek: number[];
  total: number;
  /** Ids of the contacts behind each week's figure. */
  visitIds: string[][];
}

export interface VisitsPerWeek {
  /** Mondays of the weeks in the period, ascending. */
  weeks: string[];
  rows: RepWeekRow[];
  /** Team total per week. */
  totals: number[];
  total: number;
}

export interface VisitsPerWeekOptions {
  /** First and last day of the period (inclusive). */
  from: string;
  to: string;
  /** Reps that get a row even without a contact (an idle rep is news to a manager), in this order. */
  repIds?: readonly string[];
  /** Count only the listed reps' contacts (one rep's view). */
  onlyListed?: boolean;
}

/**
 * Submitted contacts (visits, calls, meetings…) per rep per week in [from, to]. Reps are the
 * given ones first, then anyone else who logged a contact, by id.
 */
export function visitsPerRepPerWeek(index: VisitIndex, { from, to, repIds: listed = [], onlyListed = false }: VisitsPerWeekOptions): VisitsPerWeek {
  const repIds = [...new Set(listed)];
  const weeks = weeksBetween(from, to);
  const weekPos = new Map(weeks.map((w, i) => [w, i]));
  const rows = new Map<string, RepWeekRow>();
  const newRow = (repId: string): RepWeekRow => ({ repId, perWeek: weeks.map(() => 0), total: 0, visitIds: weeks.map(() => []) });
  for (const id of repIds) rows.set(id, newRow(id));
  const totals = weeks.map(() => 0);
  let total = 0;
  const extra: string[] = [];
  const posOfDay = new Map<string, number>();

  for (const { visit, day } of index.done) {
    if (day < from || day > to) continue;
    let pos = posOfDay.get(day);
    if (pos === undefined) {
      pos = weekPos.get(weekStart(day))!;
      posOfDay.set(day, pos);
    }
    let row = rows.get(visit.repId);
    if (!row) {
      if (onlyListed) continue;
      row = newRow(visit.repId);
      rows.set(visit.repId, row);
      extra.push(visit.repId);
    }
    row.perWeek[pos]! += 1;
    row.visitIds[pos]!.push(visit.id);
    row.total += 1;
    totals[pos]! += 1;
    total += 1;
  }
  extra.sort();
  const ordered = [...repIds, ...extra].map((id) => rows.get(id)!);
  return { weeks, rows: ordered, totals, total };
}

/** The contacts behind a figure: one rep or all (null), one week or all (null). */
export function visitIdsOf(report: VisitsPerWeek, repId: string | null, week: string | null): string[] {
  const pos = week === null ? -1 : report.weeks.indexOf(week);
  if (week !== null && pos < 0) return [];
  const out: string[] = [];
  for (const row of report.rows) {
    if (repId !== null && row.repId !== repId) continue;
    if (pos >= 0) out.push(...row.visitIds[pos]!);
    else for (const ids of row.visitIds) out.push(...ids);
  }
  return out;
}
