import { expect, type Page } from '@playwright/test';

/** Helpers that act like a user: by role and accessible name, in the UI language given. */

export type Lang = 'zh-CN' | 'en';

export const L = {
  'zh-CN': {
    customers: '客户', newCustomer: '新建客户', name: '名称', code: '客户编码', type: '类型', hcp: '医生 / HCP',
    institution: '所属机构', department: '科室', city: '城市', email: '邮箱', phone: '电话', creditLimit: '信用额度', notes: '备注',
    save: '保存', search: '搜索客户', logVisit: '记录拜访', kind: '接触方式', when: '时间', location: '地点',
    duration: '时长（分钟）', summary: '纪要', nextStep: '下一步', followUp: '跟进日期', products: '介绍的产品',
    settings: '设置', timeline: '时间线', edit: '编辑', back: '返回客户列表', tier: '价值分级',
    userName: '用户名', password: '密码', server: '服务器地址', signIn: '登录', signInTitle: '登录 Fieldbook',
    saveDraft: '保存草稿', submit: '提交', draft: '草稿', view: '查看', deleteDraft: '删除草稿', deleteConfirm: '删除',
    readOnly: '已提交的拜访不能更改。', conflicts: '冲突', today: '今天',
  },
  en: {
    customers: 'Customers', newCustomer: 'New customer', name: 'Name', code: 'Customer code', type: 'Type', hcp: 'Doctor / HCP',
    institution: 'Institution', department: 'Department', city: 'City', email: 'Email', phone: 'Phone', creditLimit: 'Credit limit', notes: 'Notes',
    save: 'Save', search: 'Search customers', logVisit: 'Log visit', kind: 'Kind of contact', when: 'When', location: 'Where',
    duration: 'Duration (minutes)', summary: 'Summary', nextStep: 'Next step', followUp: 'Follow-up date', products: 'Products presented',
    settings: 'Settings', timeline: 'Timeline', edit: 'Edit', back: 'Back to customers', tier: 'Value tier',
    userName: 'User name', password: 'Password', server: 'Server address', signIn: 'Sign in', signInTitle: 'Sign in to Fieldbook',
    saveDraft: 'Save draft', submit: 'Submit', draft: 'Draft', view: 'View', deleteDraft: 'Delete draft', deleteConfirm: 'Delete',
    readOnly: "Submitted visits can't be changed.", conflicts: 'Conflicts', today: 'Today',
  },
} as const;

/** The e2e sync server (see playwright.config.ts): a real server with the demo organisation. */
export const SERVER_URL = `http://127.0.0.1:${process.env.E2E_SERVER_PORT ?? 4318}`;
export const DEMO_PASSWORD = 'fieldbook-demo';

export interface TestUser {
  userName: string;
  password: string;
  territoryId: string;
}

let adminToken: Promise<string> | null = null;

