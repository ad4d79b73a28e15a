import { describe, expect, it } from 'vitest';
import { localExpiry, needsRefresh, refreshDelayMs, refreshLeadMs } from './tokenSchedule';

const MIN = 60_000;

describe('token refresh schedule', () => {
  it('refreshes a 15-minute token one minute before it expires', () => {
    expect(refreshLeadMs(0, 15 * MIN)).toBe(MIN);
    expect(refreshDelayMs(0, 15 * MIN, 0)).toBe(14 * MIN);
    expect(refreshDelayMs(0, 15 * MIN, 10 * MIN)).toBe(4 * MIN);
  });

  it('refreshes a short token at three quarters of its life', () => {
    expect(refreshDelayMs(0, 30_000, 0)).toBe(22_500);
    expect(refreshLeadMs(0, 4_000)).toBe(2_000);
  });

  it('asks for an immediate refresh once inside the lead or past expiry', () => {
    expect(refreshDelayMs(0, 15 * MIN, 14 * MIN)).toBe(0);
    expect(refreshDelayMs(0, 15 * MIN, 20 * MIN)).toBe(0);
    expect(needsRefresh(0, 15 * MIN, 14.5 * MIN)).toBe(true);
    expect(needsRefresh(0, 15 * MIN, 13 * MIN)).toBe(false);
  });

  it('never schedules a tiny positive delay', () => {
    expect(refreshDelayMs(0, 15 * MIN, 14 * MIN - 10)).toBe(1_000);
  });

  it('refreshes at once when a date is unreadable', () => {
    expect(refreshDelayMs(0, Number.NaN, 0)).toBe(0);
  });

  it('measures the lifetime from when the token arrived when the clocks differ', () => {
    // The server's clock is 10 minutes ahead of ours.
    const serverNow = Date.parse('2026-01-01T10:10:00Z');
    const received = Date.parse('2026-01-01T10:00:00Z');
    expect(localExpiry('2026-01-01T10:25:00Z', serverNow, received)).toBe(Date.parse('2026-01-01T10:15:00Z'));
    expect(localExpiry('2026-01-01T10:25:00Z', null, received)).toBe(Date.parse('2026-01-01T10:25:00Z'));
    expect(localExpiry('garbage', null, received)).toBe(received);
  });
});
