import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcChannel } from '../shared/ipc/contract';
import { BrowserWindow, FakeWebContents, app, fake, ipcMain, protocol, session } from './testing/fake-electron';

// main.ts runs on import, so each test imports a fresh copy (vi.resetModules); the factory hands
// every copy the same fake instance that the assertions below look at.
const fakeElectron = await vi.hoisted(() => import('./testing/fake-electron'));
vi.mock('electron', () => fakeElectron);
const fakeUpdater = await vi.hoisted(() => import('./testing/fake-electron-updater'));
vi.mock('electron-updater', () => fakeUpdater);

// Electron sets process.resourcesPath; here it is a folder holding what the packaging script writes.
const resourcesPath = mkdtempSync(path.join(tmpdir(), 'fieldbook-resources-'));
(process as { resourcesPath?: string }).resourcesPath = resourcesPath;
writeFileSync(path.join(resourcesPath, 'fieldbook-config.json'), JSON.stringify({ serverUrl: 'https://crm.example.com' }));

async function startMain(): Promise<void> {
  vi.resetModules();
  await import('./main');
  await new Promise((resolve) => setTimeout(resolve, 0)); // let whenReady().then(...) run
}

describe('main entry', () => {
  beforeEach(() => {
    fake.reset();
    delete process.env['FIELDBOOK_DEV_URL'];
  });

  it('prepares the sandbox and the app:// scheme before ready, then wires everything', async () => {
    const order: string[] = [];
    app.enableSandbox.mockImplementation(() => void order.push('enableSandbox'));
    protocol.registerSchemesAsPrivileged.mockImplementation(() => void order.push('registerScheme'));
    app.whenReady.mockImplementation(async () => void order.push('whenReady'));
    await startMain();
    expect(order).toEqual(['enableSandbox', 'registerScheme', 'whenReady']);

    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(fake.state.protocolHandlers.has('app')).toBe(true);
    expect(ipcMain.handle).toHaveBeenCalledTimes(Object.keys(IpcChannel).length);

    const [window] = BrowserWindow.getAllWindows();
    expect(window?.options.webPreferences?.['preload']).toMatch(/electron[/\\]preload\.cjs$/);
    expect(window?.loadURL).toHaveBeenCalledWith('app://fieldbook/index.html');
  });

  it('a packaged app reads its updates from the packaged server address', async () => {
    fake.state.userDataDir = mkdtempSync(path.join(tmpdir(), 'fieldbook-user-'));
    app.isPackaged = true;
    await startMain();
    await vi.waitFor(() => expect(fakeUpdater.autoUpdater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://crm.example.com/updates/' }));
    expect(fakeUpdater.autoUpdater.checkForUpdatesAndNotify).toHaveBeenCalled();
  });

  it('an unpackaged app never checks for updates', async () => {
    await startMain();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fakeUpdater.autoUpdater.setFeedURL).not.toHaveBeenCalled();
  });

  it('hardens every web contents that gets created', async () => {
    await startMain();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('quits when another instance already holds the lock', async () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await startMain();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(BrowserWindow.getAllWindows()).toHaveLength(0);
  });

  it('exits instead of loading a non-loopback FIELDBOOK_DEV_URL', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    process.env['FIELDBOOK_DEV_URL'] = 'https://evil.example/';
    await startMain();
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(BrowserWindow.getAllWindows()).toHaveLength(0);
  });
});