async function api<T>(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(SERVER_URL + path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Signs in over HTTP (as a second device would) and returns the access token. */
export async function apiSignIn(userName: string, password = DEMO_PASSWORD): Promise<string> {
  const tokens = await api<{ accessToken: string }>('/api/auth/login', {
    body: { userName, password, deviceId: `e2e-${Math.random().toString(36).slice(2, 12)}`, deviceName: 'e2e script' },
  });
  return tokens.accessToken;
}

/** Calls the server's API as the demo admin (signing in again once the access token expired: long runs outlive it). */
export async function asAdmin<T>(path: string, body?: unknown): Promise<T> {
  const call = async (): Promise<T> => api<T>(path, { token: await (adminToken ??= apiSignIn('admin')), ...(body !== undefined ? { body } : {}) });
  try {
    return await call();
  } catch (error) {
    if (!String(error).includes(': 401 ')) throw error;
    adminToken = apiSignIn('admin');
    return call();
  }
}

/** A rep of their own new territory (so every test starts with an empty customer list). */
export async function newRep(displayName = '测试代表 Test Rep'): Promise<TestUser> {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const territoryId = `t-e2e-${suffix}`;
  await asAdmin('/api/admin/territories', { id: territoryId, name: `E2E ${suffix}` });
  const user = { userName: `rep.${suffix}`, password: DEMO_PASSWORD, territoryId };
  await asAdmin('/api/admin/users', { userName: user.userName, displayName, password: user.password, roles: ['rep'], territoryIds: [territoryId] });
  return user;
}

/** Another user of an existing territory (a second rep, or a manager of it). */
export async function newUserIn(territoryId: string, roles: string[] = ['rep'], displayName = '第二位代表 Second Rep'): Promise<TestUser> {
  const user = { userName: `${roles[0]}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, password: DEMO_PASSWORD, territoryId };
  await asAdmin('/api/admin/users', { userName: user.userName, displayName, password: user.password, roles, territoryIds: [territoryId] });
  return user;
}

/** Documents of a collection as the server holds them, read as the admin. */
export async function serverDocs<T = Record<string, unknown>>(collection: string): Promise<T[]> {
  const out: T[] = [];
  for (let seq = 0; ;) {
    const page = await asAdmin<{ documents: T[]; checkpoint: { seq: number } }>(`/api/sync/${collection}/pull?seq=${seq}&limit=1000`);
    out.push(...page.documents);
    if (page.documents.length < 1000) return out;
    seq = page.checkpoint.seq;
  }
}

/** Fills the sign-in screen and waits for the customer list. */
export async function signIn(page: Page, user: Pick<TestUser, 'userName' | 'password'>, lang: Lang = 'zh-CN'): Promise<void> {
  const t = L[lang];
  await expect(page.getByRole('heading', { level: 1, name: t.signInTitle })).toBeVisible();
  await page.getByRole('textbox', { name: t.userName }).fill(user.userName);
  await page.getByLabel(t.password, { exact: true }).fill(user.password);
  await page.getByRole('textbox', { name: t.server }).fill(SERVER_URL);
  await page.getByRole('button', { name: t.signIn, exact: true }).click();
  // The app opens on Today (or where it was before a sign-out); the helpers go on from the customer list.
  await page.getByRole('navigation').getByRole('link', { name: t.customers, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.customers })).toBeVisible();
}

/**
 * Opens the app in the language of the browser locale, signs in (a new rep of an empty
 * territory unless a user is given) and waits for the customer list.
 */
export async function openApp(page: Page, lang: Lang = 'zh-CN', user?: TestUser): Promise<TestUser> {
  const who = user ?? (await newRep());
  await page.goto('./');
  await signIn(page, who, lang);
  return who;
}

export interface NewCustomer {
  name: string;
  code: string;
  institution?: string;
  department?: string;
  city?: string;
  notes?: string;
}

export async function createCustomer(page: Page, c: NewCustomer, lang: Lang = 'zh-CN'): Promise<void> {
  const t = L[lang];
  await page.getByRole('link', { name: t.newCustomer }).first().click();
  await page.getByRole('textbox', { name: t.name, exact: true }).fill(c.name);
  await page.getByRole('textbox', { name: t.code, exact: true }).fill(c.code);
  if (c.institution) await page.getByRole('textbox', { name: t.institution, exact: true }).fill(c.institution);
  if (c.department) await page.getByRole('textbox', { name: t.department, exact: true }).fill(c.department);
  if (c.city) await page.getByRole('textbox', { name: t.city, exact: true }).fill(c.city);
  if (c.notes) await page.getByRole('textbox', { name: t.notes, exact: true }).fill(c.notes);
  await page.getByRole('button', { name: t.save }).click();
  await expect(page.getByRole('heading', { level: 1, name: c.name })).toBeVisible();
}

export interface NewVisit {
  kind?: string;
  when: string; // datetime-local value, e.g. 2026-11-20T10:30
  location?: string;
  duration?: string;
  summary: string;
  products?: string[];
  nextStep?: string;
  followUp?: string; // YYYY-MM-DD
}

export async function fillVisit(page: Page, v: NewVisit, lang: Lang = 'zh-CN'): Promise<void> {
  const t = L[lang];
  // The form first: until it has replaced the customer file, "时间" would also match the timeline.
  await expect(page.getByRole('textbox', { name: t.summary, exact: true })).toBeVisible();
  if (v.kind) {
    await page.getByRole('combobox', { name: t.kind }).click();
    await page.getByRole('option', { name: v.kind }).click();
  }
  await page.getByLabel(t.when).fill(v.when);
  if (v.location !== undefined) await page.getByRole('textbox', { name: t.location, exact: true }).fill(v.location);
  if (v.duration !== undefined) await page.getByRole('textbox', { name: t.duration, exact: true }).fill(v.duration);
  await page.getByRole('textbox', { name: t.summary, exact: true }).fill(v.summary);
  for (const p of v.products ?? []) {
    await page.getByRole('combobox', { name: t.products }).fill(p);
    await page.keyboard.press('Enter');
  }
  if (v.nextStep !== undefined) await page.getByRole('textbox', { name: t.nextStep, exact: true }).fill(v.nextStep);
  if (v.followUp !== undefined) await page.getByLabel(t.followUp).fill(v.followUp);
}

/** Logs a contact from the customer file: submitted (read-only from then on) unless `as` is 'draft'. */
export async function addVisit(page: Page, v: NewVisit, lang: Lang = 'zh-CN', as: 'draft' | 'submit' = 'submit'): Promise<void> {
  const t = L[lang];
  await page.getByRole('link', { name: t.logVisit }).click();
  await fillVisit(page, v, lang);
  await page.getByRole('button', { name: as === 'draft' ? t.saveDraft : t.submit, exact: true }).click();
  await expect(page.getByRole('list', { name: t.timeline })).toContainText(v.summary);
}

export async function searchCustomers(page: Page, query: string, lang: Lang = 'zh-CN'): Promise<void> {
  const box = page.getByRole('searchbox', { name: L[lang].search });
  await box.fill(query);
}

export function customerList(page: Page, lang: Lang = 'zh-CN') {
  return page.getByRole('list', { name: lang === 'zh-CN' ? '客户列表' : 'Customer list' });
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}
