import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { addVisit, createCustomer, DEMO_PASSWORD, L, newRep, openApp, serverDocs, shot, type TestUser } from './fixtures';
import {
  cutNetwork, dayOffset, expectSynced, goSettings, goToday, RECORD_NOTIFICATIONS, row, section, setTier, TL,
} from './todayFixtures';

/**
 * Today, the start page: follow-ups from logged contacts, the rep's own reminders, A-tier customers
 * going unvisited; done and snooze kept after a reload and synced to the rep's other device; the
 * in-app notice and the desktop notification. Every flow also with the network cut.
 */

test.use({ locale: 'zh-CN' });
// Long user flows on a small shared machine: room for the slow moments.
test.describe.configure({ timeout: 180_000 });
const r = TL['zh-CN'];

type Reminder = { id: string; territoryId: string; kind: string; status: string; snoozedUntil?: string; doneAt?: string; visitId?: string; title: string; dueTime?: string; customerId?: string; _deleted: boolean };
const serverReminders = async (rep: TestUser) => (await serverDocs<Reminder>('reminders')).filter((d) => d.territoryId === rep.territoryId && !d._deleted);

async function followUpFlow(page: Page, context: BrowserContext, offline: boolean) {
  const rep = await openApp(page);
  if (offline) await cutNetwork(page, context);
  await createCustomer(page, { name: '王建国', code: `HCP-FU-${offline ? 'OFF' : 'ON'}`, institution: '北京医院' });
  await addVisit(page, { when: `${dayOffset(0)}T08:00`, summary: '介绍了新的临床数据。', nextStep: '带肾功能研究文献再访', followUp: dayOffset(1) });
  await addVisit(page, { when: `${dayOffset(-5)}T09:00`, summary: '药房反馈到货不及时。', nextStep: '送 20 份患者手册', followUp: dayOffset(-2) });

  // Told at once, in the app: a notice at the foot of the navigation and the count on Today.
  const notice = page.getByTestId('reminder-notice');
  await expect(notice).toContainText(r.due(1));
  await expect(notice).toContainText('送 20 份患者手册');
  await expect(page.getByTestId('due-reminders')).toHaveText('1');

  await goToday(page);
  const overdue = section(page, r.overdue);
  const upcoming = section(page, r.upcoming);
  await expect(row(overdue, '送 20 份患者手册')).toContainText(r.overdueDays(2));
  await expect(row(overdue, '送 20 份患者手册').getByRole('link', { name: '王建国' })).toBeVisible();
  await expect(upcoming.getByText(r.tomorrow, { exact: true })).toBeVisible();
  await expect(row(upcoming, '带肾功能研究文献再访')).toBeVisible();
  await expect(section(page, r.dueToday)).toHaveCount(0);

  // Snooze the overdue one by a day: it leaves the overdue list and waits for tomorrow.
  await row(overdue, '送 20 份患者手册').getByRole('button', { name: `${r.snooze}送 20 份患者手册` }).click();
  await page.getByRole('menuitem', { name: r.snoozeDay }).click();
  await expect(section(page, r.overdue)).toHaveCount(0);
  await expect(row(upcoming, '送 20 份患者手册')).toContainText(r.snoozed);
  await expect(page.getByTestId('due-reminders')).toHaveCount(0);

  // Done: it leaves the list and shows under "done today".
  await row(upcoming, '带肾功能研究文献再访').getByRole('button', { name: `${r.markDone}带肾功能研究文献再访` }).click();
  await expect(row(upcoming, '带肾功能研究文献再访')).toHaveCount(0);
  await expect(section(page, r.doneToday)).toContainText('带肾功能研究文献再访');

  // Both are kept after a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: r.today })).toBeVisible();
  await expect(row(section(page, r.upcoming), '送 20 份患者手册')).toContainText(r.snoozed);
  await expect(section(page, r.doneToday)).toContainText('带肾功能研究文献再访');
  await expect(section(page, r.overdue)).toHaveCount(0);
  // Announced once a day: no second notice after the reload.
  await expect(page.getByTestId('reminder-notice')).toHaveCount(0);

  if (offline) await context.setOffline(false);
  await expectSynced(page);
  await expect.poll(async () => (await serverReminders(rep)).map((d) => [d.kind, d.status, d.snoozedUntil ?? null]).sort()).toEqual([
    ['follow_up', 'done', null],
    ['follow_up', 'open', dayOffset(1)],
  ]);
}

