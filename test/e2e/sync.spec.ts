import { expect, test, type Page } from '@playwright/test';
import {
  DEMO_PASSWORD, L, SERVER_URL, addVisit, createCustomer, customerList, newRep, newUserIn, openApp, serverDocs, shot, signIn,
} from './fixtures';

/**
 * Sign-in and live replication against the real sync server, with two browsers (two devices)
 * and the network cut in between.
 */

async function syncState(page: Page): Promise<string | null> {
  return page.getByTestId('sync-status').getAttribute('data-state');
}

async function expectSynced(page: Page): Promise<void> {
  await expect.poll(() => syncState(page), { timeout: 20_000 }).toBe('synced');
}

async function editCustomerField(page: Page, customerName: string, label: string, value: string): Promise<void> {
  await page.goto('./#/customers');
  await customerList(page).getByText(customerName).first().click();
  await expect(page.getByRole('heading', { level: 1, name: customerName })).toBeVisible();
  await page.getByRole('link', { name: L['zh-CN'].edit }).click();
  await page.getByRole('textbox', { name: label, exact: true }).fill(value);
  await page.getByRole('button', { name: L['zh-CN'].save }).click();
  await expect(page.getByRole('heading', { level: 1, name: customerName })).toBeVisible();
}

test.use({ locale: 'zh-CN' });

test.describe('sign-in', () => {
  test('names missing fields, refuses a wrong password, then signs in', async ({ page }) => {
    const rep = await newRep();
    await page.goto('./');
    const t = L['zh-CN'];
    await expect(page.getByRole('heading', { level: 1, name: t.signInTitle })).toBeVisible();
    await shot(page, 'sign-in-zh');
    await page.getByRole('button', { name: t.signIn, exact: true }).click();
    await expect(page.getByText('必填').first()).toBeVisible();

    await page.getByRole('textbox', { name: t.userName }).fill(rep.userName);
    await page.getByLabel(t.password, { exact: true }).fill('wrong password');
    await page.getByRole('textbox', { name: t.server }).fill(SERVER_URL);
    await page.getByRole('button', { name: t.signIn, exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('用户名或密码错误。');

    await page.getByRole('textbox', { name: t.server }).fill('http://127.0.0.1:9');
    await page.getByLabel(t.password, { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: t.signIn, exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('无法连接服务器 http://127.0.0.1:9');

    await page.getByRole('textbox', { name: t.server }).fill(SERVER_URL);
    await page.getByRole('button', { name: t.signIn, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.today })).toBeVisible();
    await expectSynced(page);
    await shot(page, 'signed-in-synced-zh');
  });

  test('the English sign-in screen', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: L.en.signInTitle })).toBeVisible();
    await shot(page, 'sign-in-en');
    await signIn(page, await newRep('Test Rep'), 'en');
    await expectSynced(page);
    await page.getByTestId('sync-status').click();
    await expect(page.getByTestId('sync-panel')).toContainText('Live updates: connected');
    await shot(page, 'sync-panel-en');
    await context.close();
  });

  test('a demo rep sees their territory after the first sync, and again offline after a restart', async ({ page, context }) => {
    await openApp(page, 'zh-CN', { userName: 'zhang.wei', password: DEMO_PASSWORD, territoryId: 't-bj' });
    const demo = (await serverDocs<{ territoryId: string; _deleted: boolean }>('customers')).filter((c) => c.territoryId === 't-bj' && !c._deleted);
    expect(demo.length).toBeGreaterThan(50);
    await expect(page.getByText(new RegExp(`共 ${demo.length} 位客户|${demo.length}`)).first()).toBeVisible({ timeout: 20_000 });
    await expectSynced(page);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '客户' })).toBeVisible();
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');
    await context.setOffline(false);
  });
});

