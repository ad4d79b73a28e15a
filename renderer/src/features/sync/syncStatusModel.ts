import type { SyncSnapshot } from './syncStore';
import type { RequestErrorCode } from '../auth/apiError';

/** What the status in the app bar shows, in order of precedence. */
export type SyncView =
  | { kind: 'signIn' }
  | { kind: 'offline'; waiting: number }
  | { kind: 'error'; code: RequestErrorCode; message: string; waiting: number }
  | { kind: 'syncing'; waiting: number }
  | { kind: 'waiting'; waiting: number }
  | { kind: 'synced'; at: string }
  | { kind: 'standby' }
  | { kind: 'starting' };

export function syncView(s: SyncSnapshot, online: boolean): SyncView {
  if (s.error?.code === 'signed_out') return { kind: 'signIn' };
  if (!online) return { kind: 'offline', waiting: s.waiting };
  if (s.standby) return { kind: 'standby' };
  if (s.error) return { kind: 'error', code: s.error.code, message: s.error.message, waiting: s.waiting };
  if (s.active || s.firstSync) return { kind: 'syncing', waiting: s.waiting };
  if (s.waiting > 0) return { kind: 'waiting', waiting: s.waiting };
  if (s.lastSyncedAt) return { kind: 'synced', at: s.lastSyncedAt };
  return { kind: 'starting' };
}

/** Relative time in the UI language ("2 minutes ago", "2分钟前"); null for "just now". */
export function relativeTime(iso: string, nowMs: number, language: string): string | null {
  const then = Date.parse(iso);
  if (!Number.isFinite(then)) return null;
  const seconds = Math.round((nowMs - then) / 1000);
  if (seconds < 45) return null;
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return rtf.format(-hours, 'hour');
  return rtf.format(-Math.round(hours / 24), 'day');
}
