// A stand-in for 'electron-updater' in unit tests: the real module requires Electron at load.
// Use with: vi.mock('electron-updater', () => import('./testing/fake-electron-updater')).
import { vi } from 'vitest';

export const autoUpdater = {
  autoDownload: false,
  autoInstallOnAppQuit: false,
  setFeedURL: vi.fn(),
  checkForUpdatesAndNotify: vi.fn(async () => null),
};

export default { autoUpdater };