test.describe('follow-ups from visits', () => {
  test('next step due tomorrow is upcoming, a past follow-up date is overdue; snooze and done are kept and synced', async ({ page, context }) => {
    await followUpFlow(page, context, false);
  });
  test('the same with the network cut, including the reload', async ({ page, context }) => {
    await followUpFlow(page, context, true);
  });
});

async function customReminderFlow(page: Page, context: BrowserContext, offline: boolean) {
  const rep = await openApp(page);
  if (offline) await cutNetwork(page, context);
  await createCustomer(page, { name: '李文华', code: `HCP-CU-${offline ? 'OFF' : 'ON'}`, institution: '北京协和医院' });
  await goToday(page);
  await expect(page.getByText('今天没有到期事项，也没有逾期事项。')).toBeVisible();

  // A reminder with a time (already past, so it is announced at once) and a customer.
  await page.getByRole('button', { name: r.newReminder }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: r.title }).fill('电话确认科室会时间');
  await dialog.getByLabel(new RegExp(`^${r.date}`)).fill(dayOffset(0));
  await dialog.getByLabel(r.time).fill('00:01');
  await dialog.getByRole('combobox', { name: r.customer }).fill('李文华');
  await page.getByRole('option', { name: /李文华/ }).click();
  await dialog.getByRole('button', { name: r.save }).click();
  await expect(dialog).toHaveCount(0);

  const due = section(page, r.dueToday);
  await expect(row(due, '电话确认科室会时间')).toContainText('00:01');
  await expect(row(due, '电话确认科室会时间').getByRole('link', { name: '李文华' })).toBeVisible();
  await expect(page.getByTestId('reminder-notice')).toContainText('电话确认科室会时间');
  await expect(page.getByTestId('due-reminders')).toHaveText('1');

  // The customer's file lists it too.
  await row(due, '电话确认科室会时间').getByRole('link', { name: '李文华' }).click();
  await expect(row(section(page, r.customerCard), '电话确认科室会时间')).toContainText('00:01');
  if (!offline) await shot(page, 'customer-reminders-zh-CN');
  await goToday(page);

  // One without customer or time, in three days; then renamed.
  await page.getByRole('button', { name: r.newReminder }).click();
  await dialog.getByRole('textbox', { name: r.title }).fill('提交费用报销');
  await dialog.getByLabel(new RegExp(`^${r.date}`)).fill(dayOffset(3));
  await dialog.getByRole('button', { name: r.save }).click();
  const upcoming = section(page, r.upcoming);
  await expect(row(upcoming, '提交费用报销')).toBeVisible();
  await row(upcoming, '提交费用报销').getByRole('button', { name: `${r.edit}提交费用报销` }).click();
  await dialog.getByRole('textbox', { name: r.title }).fill('提交十一月费用报销');
  await dialog.getByRole('button', { name: r.save }).click();
  await expect(row(upcoming, '提交十一月费用报销')).toBeVisible();

  // A title is required.
  await page.getByRole('button', { name: r.newReminder }).click();
  await dialog.getByRole('button', { name: r.save }).click();
  await expect(dialog.getByRole('textbox', { name: r.title })).toHaveAccessibleDescription('必填');
  await page.keyboard.press('Escape');

  // Snooze to a picked day beyond the week: hidden from every list, counted as later.
  await row(due, '电话确认科室会时间').getByRole('button', { name: `${r.snooze}电话确认科室会时间` }).click();
  await page.getByRole('menuitem', { name: r.snoozePick }).click();
  await page.getByRole('dialog').getByLabel(r.pickLabel).fill(dayOffset(10));
  await page.getByRole('dialog').getByRole('button', { name: r.pickConfirm, exact: true }).click();
  await expect(page.getByRole('main').getByText('电话确认科室会时间')).toHaveCount(0);
  await expect(page.getByText(r.later(1))).toBeVisible();
  await expect(page.getByTestId('due-reminders')).toHaveCount(0);

  await page.reload();
  await expect(row(section(page, r.upcoming), '提交十一月费用报销')).toBeVisible();
  await expect(page.getByRole('main').getByText('电话确认科室会时间')).toHaveCount(0);
  await expect(page.getByText(r.later(1))).toBeVisible();

  // Deleted from its dialog.
  await row(section(page, r.upcoming), '提交十一月费用报销').getByRole('button', { name: `${r.edit}提交十一月费用报销` }).click();
  await page.getByRole('dialog').getByRole('button', { name: r.delete }).click();
  await expect(page.getByRole('main').getByText('提交十一月费用报销')).toHaveCount(0);

  if (offline) await context.setOffline(false);
  await expectSynced(page);
  await expect.poll(async () => (await serverReminders(rep)).map((d) => [d.kind, d.title, d.dueTime ?? null, d.snoozedUntil ?? null, Boolean(d.customerId)])).toEqual([
    ['custom', '电话确认科室会时间', '00:01', dayOffset(10), true],
  ]);
}

