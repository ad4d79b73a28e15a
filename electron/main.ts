// Electron entry point (bundled to out/electron/main.cjs). It only wires the single-purpose
// modules together; each module explains its own job.
import path from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { autoUpdater } from 'electron-updater';
import { effectiveServerUrl } from '../shared/ipc/contract';
import { resolveShellConfig } from './config';
import { buildContentSecurityPolicy } from './csp';
import { registerIpcHandlers } from './ipc';
import { installApplicationMenu } from './menu';
import { hardenWebContents } from './navigation';
import { denyAllPermissions } from './permissions';
import { registerAppScheme, serveRenderer } from './protocol';
import { createSecureStore } from './secure-storage';
import { createServerSettingsStore, PACKAGED_CONFIG_FILE } from './serverSettings';
import { startAutoUpdates } from './updater';
import { createMainWindow } from './window';

// The bundle lives in out/electron/, next to preload.cjs and above out/renderer/.
const outDir = path.resolve(__dirname, '..');
const preloadPath = path.join(outDir, 'electron', 'preload.cjs');
const rendererDir = path.join(outDir, 'renderer');

function focusOrCreateWindow(startUrl: string): void {
  const [existing] = BrowserWindow.getAllWindows();
  if (existing === undefined) {
    createMainWindow({ preloadPath, startUrl });
    return;
  }
  if (existing.isMinimized()) existing.restore();
  existing.focus();
}

function start(): void {
  const config = resolveShellConfig(process.env, app.isPackaged);

  // Both must happen before 'ready'.
  app.enableSandbox();
  registerAppScheme();

  // Applies to every web contents ever created, including ones we did not create ourselves.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, config.allowedOrigins));
  app.on('second-instance', () => focusOrCreateWindow(config.startUrl));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);
    serveRenderer(rendererDir, buildContentSecurityPolicy({ allowLoopbackConnect: !app.isPackaged }));
    const serverSettings = createServerSettingsStore({
      packagedFile: path.join(process.resourcesPath, PACKAGED_CONFIG_FILE),
      overrideFile: path.join(app.getPath('userData'), 'server-settings.json'),
    });
    const updates = startAutoUpdates({ updater: autoUpdater, isPackaged: app.isPackaged, serverUrl: null });
    void serverSettings.get().then((settings) => updates.setServerUrl(effectiveServerUrl(settings)));
    registerIpcHandlers({
      allowedOrigins: config.allowedOrigins,
      store: createSecureStore(path.join(app.getPath('userData'), 'secure-store.json')),
      serverSettings,
      onServerUrlChanged: (serverUrl) => updates.setServerUrl(serverUrl),
    });
    installApplicationMenu(config.devMode);
    createMainWindow({ preloadPath, startUrl: config.startUrl });
    // macOS dock click; registered after ready because a window cannot be created before.
    app.on('activate', () => focusOrCreateWindow(config.startUrl));
  });
}

// One running copy: a second launch focuses the first window instead (and never shares the database).
if (app.requestSingleInstanceLock()) {
  try {
    start();
  } catch (error) {
    console.error('Fieldbook failed to start:', error);
    app.exit(1);
  }
} else {
  app.quit();
}
