import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IpcChannel, type FieldbookApi } from '../shared/ipc/contract';
import { contextBridge, fake, ipcRenderer } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

let api: FieldbookApi;

describe('preload', () => {
  beforeAll(async () => {
    fake.reset();
    await import('./preload');
    api = fake.state.exposed.get('fieldbook') as FieldbookApi;
  });

  it('exposes one object, window.fieldbook, and nothing else', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect([...fake.state.exposed.keys()]).toEqual(['fieldbook']);
  });

  it('exposes exactly the FieldbookApi names: runtime plus one function per contract method', () => {
    expect(Object.keys(api).sort()).toEqual(['runtime', ...Object.keys(IpcChannel)].sort());
    expect(api.runtime).toBe('electron');
    for (const method of Object.keys(IpcChannel)) expect(typeof api[method as keyof typeof IpcChannel]).toBe('function');
  });

  it('calls ipcRenderer.invoke on the matching channel with the arguments', async () => {
    await api.getAppVersion();
    await api.getSystemLanguage();
    await api.secureGet('refresh-token');
    await api.secureSet('refresh-token', null);
    await api.getDatabaseKey();
    await api.deleteDatabaseKey();
    await api.openExternal('https://fieldbook.app/');
    await api.notify('2 reminders due', 'Call Dr. Li');
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [IpcChannel.getAppVersion],
      [IpcChannel.getSystemLanguage],
      [IpcChannel.secureGet, 'refresh-token'],
      [IpcChannel.secureSet, 'refresh-token', null],
      [IpcChannel.getDatabaseKey],
      [IpcChannel.deleteDatabaseKey],
      [IpcChannel.openExternal, 'https://fieldbook.app/'],
      [IpcChannel.notify, '2 reminders due', 'Call Dr. Li'],
    ]);
  });

  it('turns a failed invoke into an error Result', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'fieldbook:app-version'"));
    expect(await api.getAppVersion()).toMatchObject({ ok: false, error: { code: 'ipc-unavailable' } });
  });
});
