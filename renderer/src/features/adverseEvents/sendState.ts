import type { AdverseEvent } from '../../../../shared/schemas';

/** Company practice: pharmacovigilance must have a report within 24 hours of hearing of it. */
export const REPORT_DEADLINE_MS = 24 * 60 * 60 * 1000;

export type SendState =
  | { sent: true; receivedAt: string }
  | { sent: false; capturedAt: string; ageMs: number; overdue: boolean };

type Stamps = Pick<AdverseEvent, 'capturedAt' | 'receivedAt'>;

/**
 * Whether the server has the report. Only the server's receipt stamp (`receivedAt`, a
 * server-owned field) counts: a report without it is "not yet sent", however long ago it was
 * captured and whatever the sync status says.
 */
export function sendStateOf(report: Stamps, nowMs: number): SendState {
  if (report.receivedAt) return { sent: true, receivedAt: report.receivedAt };
  const captured = Date.parse(report.capturedAt);
  const ageMs = Number.isFinite(captured) ? Math.max(0, nowMs - captured) : 0;
  return { sent: false, capturedAt: report.capturedAt, ageMs, overdue: ageMs >= REPORT_DEADLINE_MS };
}

/** What the app bar and the warning banner show: reports on this computer the server has not received. */
export interface UnsentSummary {
  count: number;
  overdue: number;
  /** Age of the oldest unsent report (0 when none). */
  oldestAgeMs: number;
}

export function summarizeUnsent(reports: readonly Stamps[], nowMs: number): UnsentSummary {
  let count = 0;
  let overdue = 0;
  let oldestAgeMs = 0;
  for (const r of reports) {
    const state = sendStateOf(r, nowMs);
    if (state.sent) continue;
    count += 1;
    if (state.overdue) overdue += 1;
    oldestAgeMs = Math.max(oldestAgeMs, state.ageMs);
  }
  return { count, overdue, oldestAgeMs };
}

/**
 * "5 minutes ago", "30 hours ago", "4 days ago" in the UI language; hours up to three days, so
 * that the 24-hour deadline reads exactly. `null` under a minute (the caller says "just now").
 */
export function timeAgo(ageMs: number, language: string): string | null {
  const minutes = Math.floor(ageMs / 60_000);
  if (minutes < 1) return null;
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'always' });
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 72) return rtf.format(-hours, 'hour');
  return rtf.format(-Math.floor(hours / 24), 'day');
}