test.describe('custom reminders', () => {
  test('created with a time and a customer, edited, snoozed to a picked day, deleted', async ({ page, context }) => {
    await customReminderFlow(page, context, false);
  });
  test('the same with the network cut', async ({ page, context }) => {
    await customReminderFlow(page, context, true);
  });
});

async function neglectedFlow(page: Page, context: BrowserContext, offline: boolean) {
  await openApp(page);
  if (offline) await cutNetwork(page, context);
  const t = L['zh-CN'];
  const suffix = offline ? 'OFF' : 'ON';
  await createCustomer(page, { name: '赵主任', code: `HCP-NA-1-${suffix}` });
  await setTier(page, r.tierA);
  await addVisit(page, { when: `${dayOffset(-20)}T10:00`, summary: '季度拜访。' });
  await page.getByRole('link', { name: t.back }).click();
  await createCustomer(page, { name: '钱院长', code: `HCO-NA-2-${suffix}` });
  await setTier(page, r.tierA);
  await page.getByRole('link', { name: t.back }).click();
  await createCustomer(page, { name: '孙医生', code: `HCP-NB-3-${suffix}` });

  await goToday(page);
  let neglected = section(page, r.neglected(30));
  await expect(row(neglected, '钱院长')).toContainText(r.neverVisited);
  await expect(row(neglected, '赵主任')).toHaveCount(0);
  await expect(row(neglected, '孙医生')).toHaveCount(0);

  // Twenty days without a visit is too long once N is 14.
  await goSettings(page);
  await page.getByRole('textbox', { name: r.neglectDays }).fill('14');
  await goToday(page);
  neglected = section(page, r.neglected(14));
  await expect(row(neglected, '赵主任')).toContainText(r.daysAgo(20));
  await expect(row(neglected, '钱院长')).toBeVisible();
  await page.reload();
  neglected = section(page, r.neglected(14));
  await expect(row(neglected, '赵主任')).toBeVisible();

  // From the list straight to logging a visit; logged, the customer leaves the list.
  await row(neglected, '赵主任').getByRole('link', { name: `${r.logVisit}: 赵主任` }).click();
  await expect(page.getByRole('heading', { level: 1, name: /赵主任/ })).toBeVisible();
  await page.getByRole('textbox', { name: t.summary, exact: true }).fill('补上拜访，讨论新适应症。');
  await page.getByRole('button', { name: t.submit, exact: true }).click();
  await expect(page.getByRole('list', { name: t.timeline })).toContainText('补上拜访');
  await goToday(page);
  await expect(row(section(page, r.neglected(14)), '钱院长')).toBeVisible();
  await expect(row(section(page, r.neglected(14)), '赵主任')).toHaveCount(0);
  if (offline) await context.setOffline(false);
}

test.describe('A-tier customers not visited', () => {
  test('listed after N days (N set in Settings), never-visited ones too, with "log visit"', async ({ page, context }) => {
    await neglectedFlow(page, context, false);
  });
  test('the same with the network cut', async ({ page, context }) => {
    await neglectedFlow(page, context, true);
  });
});

