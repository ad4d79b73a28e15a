import { describe, expect, it } from 'vitest';
import { IDLE_SYNC, type SyncSnapshot } from './syncStore';
import { relativeTime, syncView } from './syncStatusModel';

const base: SyncSnapshot = { ...IDLE_SYNC, running: true };

describe('syncView', () => {
  it('says offline first, with what is waiting', () => {
    expect(syncView({ ...base, waiting: 3, error: { code: 'unreachable', message: 'x' } }, false)).toEqual({ kind: 'offline', waiting: 3 });
  });

  it('asks to sign in when this computer holds no refresh token, even offline', () => {
    expect(syncView({ ...base, error: { code: 'signed_out', message: '' } }, false)).toEqual({ kind: 'signIn' });
  });

  it('shows an error with its reason', () => {
    expect(syncView({ ...base, active: true, error: { code: 'internal', message: 'boom' } }, true)).toMatchObject({ kind: 'error', code: 'internal' });
  });

  it('then syncing, waiting, synced, starting', () => {
    expect(syncView({ ...base, active: true, waiting: 2 }, true)).toEqual({ kind: 'syncing', waiting: 2 });
    expect(syncView({ ...base, firstSync: { received: {}, done: [] } }, true).kind).toBe('syncing');
    expect(syncView({ ...base, waiting: 2, lastSyncedAt: '2026-01-01T00:00:00Z' }, true)).toEqual({ kind: 'waiting', waiting: 2 });
    expect(syncView({ ...base, lastSyncedAt: '2026-01-01T00:00:00Z' }, true)).toEqual({ kind: 'synced', at: '2026-01-01T00:00:00Z' });
    expect(syncView(base, true)).toEqual({ kind: 'starting' });
  });

  it('defers to the window that has the sync', () => {
    expect(syncView({ ...base, standby: true }, true)).toEqual({ kind: 'standby' });
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  it('is null for just now, then minutes, hours, days', () => {
    expect(relativeTime('2026-03-01T11:59:30Z', now, 'en')).toBeNull();
    expect(relativeTime('2026-03-01T11:55:00Z', now, 'en')).toBe('5 minutes ago');
    expect(relativeTime('2026-03-01T09:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(relativeTime('2026-02-27T12:00:00Z', now, 'en')).toBe('2 days ago');
    expect(relativeTime('2026-03-01T11:55:00Z', now, 'zh-CN')).toBe('5分钟前');
    expect(relativeTime('bad', now, 'en')).toBeNull();
  });
});
