import { readFileSync } from 'node:fs';
import { expect, type BrowserContext, type Download, type Page } from '@playwright/test';
import { DEMO_PASSWORD, SERVER_URL, apiSignIn, asAdmin, type Lang } from './fixtures';

/** Helpers for the manager workspace: a fresh team made through the admin API and the sync API. */

export const TM = {
  'zh-CN': {
    team: '团队', overview: '概览', value: '客户价值', activities: '市场活动', contacts: '期间接触次数', coverageA: 'A 类客户覆盖率',
    coverageB: 'B 类客户覆盖率', overdue: '逾期跟进', openQuestions: '待回答问题', openComplaints: '未解决投诉', unsent: '未发送的不良事件',
    coverageSection: 'A、B 类客户覆盖', attention: '需要关注', visitsSection: '每位代表每周接触次数', feedbackSection: '按产品和类型的反馈',
    export: (what: string) => `导出：${what}`, csv: 'CSV（.csv）', xlsx: 'Excel（.xlsx）', close: '关闭', coaching: '辅导', addComment: '添加辅导评论',
    post: '发表评论', suggestions: (n: number) => `分级调整建议（${n}）`, acceptFor: (name: string, tier: string) => `接受 ${name} 调整为 ${tier} 级`,
    newActivity: '新建活动', activityName: '名称', save: '保存', activityCost: '活动费用', activitiesTable: (n: number) => `市场活动（${n}）`,
    rep: '代表', teamRow: '全队', aNotVisited: 'A 类未拜访', visitActivity: '市场活动', filtersSheet: '筛选条件',
  },
  en: {
    team: 'Team', overview: 'Overview', value: 'Customer value', activities: 'Activities', contacts: 'Contacts in the period', coverageA: 'A customers visited',
    coverageB: 'B customers visited', overdue: 'Overdue follow-ups', openQuestions: 'Open questions', openComplaints: 'Open complaints', unsent: 'Adverse events not sent',
    coverageSection: 'Coverage of A and B customers', attention: 'Needs attention', visitsSection: 'Contacts per rep per week', feedbackSection: 'Feedback by product and kind',
    export: (what: string) => `Export: ${what}`, csv: 'CSV (.csv)', xlsx: 'Excel (.xlsx)', close: 'Close', coaching: 'Coaching', addComment: 'Add a coaching comment',
    post: 'Post comment', suggestions: (n: number) => `Suggested tier changes (${n})`, acceptFor: (name: string, tier: string) => `Accept tier ${tier} for ${name}`,
    newActivity: 'New activity', activityName: 'Name', save: 'Save', activityCost: 'Activity cost', activitiesTable: (n: number) => `Activities (${n})`,
    rep: 'Rep', teamRow: 'Whole team', aNotVisited: 'A not visited', visitActivity: 'Marketing activity', filtersSheet: 'Filters',
  },
} as const;

export interface TeamUser {
  id: string;
  userName: string;
  password: string;
  territoryId: string;
}

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A new manager (no territory of their own) with two reps in two new territories. */
export async function newTeam(): Promise<{ manager: TeamUser; reps: [TeamUser, TeamUser] }> {
  const s = suffix();
  const t1 = `t-team-${s}-1`;
  const t2 = `t-team-${s}-2`;
  await asAdmin('/api/admin/territories', { id: t1, name: `Team ${s} North` });
  await asAdmin('/api/admin/territories', { id: t2, name: `Team ${s} South` });
  const create = async (userName: string, displayName: string, roles: string[], territoryIds: string[], managerUserName?: string) => {
    const user = await asAdmin<{ id: string }>('/api/admin/users', { userName, displayName, password: DEMO_PASSWORD, roles, territoryIds, ...(managerUserName ? { managerUserName } : {}) });
    return { id: user.id, userName, password: DEMO_PASSWORD, territoryId: territoryIds[0] ?? t1 };
  };
  const manager = await create(`mgr.${s}`, '赵经理 Manager Zhao', ['manager'], []);
  const r1 = await create(`rep1.${s}`, '孙一 Rep Sun', ['rep'], [t1], manager.userName);
  const r2 = await create(`rep2.${s}`, '钱二 Rep Qian', ['rep'], [t2], manager.userName);
  return { manager, reps: [r1, r2] };
}

