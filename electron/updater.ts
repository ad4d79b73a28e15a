// Auto-update from the organisation's own sync server: electron-updater's generic provider reads
// <server URL>/updates/latest*.yml (the sync server serves FIELDBOOK_UPDATES_DIR there). Only a
// packaged app updates; without a server address there is nothing to check. A failed check
// (offline, server down) is logged and retried later, never shown as an error: reps work offline.
import type { AppUpdater } from 'electron-updater';

/** What we use of electron-updater's AppUpdater (a fake in the unit tests). */
export type Updater = Pick<AppUpdater, 'setFeedURL' | 'checkForUpdatesAndNotify' | 'autoDownload' | 'autoInstallOnAppQuit'>;

/** Checks at start, on a new server address, and then every 4 hours. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

export function updateFeedUrl(serverUrl: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/updates/`;
}

export interface AutoUpdates {
  /** Points the feed at this server (and checks now); null stops checking. */
  setServerUrl(serverUrl: string | null): void;
  stop(): void;
}

export function startAutoUpdates(options: {
  updater: Updater;
  isPackaged: boolean;
  serverUrl: string | null;
  intervalMs?: number;
  log?: Pick<Console, 'info' | 'warn'>;
}): AutoUpdates {
  const { updater, isPackaged, intervalMs = UPDATE_CHECK_INTERVAL_MS, log = console } = options;
  if (!isPackaged) return { setServerUrl: () => undefined, stop: () => undefined };

  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  let feed: string | null = null;
  const check = (): void => {
    if (feed === null) return;
    updater.checkForUpdatesAndNotify().catch((error: unknown) => {
      log.warn(`Fieldbook: update check at ${feed} failed:`, error instanceof Error ? error.message : error);
    });
  };
  const setServerUrl = (serverUrl: string | null): void => {
    feed = serverUrl === null ? null : updateFeedUrl(serverUrl);
    if (feed === null) return;
    updater.setFeedURL({ provider: 'generic', url: feed });
    log.info(`Fieldbook: updates from ${feed}`);
    check();
  };
  setServerUrl(options.serverUrl);
  const timer = setInterval(check, intervalMs);
  timer.unref();
  return { setServerUrl, stop: () => clearInterval(timer) };
}
