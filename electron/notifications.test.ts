import { beforeEach, describe, expect, it, vi } from 'vitest';
import { liveNotificationCount, showNotification } from './notifications';
import { BrowserWindow, Notification, fake } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

describe('showNotification', () => {
  beforeEach(() => fake.reset());

  it('shows an Electron notification with the title and body', () => {
    expect(showNotification('Due today: 3 reminders', 'Call Dr. Li')).toBe('shown');
    const [n] = Notification.instances;
    expect(n?.options).toEqual({ title: 'Due today: 3 reminders', body: 'Call Dr. Li' });
    expect(n?.show).toHaveBeenCalledOnce();
  });

  it('shows nothing where notifications are not supported', () => {
    fake.state.notificationsSupported = false;
    expect(showNotification('x', 'y')).toBe('unavailable');
    expect(Notification.instances).toEqual([]);
  });

  it('brings a minimised app window to the front on click, and lets go of the notification', () => {
    const window = new BrowserWindow({});
    window.isMinimized.mockReturnValue(true);
    const before = liveNotificationCount();
    showNotification('Due', '');
    expect(liveNotificationCount()).toBe(before + 1);
    Notification.instances[0]?.emit('click');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
    expect(liveNotificationCount()).toBe(before);
  });

  it('lets go of a notification when it is closed, and survives a click with no window', () => {
    const before = liveNotificationCount();
    showNotification('Due', '');
    Notification.instances[0]?.close();
    expect(liveNotificationCount()).toBe(before);
    showNotification('Due again', '');
    expect(() => Notification.instances[1]?.emit('click')).not.toThrow();
  });
});