/** Pushes documents as a user, like their device would; fails on any refusal or conflict. */
export async function pushAs(user: Pick<TeamUser, 'userName'>, collection: string, docs: object[]): Promise<void> {
  const token = await apiSignIn(user.userName);
  const res = await fetch(`${SERVER_URL}/api/sync/${collection}/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ rows: docs.map((d) => ({ newDocumentState: { ...d, _deleted: false } })) }),
  });
  const body = (await res.json()) as { conflicts?: unknown[]; refused?: unknown[] };
  if (!res.ok || body.conflicts?.length || body.refused?.length) throw new Error(`push ${collection} as ${user.userName}: ${res.status} ${JSON.stringify(body)}`);
}

/** The UTC day `days` from today (the team tests run the browser in UTC, so "today" agrees). */
export function utcDayOffset(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** An instant on that UTC day, mid-morning. */
export function instantOn(days: number, hour = 9): string {
  return `${utcDayOffset(days)}T${String(hour).padStart(2, '0')}:00:00.000Z`;
}

/** Opens the app already in a theme (the UI preferences the app persists). */
export async function useTheme(context: BrowserContext, themeMode: 'light' | 'dark'): Promise<void> {
  await context.addInitScript((mode) => {
    if (!localStorage.getItem('fieldbook.ui')) localStorage.setItem('fieldbook.ui', JSON.stringify({ state: { language: null, themeMode: mode }, version: 0 }));
  }, themeMode);
}

export async function openTeam(page: Page, lang: Lang, tab: 'overview' | 'value' | 'activities' = 'overview'): Promise<void> {
  const t = TM[lang];
  await page.getByRole('navigation').getByRole('link', { name: t.team, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.team })).toBeVisible();
  if (tab !== 'overview') await page.getByRole('tab', { name: t[tab] }).click();
  await expect(page.getByRole('tab', { name: t[tab], selected: true })).toBeVisible();
}

/** The value of a headline figure. */
export async function kpi(page: Page, label: string): Promise<string> {
  const card = page.getByTestId('kpi').filter({ has: page.getByText(label, { exact: true }) });
  return (await card.getByTestId('kpi-value').textContent())?.trim() ?? '';
}

/** Rows of a report table as text (header first). */
export async function tableText(page: Page, name: string): Promise<string[][]> {
  const table = page.getByRole('table', { name, exact: true });
  await expect(table).toBeVisible();
  return table.locator('tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('th,td'), (c) => (c.textContent ?? '').trim())));
}

/** Starts a download from an export menu and returns the file's content. */
export async function exportFile(page: Page, lang: Lang, what: string, format: 'csv' | 'xlsx'): Promise<{ download: Download; content: Buffer }> {
  await page.getByRole('button', { name: TM[lang].export(what), exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: format === 'csv' ? TM[lang].csv : TM[lang].xlsx }).click()]);
  const path = await download.path();
  return { download, content: readFileSync(path) };
}

/** Cuts the network once the offline shell controls the page, so that a reload still works. */
export async function goOffline(page: Page, context: BrowserContext): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
  await context.setOffline(true);
}

export async function expectSynced(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('synced');
}

/** A screenshot of the whole page: the app scrolls inside its main area, so the window grows to fit it for the shot. */
export async function shotTo(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 820 };
  const height = await page.locator('#main > div').last().evaluate((el) => el.scrollHeight + 60);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.min(height, 6000)) });
  await page.waitForTimeout(300); // charts resize to the new window
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
  await page.setViewportSize(size);
}
