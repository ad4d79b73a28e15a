import type { BrowserWindow as ElectronBrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, fake } from './testing/fake-electron';
import { createMainWindow } from './window';

vi.mock('electron', () => import('./testing/fake-electron'));

const asFake = (window: ElectronBrowserWindow) => window as unknown as BrowserWindow;

describe('createMainWindow', () => {
  beforeEach(() => fake.reset());

  it('locks down webPreferences and uses the given preload', () => {
    const window = asFake(createMainWindow({ preloadPath: '/app/out/electron/preload.cjs', startUrl: 'app://fieldbook/index.html' }));
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(window.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('has a title and a sensible size, and shows only when ready', () => {
    const window = asFake(createMainWindow({ preloadPath: '/p.cjs', startUrl: 'app://fieldbook/index.html' }));
    expect(window.options).toMatchObject({ title: 'Fieldbook', show: false, minWidth: 960, minHeight: 600 });
    expect(window.loadURL).toHaveBeenCalledWith('app://fieldbook/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
    expect(BrowserWindow.getAllWindows()).toHaveLength(1);
  });
});
