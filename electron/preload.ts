// Runs in the sandboxed preload context (bundled to out/electron/preload.cjs: a sandboxed preload
// can only require('electron')). Exposes exactly the FieldbookApi as window.fieldbook: one named
// function per method, never ipcRenderer itself or a generic invoke.
import { contextBridge, ipcRenderer } from 'electron';
import { IpcChannel, type FieldbookApi, type NotifyOutcome, type ServerSettings } from '../shared/ipc/contract';
import { fail, type Result } from '../shared/ipc/result';

type Channel = (typeof IpcChannel)[keyof typeof IpcChannel];

/** Internal only: turns a failed invoke (no handler, main gone) into a Result like every other error. */
async function call<T>(channel: Channel, ...args: unknown[]): Promise<Result<T>> {
  try {
    return (await ipcRenderer.invoke(channel, ...args)) as Result<T>;
  } catch {
    return fail('ipc-unavailable', `The desktop shell did not answer ${channel}.`);
  }
}

const api = {
  runtime: 'electron',
  getAppVersion: () => call<string>(IpcChannel.getAppVersion),
  getSystemLanguage: () => call<string>(IpcChannel.getSystemLanguage),
  secureGet: (key: string) => call<string | null>(IpcChannel.secureGet, key),
  secureSet: (key: string, value: string | null) => call<void>(IpcChannel.secureSet, key, value),
  getDatabaseKey: () => call<string>(IpcChannel.getDatabaseKey),
  deleteDatabaseKey: () => call<void>(IpcChannel.deleteDatabaseKey),
  openExternal: (url: string) => call<void>(IpcChannel.openExternal, url),
  notify: (title: string, body: string) => call<NotifyOutcome>(IpcChannel.notify, title, body),
  getServerSettings: () => call<ServerSettings>(IpcChannel.getServerSettings),
  setServerUrl: (url: string | null) => call<ServerSettings>(IpcChannel.setServerUrl, url),
} satisfies FieldbookApi;

contextBridge.exposeInMainWorld('fieldbook', api);
