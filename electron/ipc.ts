// The main-process side of the FieldbookApi contract. Each channel checks who is calling (the
// main frame of one of our windows, on our origin), checks its arguments with the shared
// validators, and always answers with a Result: nothing throws across IPC.
import { app, BrowserWindow, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import {
  IpcChannel, effectiveServerUrl, isAllowedExternalUrl, isValidNotificationBody, isValidNotificationTitle, isValidSecureKey, isValidSecureValue,
  isValidServerUrl, type FieldbookApi,
} from '../shared/ipc/contract';
import { fail, ok, type Result } from '../shared/ipc/result';
import { showNotification } from './notifications';
import { createDatabaseKeyStore } from './database-key';
import { isAllowedOrigin } from './origin';
import type { SecureStore } from './secure-storage';
import type { ServerSettingsStore } from './serverSettings';

type Method = keyof typeof IpcChannel;
type Answer<K extends Method> = Awaited<ReturnType<FieldbookApi[K]>>;
/** One entry per contract method: how many arguments it takes and what it does with them. */
type Handlers = { [K in Method]: { arity: number; run: (...args: unknown[]) => Promise<Answer<K>> } };

export interface IpcOptions {
  readonly allowedOrigins: readonly string[];
  readonly store: SecureStore;
  readonly serverSettings: ServerSettingsStore;
  /** Told the server address in force after an admin changed it (the update feed follows it). */
  readonly onServerUrlChanged?: (serverUrl: string | null) => void;
}

/** True only for the main frame of one of our BrowserWindows, currently showing an allowed origin. */
export function isTrustedSender(event: IpcMainInvokeEvent, allowedOrigins: readonly string[]): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  if (!isAllowedOrigin(frame.url, allowedOrigins)) return false;
  if (BrowserWindow.fromWebContents(event.sender) === null) return false;
  const main = event.sender.mainFrame;
  return main === frame || (main.processId === frame.processId && main.frameToken === frame.frameToken);
}

const invalid = <T>(message: string): Result<T> => fail('invalid-arguments', message);

export function createHandlers({ store, serverSettings, onServerUrlChanged }: Omit<IpcOptions, 'allowedOrigins'>): Handlers {
  const databaseKey = createDatabaseKeyStore(store);
  return {
    getAppVersion: { arity: 0, run: async () => ok(app.getVersion()) },
    getSystemLanguage: {
      arity: 0,
      run: async () => ok(app.getPreferredSystemLanguages()[0] ?? (app.getLocale() || 'en')),
    },
    secureGet: {
      arity: 1,
      run: async (key) => (isValidSecureKey(key) ? store.get(key) : invalid('Invalid secure storage key.')),
    },
    secureSet: {
      arity: 2,
      run: async (key, value) => {
        if (!isValidSecureKey(key)) return invalid('Invalid secure storage key.');
        if (!isValidSecureValue(value)) return invalid('Secure storage value must be a string of limited size, or null.');
        return store.set(key, value);
      },
    },
    getDatabaseKey: { arity: 0, run: () => databaseKey.get() },
    deleteDatabaseKey: { arity: 0, run: () => databaseKey.delete() },
    openExternal: {
      arity: 1,
      run: async (url) => {
        if (!isAllowedExternalUrl(url)) return invalid('This link is not on the allow-list.');
        await shell.openExternal(url);
        return ok(undefined);
      },
    },
    notify: {
      arity: 2,
      run: async (title, body) => {
        if (!isValidNotificationTitle(title)) return invalid('A notification needs a short, non-empty title.');
        if (!isValidNotificationBody(body)) return invalid('The notification text must be a string of limited size.');
        return ok(showNotification(title, body));
      },
    },
    getServerSettings: { arity: 0, run: async () => ok(await serverSettings.get()) },
    setServerUrl: {
      arity: 1,
      run: async (url) => {
        if (url !== null && !isValidServerUrl(url)) return invalid('The server address must be an http(s) address without user, query or trailing slash.');
        const settings = await serverSettings.setOverride(url);
        onServerUrlChanged?.(effectiveServerUrl(settings));
        return ok(settings);
      },
    },
  };
}

export function registerIpcHandlers({ allowedOrigins, ...options }: IpcOptions): void {
  const handlers = createHandlers(options);
  for (const method of Object.keys(IpcChannel) as Method[]) {
    const { arity, run } = handlers[method];
    ipcMain.handle(IpcChannel[method], async (event, ...args: unknown[]): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, allowedOrigins)) return fail('forbidden-sender', 'IPC call from an untrusted frame.');
      if (args.length !== arity) return invalid(`Expected ${arity} argument(s), got ${args.length}.`);
      try {
        return await run(...args);
      } catch (error) {
        console.error(`Fieldbook: IPC ${method} failed:`, error);
        return fail('internal', `${method} failed.`);
      }
    });
  }
}