test.describe('two devices', () => {
  test('an edit on one appears on the other live; offline edits of different fields both survive', async ({ browser }) => {
    const rep = await newRep('代表甲 Rep A');
    const second = await newUserIn(rep.territoryId, ['rep'], '代表乙 Rep B');
    const ctxA = await browser.newContext({ locale: 'zh-CN' });
    const ctxB = await browser.newContext({ locale: 'zh-CN' });
    const a = await ctxA.newPage();
    const b = await ctxB.newPage();
    await openApp(a, 'zh-CN', rep);
    await openApp(b, 'zh-CN', second);
    await expectSynced(b);

    // Live: A creates, B sees it without doing anything.
    await createCustomer(a, { name: '刘晓明', code: 'HCP-SYNC-001', institution: '北京大学第一医院', city: '北京' });
    await expect(customerList(b).getByText('刘晓明')).toBeVisible({ timeout: 10_000 });

    // Offline, both change the same customer: B the phone, A the notes.
    await expectSynced(a);
    await expectSynced(b);
    await ctxB.setOffline(true);
    await editCustomerField(b, '刘晓明', L['zh-CN'].phone, '13800138000');
    await expect(b.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');
    await expect(b.getByTestId('sync-status')).toContainText('1 项更改待发送');
    await shot(b, 'offline-waiting-zh');
    await editCustomerField(a, '刘晓明', L['zh-CN'].notes, '周二上午门诊');
    await expectSynced(a);

    await ctxB.setOffline(false);
    await expectSynced(b);
    for (const page of [a, b]) {
      await expect(page.getByText('13800138000')).toBeVisible({ timeout: 10_000 });
      await expect(page.getByText('周二上午门诊')).toBeVisible({ timeout: 10_000 });
    }
    const [onServer] = (await serverDocs<{ code: string; phone?: string; notes?: string }>('customers')).filter((c) => c.code === 'HCP-SYNC-001');
    expect(onServer).toMatchObject({ phone: '13800138000', notes: '周二上午门诊' });
    await ctxA.close();
    await ctxB.close();
  });

  test('a rep offline logs a visit and edits a customer; back online, their manager sees both within seconds, without reloading', async ({ browser }) => {
    const rep = await newRep('代表丙 Rep C');
    const manager = await newUserIn(rep.territoryId, ['manager'], '经理丁 Manager D');
    const ctxRep = await browser.newContext({ locale: 'zh-CN' });
    const ctxMgr = await browser.newContext({ locale: 'zh-CN' });
    const r = await ctxRep.newPage();
    const m = await ctxMgr.newPage();
    await openApp(r, 'zh-CN', rep);
    await openApp(m, 'zh-CN', manager);
    await createCustomer(r, { name: '赵敏', code: 'HCP-SYNC-MGR', institution: '上海瑞金医院', city: '上海' });
    await expectSynced(r);

    // The manager has the customer file open and keeps it open.
    await customerList(m).getByText('赵敏').click();
    await expect(m.getByRole('heading', { level: 1, name: '赵敏' })).toBeVisible();
    let navigations = 0;
    m.on('framenavigated', (frame) => {
      if (frame === m.mainFrame()) navigations += 1;
    });

    await ctxRep.setOffline(true);
    await editCustomerField(r, '赵敏', L['zh-CN'].notes, '主任下周出差');
    await addVisit(r, { when: '2026-11-23T10:00', summary: '离线拜访：讨论了新适应症。' });
    await expect(r.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');
    await expect(m.getByText('离线拜访：讨论了新适应症。')).toHaveCount(0);

    await ctxRep.setOffline(false);
    const back = Date.now();
    await expect(m.getByText('主任下周出差')).toBeVisible({ timeout: 10_000 });
    await expect(m.getByRole('list', { name: L['zh-CN'].timeline })).toContainText('离线拜访：讨论了新适应症。', { timeout: 10_000 });
    expect(Date.now() - back).toBeLessThan(10_000);
    expect(navigations).toBe(0);
    await shot(m, 'manager-sees-rep-offline-work-zh');
    await ctxRep.close();
    await ctxMgr.close();
  });

  test('the same field changed on both while offline: one value stays, the other becomes a conflict record', async ({ browser }) => {
    const rep = await newRep('代表甲 Rep A');
    const second = await newUserIn(rep.territoryId, ['rep'], '代表乙 Rep B');
    const ctxA = await browser.newContext({ locale: 'zh-CN' });
    const ctxB = await browser.newContext({ locale: 'zh-CN' });
    const a = await ctxA.newPage();
    const b = await ctxB.newPage();
    await openApp(a, 'zh-CN', rep);
    await openApp(b, 'zh-CN', second);
    await createCustomer(a, { name: '赵丽', code: 'HCP-CONFLICT-1', city: '北京' });
    await expect(customerList(b).getByText('赵丽')).toBeVisible({ timeout: 10_000 });
    await expectSynced(a);
    await expectSynced(b);

    await ctxA.setOffline(true);
    await ctxB.setOffline(true);
    await editCustomerField(a, '赵丽', L['zh-CN'].phone, '13900000001');
    await editCustomerField(b, '赵丽', L['zh-CN'].phone, '13900000002');
    await ctxA.setOffline(false);
    await expectSynced(a);
    await ctxB.setOffline(false);
    await expectSynced(b);

    const [doc] = (await serverDocs<{ id: string; code: string; phone?: string }>('customers')).filter((c) => c.code === 'HCP-CONFLICT-1');
    expect(doc?.phone).toBe('13900000001');
    const conflicts = (await serverDocs<{ documentId: string; field: string; keptValue: string; otherValue: string }>('conflicts'))
      .filter((c) => c.documentId === doc!.id);
    expect(conflicts).toHaveLength(1);
    expect(JSON.stringify(conflicts[0])).toContain('13900000002');
    // Both devices show the value that stayed.
    await expect(b.getByText('13900000001')).toBeVisible({ timeout: 10_000 });
    await ctxA.close();
    await ctxB.close();
  });
});

test.describe('session', () => {
  // An ended session (expired, or ended on the server without an admin's device revoke) keeps the
  // local work; an admin's revoke of the device wipes it (test/e2e/security.spec.ts).
  test('a session ended on the server keeps its work, asks for sign-in, and sends the work after it', async ({ page }) => {
    const rep = await openApp(page);
    await createCustomer(page, { name: '孙建国', code: 'HCP-REVOKE-1', city: '天津' });
    await expectSynced(page);
    const refreshToken = await page.evaluate(() => sessionStorage.getItem('fieldbook.secure.fieldbook.refresh'));
    const ended = await fetch(`${SERVER_URL}/api/auth/logout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken }) });
    expect(ended.status).toBe(204);

    // The next contact with the server (this edit's push) learns it; the work is not interrupted.
    await editCustomerField(page, '孙建国', L['zh-CN'].notes, '撤销后仍然保存');
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'signIn', { timeout: 20_000 });
    await expect(page.getByRole('alert').filter({ hasText: '此设备已被管理员注销' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: '重新登录后将发送 1 项更改' })).toBeVisible();
    await shot(page, 'session-ended-zh');
    await page.getByRole('button', { name: '重新登录' }).click();
    const dialog = page.getByRole('dialog', { name: '请重新登录以继续同步' });
    await dialog.getByLabel('密码', { exact: true }).fill(rep.password);
    await dialog.getByRole('button', { name: '登录', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expectSynced(page);
    const [doc] = (await serverDocs<{ code: string; notes?: string }>('customers')).filter((c) => c.code === 'HCP-REVOKE-1');
    expect(doc?.notes).toBe('撤销后仍然保存');
  });

  test('signing out returns to the sign-in screen; signing in again shows the same data', async ({ page }) => {
    const rep = await openApp(page);
    await createCustomer(page, { name: '周芳', code: 'HCP-OUT-1' });
    await expectSynced(page);
    await page.getByRole('button', { name: '账户' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '退出登录' }).click();
    await expect(page.getByRole('heading', { level: 1, name: L['zh-CN'].signInTitle })).toBeVisible();
    await expect(page.getByRole('textbox', { name: L['zh-CN'].userName })).toHaveValue(rep.userName);
    await signIn(page, rep);
    await expect(customerList(page).getByText('周芳')).toBeVisible();
  });
});
