// A stand-in for the 'electron' module in unit tests (no Electron binary exists on CI machines).
// Use with: vi.mock('electron', () => import('./testing/fake-electron')).
// It implements only what main/preload touch, records calls, and exposes `fake` to drive and reset it.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;

let nextFrameToken = 1;

export class FakeWebFrameMain {
  readonly processId = 1;
  readonly frameToken = `frame-${nextFrameToken++}`;
  constructor(
    public url: string,
    readonly parent: FakeWebFrameMain | null = null,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame = new FakeWebFrameMain('about:blank');
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return [...BrowserWindow.instances];
  }
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.instances.find((window) => window.webContents === contents) ?? null;
  }

  readonly webContents = new FakeWebContents();
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  readonly loadURL = vi.fn(async (url: string) => {
    this.webContents.mainFrame.url = url;
  });

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    BrowserWindow.instances.push(this);
  }
}

const state = {
  userDataDir: '/tmp/fieldbook-fake-user-data',
  notificationsSupported: true,
  encryptionAvailable: true,
  storageBackend: 'gnome_libsecret' as string,
  preferredLanguages: ['zh-CN', 'en-US'] as string[],
  ipcHandlers: new Map<string, Handler>(),
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  exposed: new Map<string, unknown>(),
};

class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly getVersion = vi.fn(() => '0.1.0');
  readonly getLocale = vi.fn(() => 'en-US');
  readonly getPreferredSystemLanguages = vi.fn(() => [...state.preferredLanguages]);
  readonly getPath = vi.fn((_name: string) => state.userDataDir);
  readonly whenReady = vi.fn(async () => undefined);
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly enableSandbox = vi.fn();
  readonly quit = vi.fn();
  readonly exit = vi.fn();
}
export const app = new FakeApp();

export const ipcMain = {
  handle: vi.fn((channel: string, handler: Handler) => {
    if (state.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    state.ipcHandlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => state.ipcHandlers.delete(channel)),
};

export const ipcRenderer = {
  invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
};

export const contextBridge = {
  exposeInMainWorld: vi.fn((name: string, value: unknown) => {
    state.exposed.set(name, value);
  }),
};

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

export class Notification extends EventEmitter {
  static instances: Notification[] = [];
  static readonly isSupported = vi.fn(() => state.notificationsSupported);
  readonly show = vi.fn();
  readonly close = vi.fn(() => this.emit('close'));
  constructor(readonly options: { title?: string; body?: string }) {
    super();
    Notification.instances.push(this);
  }
}

const ENCRYPTED_PREFIX = 'fake-encrypted:';
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => state.encryptionAvailable),
  getSelectedStorageBackend: vi.fn(() => state.storageBackend),
  encryptString: vi.fn((plain: string) => {
    if (!state.encryptionAvailable) throw new Error('Encryption is not available.');
    return Buffer.from(ENCRYPTED_PREFIX + Buffer.from(plain, 'utf8').toString('hex'), 'utf8');
  }),
  decryptString: vi.fn((encrypted: Buffer) => {
    const text = encrypted.toString('utf8');
    if (!state.encryptionAvailable || !text.startsWith(ENCRYPTED_PREFIX)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice(ENCRYPTED_PREFIX.length), 'hex').toString('utf8');
  }),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
    state.protocolHandlers.set(scheme, handler);
  }),
};

export class FakeSession {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  devicePermissionHandler: Handler | null = null;
  setPermissionRequestHandler(handler: Handler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Handler | null): void {
    this.devicePermissionHandler = handler;
  }
}
export const session = { defaultSession: new FakeSession() };

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

/** Test controls: inspect what the code under test registered, and reset between tests. */
export const fake = {
  state,
  reset(): void {
    BrowserWindow.instances = [];
    Notification.instances = [];
    state.userDataDir = '/tmp/fieldbook-fake-user-data';
    state.notificationsSupported = true;
    state.encryptionAvailable = true;
    state.storageBackend = 'gnome_libsecret';
    state.preferredLanguages = ['zh-CN', 'en-US'];
    state.ipcHandlers.clear();
    state.protocolHandlers.clear();
    state.exposed.clear();
    session.defaultSession = new FakeSession();
    app.removeAllListeners();
    app.isPackaged = false;
    vi.clearAllMocks();
  },
};

export default { app, BrowserWindow, ipcMain, ipcRenderer, contextBridge, shell, Notification, safeStorage, protocol, session, Menu };
