import { expect, test, type Page } from '@playwright/test';
import { L, SERVER_URL, asAdmin, addVisit, createCustomer, customerList, openApp, shot, signIn, type Lang } from './fixtures';

/**
 * Local data at rest and the lost laptop: what IndexedDB holds (read raw from the page, as
 * someone with the disk would), sign-out wiping it, and an administrator's revoke of the device
 * wiping it at the device's next contact with the server.
 */

/** Every record of every IndexedDB database of the page, as JSON text, per database. */
async function rawIndexedDb(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const out: Record<string, string> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase | null>((resolve) => {
        const req = indexedDB.open(name);
        // Deleted meanwhile (a wipe running): do not create it again by opening it.
        req.onupgradeneeded = () => req.transaction?.abort();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => resolve(null);
      });
      if (!db) continue;
      const records: unknown[] = [];
      for (const store of Array.from(db.objectStoreNames)) {
        records.push(...(await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store, 'readonly').objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result as unknown[]);
          req.onerror = () => reject(req.error ?? new Error(store));
        })));
      }
      db.close();
      out[name] = JSON.stringify(records);
    }
    return out;
  });
}

const appDatabases = (raw: Record<string, string>) => Object.keys(raw).filter((n) => n.startsWith('rxdb-dexie-fieldbook_'));

async function syncState(page: Page): Promise<string | null> {
  return page.getByTestId('sync-status').getAttribute('data-state');
}

async function expectSynced(page: Page): Promise<void> {
  await expect.poll(() => syncState(page), { timeout: 20_000 }).toBe('synced');
}

test.describe('local data at rest', () => {
  test.use({ locale: 'zh-CN' });

  test('IndexedDB holds customer names and visit notes only encrypted; sign-out deletes the data and the key', async ({ page, baseURL }) => {
    // No remote content: every request goes to the app itself or to the sync server.
    const origins = new Set<string>();
    page.on('request', (request) => {
      if (!request.url().startsWith('data:') && !request.url().startsWith('blob:')) origins.add(new URL(request.url()).origin);
    });
    const rep = await openApp(page);
    await createCustomer(page, { name: '欧阳秘密', code: 'HCP-SEC-1', institution: '保密医院', notes: '只在本机加密保存的备注' });
    await addVisit(page, { when: '2026-03-02T10:30', location: '心内科门诊九号', summary: '讨论了保密的剂量方案' });
    await expectSynced(page);

    const raw = await rawIndexedDb(page);
    const mine = appDatabases(raw);
    expect(mine.length).toBeGreaterThan(3);
    const all = mine.map((n) => raw[n]).join('\n');
    // The records are there (codes and ids stay clear for the indexes)...
    expect(all).toContain('HCP-SEC-1');
    // ...but no personal or free text, not even in the replication state RxDB keeps.
    for (const secret of ['欧阳秘密', '保密医院', '只在本机加密保存的备注', '心内科门诊九号', '讨论了保密的剂量方案']) {
      expect(all, secret).not.toContain(secret);
    }
    // This browser build keeps a development key (the desktop app keeps it with safeStorage).
    expect(await page.evaluate(() => localStorage.getItem('fieldbook.dev-database-key'))).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const firstKey = await page.evaluate(() => localStorage.getItem('fieldbook.dev-database-key'));

    await page.getByRole('button', { name: '账户' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await expect(page.getByRole('dialog')).toContainText('退出登录会删除本机上的 Fieldbook 数据');
    await page.getByRole('dialog').getByRole('button', { name: '退出登录' }).click();
    await expect(page.getByRole('heading', { level: 1, name: L['zh-CN'].signInTitle })).toBeVisible();

    await expect.poll(async () => appDatabases(await rawIndexedDb(page)), { timeout: 10_000 }).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem('fieldbook.dev-database-key'))).toBeNull();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fieldbook.pending.') || k.startsWith('fieldbook.synced.')))).toEqual([]);

    // Signing in again: a new key, the data synced back from the server.
    await signIn(page, rep);
    await expect(customerList(page).getByText('欧阳秘密')).toBeVisible({ timeout: 20_000 });
    const secondKey = await page.evaluate(() => localStorage.getItem('fieldbook.dev-database-key'));
    expect(secondKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secondKey).not.toBe(firstKey);
    expect([...origins].sort()).toEqual([new URL(baseURL ?? '').origin, SERVER_URL].sort());
  });

  test('signing out with changes the server has not received says they will be deleted', async ({ page, context }) => {
    await openApp(page);
    await context.setOffline(true);
    await createCustomer(page, { name: '未同步客户', code: 'HCP-SEC-2' });
    await page.getByRole('button', { name: '账户' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('有 1 项更改尚未到达服务器。退出登录会将它们连同其他所有数据从本机删除');
    await expect(dialog.getByRole('button', { name: '退出并删除' })).toBeVisible();
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(dialog).toBeHidden();
    await context.setOffline(false);
  });
});

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  test.describe(`lost device (${lang})`, () => {
    test.use({ locale: lang });

    test('an administrator revokes the device: at its next contact it wipes its data and returns to sign-in', async ({ page }) => {
      const t = L[lang];
      const rep = await openApp(page, lang);
      await createCustomer(page, { name: lang === 'en' ? 'Lost Laptop Doctor' : '丢失电脑医生', code: `HCP-LOST-${lang}` }, lang);
      await expectSynced(page);
      expect(appDatabases(await rawIndexedDb(page)).length).toBeGreaterThan(0);

      const deviceId = await page.evaluate(() => localStorage.getItem('fieldbook.deviceId'));
      expect(await asAdmin<{ revoked: number }>('/api/admin/devices/revoke', { deviceId })).toEqual({ revoked: 1 });

      // The server closes the live connection; the reconnect is the next contact.
      const notice = page.getByTestId('device-revoked');
      await expect(notice).toBeVisible({ timeout: 20_000 });
      await expect(notice).toContainText(lang === 'en' ? 'This computer was signed out by your administrator' : '管理员已将此电脑退出登录');
      await expect(page.getByRole('heading', { level: 1, name: t.signInTitle })).toBeVisible();
      await expect.poll(async () => appDatabases(await rawIndexedDb(page)), { timeout: 10_000 }).toEqual([]);
      expect(await page.evaluate(() => localStorage.getItem('fieldbook.dev-database-key'))).toBeNull();
      expect(await page.evaluate(() => sessionStorage.getItem('fieldbook.secure.fieldbook.refresh'))).toBeNull();
      await shot(page, `device-revoked-${lang === 'en' ? 'en' : 'zh'}`);

      // After a reload nothing comes back: still the sign-in page.
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: t.signInTitle })).toBeVisible();

      // The owner who still has the laptop signs in again and gets the data from the server.
      await signIn(page, rep, lang);
      await expect(customerList(page, lang).getByText(lang === 'en' ? 'Lost Laptop Doctor' : '丢失电脑医生')).toBeVisible({ timeout: 20_000 });
    });
  });
}
