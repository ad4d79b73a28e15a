import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_KEY_NAME, IpcChannel, NOTIFICATION_BODY_MAX, SECURE_VALUE_MAX } from '../shared/ipc/contract';
import type { Result } from '../shared/ipc/result';
import { registerIpcHandlers } from './ipc';
import { APP_ORIGIN } from './origin';
import { createSecureStore } from './secure-storage';
import { createServerSettingsStore } from './serverSettings';
import { BrowserWindow, FakeWebContents, FakeWebFrameMain, Notification, fake, shell } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

type Event = { sender: FakeWebContents; senderFrame: FakeWebFrameMain | null };
let dir: string;
let window: BrowserWindow;
let serverUrlChanges: (string | null)[];

function call(channel: string, event: Event, ...args: unknown[]): Promise<Result<unknown>> {
  const handler = fake.state.ipcHandlers.get(channel);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  return handler(event, ...args) as Promise<Result<unknown>>;
}
const fromApp = (): Event => ({ sender: window.webContents, senderFrame: window.webContents.mainFrame });
const errorCode = (result: Result<unknown>) => (result.ok ? null : result.error.code);

describe('IPC handlers', () => {
  beforeEach(async () => {
    fake.reset();
    dir = await mkdtemp(path.join(tmpdir(), 'fieldbook-ipc-'));
    window = new BrowserWindow({});
    await window.loadURL('app://fieldbook/index.html');
    serverUrlChanges = [];
    await writeFile(path.join(dir, 'fieldbook-config.json'), JSON.stringify({ serverUrl: 'https://crm.example.com' }));
    registerIpcHandlers({
      allowedOrigins: [APP_ORIGIN],
      store: createSecureStore(path.join(dir, 'secure-store.json')),
      serverSettings: createServerSettingsStore({ packagedFile: path.join(dir, 'fieldbook-config.json'), overrideFile: path.join(dir, 'user', 'server-settings.json') }),
      onServerUrlChanged: (url) => void serverUrlChanges.push(url),
    });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('registers exactly one handler per contract channel', () => {
    expect([...fake.state.ipcHandlers.keys()].sort()).toEqual(Object.values(IpcChannel).sort());
  });

  it('accepts valid calls from the app main frame', async () => {
    expect(await call(IpcChannel.getAppVersion, fromApp())).toEqual({ ok: true, value: '0.1.0' });
    expect(await call(IpcChannel.getSystemLanguage, fromApp())).toEqual({ ok: true, value: 'zh-CN' });
    expect(await call(IpcChannel.secureGet, fromApp(), 'refresh-token')).toEqual({ ok: true, value: null });
    expect(await call(IpcChannel.secureSet, fromApp(), 'refresh-token', 'secret-1')).toEqual({ ok: true, value: undefined });
    expect(await call(IpcChannel.secureGet, fromApp(), 'refresh-token')).toEqual({ ok: true, value: 'secret-1' });
    expect(await call(IpcChannel.secureSet, fromApp(), 'refresh-token', null)).toEqual({ ok: true, value: undefined });
    expect(await call(IpcChannel.secureGet, fromApp(), 'refresh-token')).toEqual({ ok: true, value: null });
    expect(await call(IpcChannel.openExternal, fromApp(), 'https://fieldbook.app/help')).toEqual({ ok: true, value: undefined });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://fieldbook.app/help');
    expect(await call(IpcChannel.notify, fromApp(), '2 reminders due', 'Call Dr. Li · 14:00')).toEqual({ ok: true, value: 'shown' });
    expect(Notification.instances.map((n) => n.options)).toEqual([{ title: '2 reminders due', body: 'Call Dr. Li · 14:00' }]);
    expect(Notification.instances[0]?.show).toHaveBeenCalledOnce();
  });

  it('offers the packaged server address and lets an admin override and reset it', async () => {
    expect(await call(IpcChannel.getServerSettings, fromApp())).toEqual({ ok: true, value: { packaged: 'https://crm.example.com', override: null } });
    expect(await call(IpcChannel.setServerUrl, fromApp(), 'https://crm2.example.com/fb')).toEqual({ ok: true, value: { packaged: 'https://crm.example.com', override: 'https://crm2.example.com/fb' } });
    expect(JSON.parse(await readFile(path.join(dir, 'user', 'server-settings.json'), 'utf8'))).toEqual({ serverUrl: 'https://crm2.example.com/fb' });
    expect(await call(IpcChannel.getServerSettings, fromApp())).toMatchObject({ value: { override: 'https://crm2.example.com/fb' } });
    expect(await call(IpcChannel.setServerUrl, fromApp(), null)).toEqual({ ok: true, value: { packaged: 'https://crm.example.com', override: null } });
    expect(serverUrlChanges).toEqual(['https://crm2.example.com/fb', 'https://crm.example.com']);
  });

  it('refuses a server address that is not a normalised http(s) URL and writes nothing', async () => {
    for (const bad of ['crm.example.com', 'https://crm.example.com/', 'file:///etc/passwd', 'https://u:p@crm.example.com', 42, undefined]) {
      expect(errorCode(await call(IpcChannel.setServerUrl, fromApp(), bad)), String(bad)).toBe('invalid-arguments');
    }
    await expect(readFile(path.join(dir, 'user', 'server-settings.json'), 'utf8')).rejects.toThrow(/ENOENT/);
    expect(serverUrlChanges).toEqual([]);
  });

  it('answers "unavailable" for a notification where the system has no notification service', async () => {
    fake.state.notificationsSupported = false;
    expect(await call(IpcChannel.notify, fromApp(), 'Due today', '')).toEqual({ ok: true, value: 'unavailable' });
    expect(Notification.instances).toEqual([]);
  });

  it('rejects a sender frame on a foreign origin, a subframe, a null frame and a foreign web contents', async () => {
    const foreign = new BrowserWindow({});
    await foreign.loadURL('https://evil.example/');
    const subframe = new FakeWebFrameMain('app://fieldbook/index.html', window.webContents.mainFrame);
    const stranger = new FakeWebContents(); // not owned by any BrowserWindow
    stranger.mainFrame.url = 'app://fieldbook/index.html';
    const events: Event[] = [
      { sender: foreign.webContents, senderFrame: foreign.webContents.mainFrame },
      { sender: window.webContents, senderFrame: subframe },
      { sender: window.webContents, senderFrame: null },
      { sender: stranger, senderFrame: stranger.mainFrame },
    ];
    for (const event of events) {
      for (const channel of Object.values(IpcChannel)) {
        expect(errorCode(await call(channel, event, 'refresh-token', 'x'))).toBe('forbidden-sender');
      }
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(Notification.instances).toEqual([]);
  });

  it('rejects invalid arguments with an error Result', async () => {
    const cases: [string, unknown[]][] = [
      [IpcChannel.secureGet, ['Bad/Key']],
      [IpcChannel.secureGet, ['../secure-store']],
      [IpcChannel.secureGet, [42]],
      [IpcChannel.secureSet, ['', 'x']],
      [IpcChannel.secureSet, ['token', 'x'.repeat(SECURE_VALUE_MAX + 1)]],
      [IpcChannel.secureSet, ['token', { toString: 'x' }]],
      [IpcChannel.secureSet, ['token']],
      [IpcChannel.openExternal, ['https://evil.example/']],
      [IpcChannel.openExternal, ['http://fieldbook.app/']],
      [IpcChannel.openExternal, ['file:///etc/passwd']],
      [IpcChannel.getAppVersion, ['unexpected']],
      [IpcChannel.notify, ['', 'body']],
      [IpcChannel.notify, ['   ', 'body']],
      [IpcChannel.notify, ['title', 'x'.repeat(NOTIFICATION_BODY_MAX + 1)]],
      [IpcChannel.notify, [{ title: 'x' }, 'body']],
      [IpcChannel.notify, ['title', 42]],
      [IpcChannel.notify, ['title']],
      [IpcChannel.notify, ['title', 'body', 'extra']],
    ];
    for (const [channel, args] of cases) {
      expect(errorCode(await call(channel, fromApp(), ...args)), `${channel} ${JSON.stringify(args)}`).toBe('invalid-arguments');
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(Notification.instances).toEqual([]);
  });

  it('turns a failure inside a handler into an error Result instead of throwing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    shell.openExternal.mockRejectedValueOnce(new Error('no browser'));
    expect(errorCode(await call(IpcChannel.openExternal, fromApp(), 'https://fieldbook.app/'))).toBe('internal');
  });

  it('hands out one random database key, keeps it across starts, and forgets it on delete', async () => {
    const first = await call(IpcChannel.getDatabaseKey, fromApp());
    expect(first).toEqual({ ok: true, value: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(await call(IpcChannel.getDatabaseKey, fromApp())).toEqual(first);
    // The generic secure-storage calls cannot read or plant it.
    expect(errorCode(await call(IpcChannel.secureGet, fromApp(), DATABASE_KEY_NAME))).toBe('invalid-arguments');
    expect(errorCode(await call(IpcChannel.secureSet, fromApp(), DATABASE_KEY_NAME, 'chosen-by-renderer'))).toBe('invalid-arguments');
    expect(errorCode(await call(IpcChannel.getDatabaseKey, fromApp(), 'extra'))).toBe('invalid-arguments');
    expect(await call(IpcChannel.deleteDatabaseKey, fromApp())).toEqual({ ok: true, value: undefined });
    const next = await call(IpcChannel.getDatabaseKey, fromApp());
    expect(next.ok && first.ok && next.value !== first.value).toBe(true);
  });

  it('refuses to store a secret when encryption is unavailable', async () => {
    fake.state.encryptionAvailable = false;
    expect(errorCode(await call(IpcChannel.secureSet, fromApp(), 'refresh-token', 'secret'))).toBe('encryption-unavailable');
  });
});
