import { describe, expect, it, vi } from 'vitest';
import { SECURE_VALUE_MAX } from '../../../shared/ipc/contract';
import { createBrowserApi, DEV_DATABASE_KEY, SERVER_URL_KEY, SESSION_KEY_PREFIX, type BrowserEnvironment } from './browserApi';

function setup(overrides: Partial<BrowserEnvironment> = {}) {
  const items = new Map<string, string>();
  const storage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
  const open = vi.fn();
  const shown: [string, string][] = [];
  const notifications = { permission: 'granted' as NotificationPermission, show: (title: string, body: string) => void shown.push([title, body]) };
  const keyItems = new Map<string, string>();
  const keyStorage = {
    getItem: (key: string) => keyItems.get(key) ?? null,
    setItem: (key: string, value: string) => void keyItems.set(key, value),
    removeItem: (key: string) => void keyItems.delete(key),
  };
  let seed = 0;
  const randomBytes = (count: number) => Uint8Array.from({ length: count }, () => (seed += 37) & 0xff);
  const api = createBrowserApi({
    version: '1.2.3', languages: () => ['zh-CN', 'en'], storage: () => storage, keyStorage: () => keyStorage, randomBytes, open,
    notifications: () => notifications, ...overrides,
  });
  return { api, items, keyItems, open, shown, notifications };
}

describe('browser FieldbookApi', () => {
  it('reports the browser runtime, version and first preferred language', async () => {
    const { api } = setup();
    expect(api.runtime).toBe('browser');
    expect(await api.getAppVersion()).toEqual({ ok: true, value: '1.2.3' });
    expect(await api.getSystemLanguage()).toEqual({ ok: true, value: 'zh-CN' });
    expect(await setup({ languages: () => [] }).api.getSystemLanguage()).toEqual({ ok: true, value: 'en' });
  });

  it('round-trips secrets in session storage under a prefix', async () => {
    const { api, items } = setup();
    expect(await api.secureGet('refresh-token')).toEqual({ ok: true, value: null });
    expect(await api.secureSet('refresh-token', 'abc')).toEqual({ ok: true, value: undefined });
    expect(items.get(`${SESSION_KEY_PREFIX}refresh-token`)).toBe('abc');
    expect(await api.secureGet('refresh-token')).toEqual({ ok: true, value: 'abc' });
    await api.secureSet('refresh-token', null);
    expect(items.size).toBe(0);
  });

  it('keeps a development database key in its own storage until deleted', async () => {
    const { api, items, keyItems } = setup();
    const first = await api.getDatabaseKey();
    expect(first).toEqual({ ok: true, value: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(await api.getDatabaseKey()).toEqual(first);
    expect(keyItems.get(DEV_DATABASE_KEY)).toBe(first.ok ? first.value : '');
    expect(items.size).toBe(0);
    expect(await api.deleteDatabaseKey()).toEqual({ ok: true, value: undefined });
    expect(keyItems.size).toBe(0);
    const next = await api.getDatabaseKey();
    expect(next.ok && first.ok && next.value !== first.value).toBe(true);
  });

  it('rejects bad keys and oversized values without touching storage', async () => {
    const { api, items } = setup();
    expect(await api.secureGet('../x')).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await api.secureSet('Bad Key', 'x')).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await api.secureSet('token', 'x'.repeat(SECURE_VALUE_MAX + 1))).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(items.size).toBe(0);
  });

  it('reports unavailable storage as an error Result', async () => {
    const { api } = setup({
      storage: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(await api.secureSet('token', 'x')).toMatchObject({ ok: false, error: { code: 'storage-unavailable' } });
  });

  it('opens only allow-listed https links', async () => {
    const { api, open } = setup();
    expect(await api.openExternal('https://evil.example/')).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await api.openExternal('javascript:alert(1)')).toMatchObject({ ok: false });
    expect(open).not.toHaveBeenCalled();
    expect(await api.openExternal('https://fieldbook.app/help')).toEqual({ ok: true, value: undefined });
    expect(open).toHaveBeenCalledExactlyOnceWith('https://fieldbook.app/help');
  });

  it('shows a Web Notification when permission is granted', async () => {
    const { api, shown } = setup();
    expect(await api.notify('2 reminders due', 'Call Dr. Li')).toEqual({ ok: true, value: 'shown' });
    expect(shown).toEqual([['2 reminders due', 'Call Dr. Li']]);
  });

  it('does nothing, without an error, when permission is not granted or there is no Notification API', async () => {
    for (const permission of ['default', 'denied'] as NotificationPermission[]) {
      const { api, shown, notifications } = setup();
      notifications.permission = permission;
      expect(await api.notify('Due', '')).toEqual({ ok: true, value: 'unavailable' });
      expect(shown).toEqual([]);
    }
    expect(await setup({ notifications: () => null }).api.notify('Due', '')).toEqual({ ok: true, value: 'unavailable' });
  });

  it('rejects bad notification arguments and reports a failing browser as an error Result', async () => {
    const { api, shown } = setup();
    expect(await api.notify('  ', 'x')).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await api.notify('t', 'x'.repeat(5000))).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(shown).toEqual([]);
    const broken = setup({ notifications: () => ({ permission: 'granted', show: () => { throw new TypeError('Illegal constructor'); } }) });
    expect(await broken.api.notify('Due', '')).toMatchObject({ ok: false, error: { code: 'notify-failed' } });
  });
});

describe('browser server settings', () => {
  it('has no packaged address and keeps an admin override in its settings storage', async () => {
    const saved = new Map<string, string>();
    const settingsStorage = () => ({ getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => void saved.set(k, v), removeItem: (k: string) => void saved.delete(k) });
    const { api } = setup({ settingsStorage });
    expect(await api.getServerSettings()).toEqual({ ok: true, value: { packaged: null, override: null } });
    expect(await api.setServerUrl('https://crm.example.com')).toEqual({ ok: true, value: { packaged: null, override: 'https://crm.example.com' } });
    expect(saved.get(SERVER_URL_KEY)).toBe('https://crm.example.com');
    expect(await api.setServerUrl('crm.example.com')).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await api.setServerUrl(null)).toEqual({ ok: true, value: { packaged: null, override: null } });
    expect(saved.size).toBe(0);
  });
});
