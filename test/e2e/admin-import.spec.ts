import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, asAdmin, openApp, serverDocs, shot, type Lang } from './fixtures';

/**
 * The admin's import screen, as the demo admin, in both languages: a broken customer file shows
 * its errors by line, field and reason and cannot be imported whole; the valid rows are imported
 * after a confirmation; a corrected file then imports with the rest unchanged.
 */
const ADMIN = { userName: 'admin', password: DEMO_PASSWORD, territoryId: 't-bj' };

const T = {
  'zh-CN': {
    nav: '数据导入', title: '导入主数据', importAll: '全部导入', importValid: (n: number) => `只导入有效的行（${n}）`, confirm: (n: number) => `导入 ${n} 行`,
    plan: '导入将新建', errors: (n: number) => `${n} 个错误`, territoryError: (id: string) => `第 4 行，辖区：没有辖区“${id}”`,
    done: (c: number, u: number, s: number) => `已导入：新建 ${c} 条，更新 ${u} 条，${s} 条不变。`, another: '导入另一个文件', kind: '导入内容',
  },
  en: {
    nav: 'Import', title: 'Import master data', importAll: 'Import all', importValid: (n: number) => `Import valid rows only (${n})`, confirm: (n: number) => `Import ${n} rows`,
    plan: 'Importing would create', errors: (n: number) => `${n} errors`, territoryError: (id: string) => `Line 4, Territory: there is no territory "${id}"`,
    done: (c: number, u: number, s: number) => `Imported: ${c} created, ${u} updated, ${s} unchanged.`, another: 'Import another file', kind: 'What to import',
  },
} as const;

for (const [lang, locale] of [['zh-CN', 'zh-CN'], ['en', 'en-US']] as const) {
  test(`admin imports customers from a broken file, then the corrected one (${lang})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const t = T[lang];
    const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();
    const territory = `t-imp-${suffix.toLowerCase()}`;
    await asAdmin('/api/admin/territories', { id: territory, name: `导入 Import ${suffix}` });
    const header = lang === 'zh-CN' ? '客户编码,客户名称,类型,辖区,城市,价值分级,邮箱' : 'Customer code,Name,Type,Territory,City,Tier,Email';
    const good = [
      `IMP-${suffix}-1,${lang === 'zh-CN' ? '张伟,医生' : 'Chen Jie,Doctor'},${territory},${lang === 'zh-CN' ? '北京' : 'Shanghai'},A,`,
      `IMP-${suffix}-2,${lang === 'zh-CN' ? '北京协和医院,医院' : 'Ruijin Hospital,Hospital'},${territory},${lang === 'zh-CN' ? '北京' : 'Shanghai'},B,`,
    ];
    const bad = [`IMP ${suffix} 3,,alien,t-nowhere,,Z,not-an-email`, `IMP-${suffix}-1,${lang === 'zh-CN' ? '重复' : 'Twice'},hcp,${territory},,,`];
    const broken = [header, good[0], good[1], ...bad].join('\r\n');
    const fixed = [header, good[0], good[1], `IMP-${suffix}-3,${lang === 'zh-CN' ? '王芳,医生' : 'Sophie Lin,Doctor'},${territory},,C,sophie@example.com`].join('\r\n');
    // The Chinese file as Excel saves "CSV UTF-8": with a byte order mark.
    const bytes = (text: string) => Buffer.concat([...(lang === 'zh-CN' ? [Buffer.from([0xef, 0xbb, 0xbf])] : []), Buffer.from(text, 'utf8')]);

    const context = await browser.newContext({ locale, timezoneId: 'UTC' });
    const page = await context.newPage();
    await openApp(page, lang as Lang, ADMIN);
    await page.getByRole('navigation').getByRole('link', { name: t.nav, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();

    // The broken file: errors by line, field and reason; "Import all" stays disabled.
    await page.getByTestId('import-file').setInputFiles({ name: 'customers-broken.csv', mimeType: 'text/csv', buffer: bytes(broken) });
    await expect(page.getByText(t.plan)).toBeVisible();
    const errors = page.getByRole('list', { name: t.errors(7) });
    await expect(errors).toBeVisible();
    await expect(errors).toContainText(t.territoryError('t-nowhere'));
    await expect(page.getByRole('button', { name: t.importAll })).toBeDisabled();
    await shot(page, `admin-import-errors-${lang}`);

    // The valid rows only, after a confirmation.
    await page.getByRole('button', { name: t.importValid(2) }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await shot(page, `admin-import-confirm-${lang}`);
    await dialog.getByRole('button', { name: t.confirm(2) }).click();
    await expect(page.getByRole('status').filter({ hasText: t.done(2, 0, 0) })).toBeVisible();
    await shot(page, `admin-import-done-${lang}`);
    const codes = async () => (await serverDocs<{ code: string; territoryId: string }>('customers')).filter((c) => c.territoryId === territory).map((c) => c.code).sort();
    expect(await codes()).toEqual([`IMP-${suffix}-1`, `IMP-${suffix}-2`]);

    // The corrected file: one new customer, the two imported ones unchanged.
    await page.getByRole('button', { name: t.another }).click();
    await page.getByTestId('import-file').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: bytes(fixed) });
    await expect(page.getByText(t.plan)).toBeVisible();
    await expect(page.getByRole('button', { name: t.importAll })).toBeEnabled();
    await shot(page, `admin-import-preview-${lang}`);
    await page.getByRole('button', { name: t.importAll }).click();
    await expect(page.getByRole('status').filter({ hasText: t.done(1, 0, 2) })).toBeVisible();
    expect(await codes()).toEqual([`IMP-${suffix}-1`, `IMP-${suffix}-2`, `IMP-${suffix}-3`]);
    await context.close();
  });
}

test('reps do not see the import screen', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'UTC' });
  const page = await context.newPage();
  await openApp(page, 'zh-CN');
  await expect(page.getByRole('navigation').getByRole('link', { name: T['zh-CN'].nav, exact: true })).toHaveCount(0);
  await page.goto('./#/admin/import');
  await expect(page.getByText('只有系统管理员可以导入主数据。')).toBeVisible();
  await context.close();
});
