import { describe, expect, it } from 'vitest';
import { REPORT_DEADLINE_MS, sendStateOf, summarizeUnsent, timeAgo } from './sendState';

const NOW = Date.parse('2026-11-20T10:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const HOUR = 3_600_000;

describe('adverse event send state', () => {
  it('counts a report as sent only with the server receipt', () => {
    expect(sendStateOf({ capturedAt: ago(HOUR), receivedAt: ago(HOUR / 2) }, NOW)).toEqual({ sent: true, receivedAt: ago(HOUR / 2) });
    expect(sendStateOf({ capturedAt: ago(HOUR) }, NOW)).toEqual({ sent: false, capturedAt: ago(HOUR), ageMs: HOUR, overdue: false });
  });

  it('is overdue from 24 hours after capture', () => {
    expect(sendStateOf({ capturedAt: ago(REPORT_DEADLINE_MS - 1) }, NOW)).toMatchObject({ overdue: false });
    expect(sendStateOf({ capturedAt: ago(REPORT_DEADLINE_MS) }, NOW)).toMatchObject({ overdue: true });
    expect(sendStateOf({ capturedAt: ago(30 * HOUR) }, NOW)).toMatchObject({ overdue: true, ageMs: 30 * HOUR });
  });

  it('treats a capture time from a clock ahead of this one as just captured', () => {
    expect(sendStateOf({ capturedAt: new Date(NOW + 5 * 60_000).toISOString() }, NOW)).toMatchObject({ ageMs: 0, overdue: false });
  });

  it('summarizes the unsent reports for the app bar', () => {
    const reports = [
      { capturedAt: ago(2 * HOUR) },
      { capturedAt: ago(26 * HOUR) },
      { capturedAt: ago(40 * HOUR), receivedAt: ago(39 * HOUR) },
    ];
    expect(summarizeUnsent(reports, NOW)).toEqual({ count: 2, overdue: 1, oldestAgeMs: 26 * HOUR });
    expect(summarizeUnsent([], NOW)).toEqual({ count: 0, overdue: 0, oldestAgeMs: 0 });
  });

  it('says how long ago in both languages, in hours up to three days', () => {
    expect(timeAgo(30_000, 'en')).toBeNull();
    expect(timeAgo(5 * 60_000, 'en')).toBe('5 minutes ago');
    expect(timeAgo(30 * HOUR, 'en')).toBe('30 hours ago');
    expect(timeAgo(4 * 24 * HOUR, 'en')).toBe('4 days ago');
    expect(timeAgo(3 * HOUR, 'zh-CN')).toBe('3小时前');
  });
});
