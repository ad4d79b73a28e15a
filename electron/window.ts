// Creates the main window with the locked-down renderer settings from the Electron security
// checklist. The window stays hidden until the first paint to avoid a white flash.
import { BrowserWindow, type WebPreferences } from 'electron';

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (out/electron/preload.cjs). */
  readonly preloadPath: string;
  readonly startUrl: string;
}

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true, // the page cannot reach the preload's scope or Electron internals
    sandbox: true, // renderer is an ordinary Chromium sandboxed process; the preload gets only a tiny require
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true, // keep same-origin policy
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false, // no <webview>; will-attach-webview is also refused in navigation.ts
    navigateOnDragDrop: false, // dropping a file must not navigate away from the app
    spellcheck: true,
  };
}

export function createMainWindow({ preloadPath, startUrl }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Fieldbook',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(startUrl).catch((error: unknown) => {
    console.error(`Fieldbook: could not load ${startUrl}:`, error);
  });
  return window;
}
