// Desktop notifications for due reminders: Electron's Notification from main (the renderer's Web
// Notification would need a permission that the shell denies to web content). A click brings the
// app window to the front.
import { BrowserWindow, Notification } from 'electron';
import type { NotifyOutcome } from '../shared/ipc/contract';

/** Shown and not yet closed: kept referenced so that a later click still reaches its handler. */
const live = new Set<Notification>();

function focusAppWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (window === undefined) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** Shows one notification; 'unavailable' where the system has no notification service. */
export function showNotification(title: string, body: string): NotifyOutcome {
  if (!Notification.isSupported()) return 'unavailable';
  const notification = new Notification({ title, body });
  live.add(notification);
  const release = () => live.delete(notification);
  notification.on('click', () => {
    release();
    focusAppWindow();
  });
  notification.on('close', release);
  notification.on('failed', release);
  notification.show();
  return 'shown';
}

/** For tests: how many notifications are still referenced. */
export const liveNotificationCount = (): number => live.size;
