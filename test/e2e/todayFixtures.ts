import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { L, type Lang } from './fixtures';

/** Helpers for the Today view (reminders): names as the user reads them, in both languages. */

export const TL = {
  'zh-CN': {
    today: '今天', overdue: '已逾期', dueToday: '今天到期', upcoming: '未来 7 天', doneToday: '今天已完成', tomorrow: '明天',
    newReminder: '新建提醒', title: '要做的事', date: '日期', time: '时间（可选）', customer: '客户（可选）', save: '保存', delete: '删除',
    markDone: '标记完成：', snooze: '推迟：', edit: '编辑：', reopen: '恢复：', snoozeDay: /^1 天/, snoozeWeek: /^1 周/, snoozePick: '选择日期…',
    pickLabel: '再次提醒日期', pickConfirm: '推迟', snoozed: '已推迟到', overdueDays: (n: number) => `逾期 ${n} 天`,
    due: (n: number) => `${n} 条提醒到期`, neglected: (n: number) => `${n} 天未拜访的 A 类客户`, neverVisited: '从未拜访',
    daysAgo: (n: number) => `${n} 天前`, logVisit: '记录拜访', neglectDays: 'A 类客户超过多少天未拜访即列出（天）', tierA: 'A 级',
    later: (n: number) => `之后还有 ${n} 条提醒`, newVisit: '记录拜访', settings: '设置', dark: '深色', light: '浅色',
    openToday: '打开今天', dismiss: '关闭', customerCard: '提醒',
  },
  en: {
    today: 'Today', overdue: 'Overdue', dueToday: 'Due today', upcoming: 'Next 7 days', doneToday: 'Done today', tomorrow: 'Tomorrow',
    newReminder: 'New reminder', title: 'What to do', date: 'Date', time: 'Time (optional)', customer: 'Customer (optional)', save: 'Save', delete: 'Delete',
    markDone: 'Mark done: ', snooze: 'Snooze: ', edit: 'Edit: ', reopen: 'Reopen: ', snoozeDay: /^1 day/, snoozeWeek: /^1 week/, snoozePick: 'Pick a date…',
    pickLabel: 'Remind me again on', pickConfirm: 'Snooze', snoozed: 'Snoozed until', overdueDays: (n: number) => `${n} day${n === 1 ? '' : 's'} overdue`,
    due: (n: number) => `${n} reminder${n === 1 ? '' : 's'} due`, neglected: (n: number) => `A-tier customers not visited for ${n} days`, neverVisited: 'Never visited',
    daysAgo: (n: number) => `${n} days ago`, logVisit: 'Log visit', neglectDays: 'A-tier customers count as not visited after (days)', tierA: 'Tier A',
    later: (n: number) => `${n} more reminder${n === 1 ? '' : 's'} after that`, newVisit: 'Log visit', settings: 'Settings', dark: 'Dark', light: 'Light',
    openToday: 'Open Today', dismiss: 'Dismiss', customerCard: 'Reminders',
  },
} as const;

/** The local calendar day `days` from now, YYYY-MM-DD (the browser runs in this machine's time zone). */
export function dayOffset(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function goToday(page: Page, lang: Lang = 'zh-CN'): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: new RegExp(`${TL[lang].today}$`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: TL[lang].today })).toBeVisible();
}

export async function goSettings(page: Page, lang: Lang = 'zh-CN'): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: TL[lang].settings, exact: true }).click();
}

/** One group of Today (a list named by its heading). */
export const section = (page: Page, name: string): Locator => page.getByRole('list', { name, exact: true });

/** The row of a reminder (or customer) in a group, by its text. */
export const row = (list: Locator, text: string): Locator => list.getByRole('listitem').filter({ hasText: text });

/** Cuts the network once the offline shell controls the page, so that a reload still works. */
export async function cutNetwork(page: Page, context: BrowserContext): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
  await context.setOffline(true);
}

/** Sets the value tier of the customer whose file is open. */
export async function setTier(page: Page, tierLabel: string, lang: Lang = 'zh-CN'): Promise<void> {
  const t = L[lang];
  await page.getByRole('link', { name: t.edit }).click();
  await page.getByRole('combobox', { name: t.tier }).click();
  await page.getByRole('option', { name: tierLabel, exact: true }).click();
  await page.getByRole('button', { name: t.save }).click();
}

export async function expectSynced(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('synced');
}

/** Records every Web Notification the page creates (the real one still runs): window.__notified. */
export const RECORD_NOTIFICATIONS = `(() => {
  const Real = window.Notification;
  if (typeof Real !== 'function') return;
  const log = [];
  function Recording(title, options) {
    log.push({ title, body: (options && options.body) || '' });
    return new Real(title, options);
  }
  Object.defineProperty(Recording, 'permission', { get: () => Real.permission });
  Recording.requestPermission = (...args) => Real.requestPermission(...args);
  window.Notification = Recording;
  window.__notified = log;
})();`;