test('done on one device reaches the rep\'s second device, also after working offline', async ({ browser }) => {
  const rep = await newRep();
  const ctxA = await browser.newContext({ locale: 'zh-CN' });
  const ctxB = await browser.newContext({ locale: 'zh-CN' });
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  await openApp(a, 'zh-CN', rep);
  await openApp(b, 'zh-CN', rep);
  await createCustomer(a, { name: '周海燕', code: 'HCP-2DEV-1', institution: '北京大学人民医院' });
  await addVisit(a, { when: `${dayOffset(-1)}T10:00`, summary: '讨论了科室会安排。', nextStep: '电话确认会议时间', followUp: dayOffset(0) });
  await addVisit(a, { when: `${dayOffset(-1)}T11:00`, summary: '送了样品。', nextStep: '寄送样品登记表', followUp: dayOffset(0) });

  await goToday(b);
  await expect(row(section(b, r.dueToday), '电话确认会议时间')).toBeVisible();
  await expect(row(section(b, r.dueToday), '寄送样品登记表')).toBeVisible();

  // Done on A: B sees it done, live.
  await goToday(a);
  await row(section(a, r.dueToday), '电话确认会议时间').getByRole('button', { name: `${r.markDone}电话确认会议时间` }).click();
  await expect(section(b, r.doneToday)).toContainText('电话确认会议时间');
  await expect(row(section(b, r.dueToday), '电话确认会议时间')).toHaveCount(0);

  // Snoozed on B without network: A sees it only once B is back online.
  await ctxB.setOffline(true);
  await row(section(b, r.dueToday), '寄送样品登记表').getByRole('button', { name: `${r.snooze}寄送样品登记表` }).click();
  await b.getByRole('menuitem', { name: r.snoozeWeek }).click();
  await expect(row(section(b, r.upcoming), '寄送样品登记表')).toContainText(r.snoozed);
  await b.reload();
  await expect(row(section(b, r.upcoming), '寄送样品登记表')).toContainText(r.snoozed);
  await expect(row(section(a, r.dueToday), '寄送样品登记表')).toBeVisible();
  await ctxB.setOffline(false);
  await expect(row(section(a, r.upcoming), '寄送样品登记表')).toContainText(r.snoozed, { timeout: 20_000 });
  await expect(section(a, r.dueToday)).toHaveCount(0);
  // Reopened on A (a slip): back on B.
  await section(a, r.doneToday).getByRole('button', { name: `${r.reopen}电话确认会议时间` }).click();
  await expect(row(section(b, r.dueToday), '电话确认会议时间')).toBeVisible();
  await ctxA.close();
  await ctxB.close();
});

test.describe('demo rep', () => {
  const zhang: TestUser = { userName: 'zhang.wei', password: DEMO_PASSWORD, territoryId: 't-bj' };

  for (const lang of ['zh-CN', 'en'] as const) {
    test(`zhang.wei starts the day on Today (${lang}): every group filled, a desktop notification once a day`, async ({ browser }) => {
      const tl = TL[lang];
      const context = await browser.newContext({ locale: lang, permissions: ['notifications'] });
      await context.addInitScript(RECORD_NOTIFICATIONS);
      const page = await context.newPage();
      await openApp(page, lang, zhang);
      // Today is the start page.
      await page.goto('./#/');
      await expect(page.getByRole('heading', { level: 1, name: tl.today })).toBeVisible();
      await expect(page.getByRole('navigation').getByRole('link').first()).toHaveAttribute('href', '#/today');
      await expectSynced(page);
      for (const name of [tl.overdue, tl.dueToday, tl.upcoming, tl.neglected(30)]) {
        await expect(section(page, name).getByRole('listitem').first()).toBeVisible();
      }
      // A customer's birthday today, a pharmacy to restock, the rep's own reminder at 14:00.
      await expect(section(page, tl.dueToday).locator('[data-reminder^="kd:"]').first()).toBeVisible();
      await expect(page.locator('[data-reminder^="rp:"]').first()).toBeVisible();
      await expect(page.getByTestId('due-reminders')).toBeVisible();

      const notified = () => page.evaluate(() => (window as unknown as { __notified?: unknown[] }).__notified?.length ?? 0);
      await expect.poll(notified).toBeGreaterThan(0);
      await expect(page.getByTestId('reminder-notice')).toContainText(tl.openToday);
      await shot(page, `today-notice-${lang}`);
      await page.getByTestId('reminder-notice').getByRole('button', { name: tl.dismiss }).click();
      await shot(page, `today-${lang}`);
      await section(page, tl.upcoming).scrollIntoViewIfNeeded();
      await shot(page, `today-upcoming-${lang}`);
      await page.reload();
      // A cold start (database open, sync resuming) takes several seconds on a busy machine.
      await expect(section(page, tl.overdue).getByRole('listitem').first()).toBeVisible({ timeout: 30_000 });
      await page.waitForTimeout(1000);
      expect(await notified()).toBe(0); // a new page: nothing announced again today
      await expect(page.getByTestId('reminder-notice')).toHaveCount(0);

      if (lang === 'en') {
        await page.getByRole('button', { name: tl.newReminder }).click();
        await page.getByRole('dialog').getByRole('button', { name: 'Replenishment (repeats)' }).click();
        await shot(page, 'reminder-dialog-en');
        await page.keyboard.press('Escape');
      } else {
        await goSettings(page, lang);
        await page.getByRole('radio', { name: tl.dark }).check();
        await shot(page, 'settings-reminders-dark-zh-CN');
        await goToday(page, lang);
        await shot(page, 'today-dark-zh-CN');
        await goSettings(page, lang);
        await page.getByRole('radio', { name: tl.light }).check();
      }
      await context.close();
    });
  }
});
