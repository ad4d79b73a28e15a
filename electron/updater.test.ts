import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAutoUpdates, updateFeedUrl, type Updater } from './updater';

function fakeUpdater(check: () => Promise<null> = async () => null) {
  return {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    setFeedURL: vi.fn(),
    checkForUpdatesAndNotify: vi.fn(check),
  } satisfies Updater;
}
const quiet = { info: vi.fn(), warn: vi.fn() };

describe('auto-update wiring', () => {
  afterEach(() => vi.useRealTimers());

  it('reads the generic feed under /updates/ of the sync server', () => {
    expect(updateFeedUrl('https://crm.example.com')).toBe('https://crm.example.com/updates/');
    expect(updateFeedUrl('https://example.com/fieldbook/')).toBe('https://example.com/fieldbook/updates/');
  });

  it('does nothing in an unpackaged app', () => {
    const updater = fakeUpdater();
    startAutoUpdates({ updater, isPackaged: false, serverUrl: 'https://crm.example.com', log: quiet }).setServerUrl('https://x.example');
    expect(updater.setFeedURL).not.toHaveBeenCalled();
    expect(updater.checkForUpdatesAndNotify).not.toHaveBeenCalled();
  });

  it('points at the server, checks at once and then on a timer, and follows a new address', () => {
    vi.useFakeTimers();
    const updater = fakeUpdater();
    const updates = startAutoUpdates({ updater, isPackaged: true, serverUrl: 'https://crm.example.com', intervalMs: 1000, log: quiet });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.setFeedURL).toHaveBeenCalledExactlyOnceWith({ provider: 'generic', url: 'https://crm.example.com/updates/' });
    expect(updater.checkForUpdatesAndNotify).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2000);
    expect(updater.checkForUpdatesAndNotify).toHaveBeenCalledTimes(3);

    updates.setServerUrl('https://new.example.com');
    expect(updater.setFeedURL).toHaveBeenLastCalledWith({ provider: 'generic', url: 'https://new.example.com/updates/' });
    expect(updater.checkForUpdatesAndNotify).toHaveBeenCalledTimes(4);

    updates.setServerUrl(null);
    updates.stop();
    vi.advanceTimersByTime(5000);
    expect(updater.checkForUpdatesAndNotify).toHaveBeenCalledTimes(4);
  });

  it('without a server address never checks', () => {
    vi.useFakeTimers();
    const updater = fakeUpdater();
    startAutoUpdates({ updater, isPackaged: true, serverUrl: null, intervalMs: 1000, log: quiet });
    vi.advanceTimersByTime(5000);
    expect(updater.checkForUpdatesAndNotify).not.toHaveBeenCalled();
  });

  it('logs a failed check (offline) instead of throwing', async () => {
    const log = { info: vi.fn(), warn: vi.fn() };
    const updater = fakeUpdater(async () => {
      throw new Error('net::ERR_INTERNET_DISCONNECTED');
    });
    startAutoUpdates({ updater, isPackaged: true, serverUrl: 'https://crm.example.com', log }).stop();
    await vi.waitFor(() => expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('update check'), 'net::ERR_INTERNET_DISCONNECTED'));
  });
});
