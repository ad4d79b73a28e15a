import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD, openApp, shot, type Lang, type TestUser } from './fixtures';

/** Labels of the knowledge base, product catalogue and expert question screens, as a user reads them. */
export const K = {
  'zh-CN': {
    nav: '知识库', title: '知识库', search: '搜索知识库', articles: '文章', newArticle: '新建文章', askExpert: '向专家提问',
    products: '产品', catalogue: '产品目录', productList: '产品', myQuestions: '我的提问', inbox: '专家收件箱',
    editorTitle: '问题或标题', editorBody: '答复（Markdown）', tags: '标签', saveDraft: '保存草稿', publish: '发布', edit: '编辑',
    preview: '预览', draft: '草稿', questionText: '问题', customer: '客户（可选）', send: '发送问题', questionType: '问题类型',
    waiting: '等待答复', answered: '已答复', answer: '你的答复', sendAnswer: '发送答复', tabAnswered: /已答复/, promote: '转为知识文章',
    customerQuestions: '客户问题', newAnswer: '新答复', open: '查看', backToKnowledge: '返回知识库', medical: '超出已批准产品信息的医学问题',
  },
  en: {
    nav: 'Knowledge', title: 'Knowledge base', search: 'Search the knowledge base', articles: 'Articles', newArticle: 'New article', askExpert: 'Ask an expert',
    products: 'Products', catalogue: 'Product catalogue', productList: 'Products', myQuestions: 'My questions', inbox: 'Expert inbox',
    editorTitle: 'Question or title', editorBody: 'Answer (Markdown)', tags: 'Tags', saveDraft: 'Save draft', publish: 'Publish', edit: 'Edit',
    preview: 'Preview', draft: 'Draft', questionText: 'Question', customer: 'Customer (optional)', send: 'Send question', questionType: 'Type of question',
    waiting: 'Waiting for an answer', answered: 'Answered', answer: 'Your answer', sendAnswer: 'Send answer', tabAnswered: /Answered/, promote: 'Promote to article',
    customerQuestions: 'Questions', newAnswer: 'New answer', open: 'Open', backToKnowledge: 'Back to the knowledge base', medical: 'Medical question beyond the approved product information',
  },
} as const;

export const demoUser = (userName: string): TestUser => ({ userName, password: DEMO_PASSWORD, territoryId: '' });

/** Screenshots to look at: test-results/screenshots/knowledge-<name>.png. */
export async function look(page: Page, name: string): Promise<void> {
  await shot(page, `knowledge-${name}`);
}

export async function expectSynced(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('synced');
}

/** A signed-in app in its own browser context, in the language of its locale. */
export async function openAs(browser: Browser, lang: Lang, user?: TestUser): Promise<{ context: BrowserContext; page: Page; user: TestUser }> {
  const context = await browser.newContext({ locale: lang === 'en' ? 'en-US' : 'zh-CN' });
  const page = await context.newPage();
  const who = await openApp(page, lang, user);
  return { context, page, user: who };
}

export async function goTo(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
}

/** Opens the knowledge base and waits until the synced articles are searchable. */
export async function openKnowledge(page: Page, lang: Lang): Promise<void> {
  await goTo(page, K[lang].nav);
  await expect(page.getByRole('heading', { level: 1, name: K[lang].title })).toBeVisible();
}

export async function search(page: Page, query: string, lang: Lang): Promise<void> {
  await page.getByRole('searchbox', { name: K[lang].search }).fill(query);
}

export const results = (page: Page, lang: Lang): Locator => page.getByRole('list', { name: K[lang].articles });

/** The result row (a link) whose text contains `title`. */
export const result = (page: Page, lang: Lang, title: string | RegExp): Locator => results(page, lang).getByRole('link').filter({ hasText: title });

/** Texts marked as matches inside a locator. */
export async function marks(locator: Locator): Promise<string[]> {
  return locator.locator('mark').allInnerTexts();
}
