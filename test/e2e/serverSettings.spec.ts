import { expect, test } from '@playwright/test';
import { L, SERVER_URL, newRep, newUserIn, openApp, shot } from './fixtures';

const T = {
  'zh-CN': { title: '同步服务器', label: '服务器地址', save: '保存', clear: '清除', saved: '已保存。', invalid: /请输入 http/, configured: '下次登录和应用更新使用的服务器：', inUse: '当前登录的服务器：' },
  en: { title: 'Sync server', label: 'Server address', save: 'Save', clear: 'Clear', saved: 'Saved.', invalid: /Enter an http/, configured: 'Server for the next sign-in and for app updates: ', inUse: 'Signed in to: ' },
} as const;

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`server address in Settings (${lang})`, () => {
    test.use({ locale: lang === 'en' ? 'en-US' : 'zh-CN' });

    test('an admin changes it (bad input is refused) and resets it; a rep only reads it', async ({ page, browser }) => {
      const t = T[lang];
      const rep = await newRep();
      const admin = await newUserIn(rep.territoryId, ['admin'], lang === 'en' ? 'IT Admin' : '系统管理员');
      await openApp(page, lang, admin);
      await page.getByRole('link', { name: L[lang].settings }).click();
      const card = page.getByRole('form', { name: t.title });
      await expect(page.getByText(`${t.inUse}${SERVER_URL}`)).toBeVisible();

      await card.getByRole('textbox', { name: t.label }).fill('ftp://crm.example.com');
      await card.getByRole('button', { name: t.save }).click();
      await expect(page.getByRole('alert')).toHaveText(t.invalid);
      await expect(page.getByTestId('server-configured')).not.toContainText('ftp://');

      await card.getByRole('textbox', { name: t.label }).fill('crm.example.com/fieldbook/');
      await card.getByRole('button', { name: t.save }).click();
      await expect(page.getByText(t.saved, { exact: true })).toBeVisible();
      await expect(page.getByTestId('server-configured')).toHaveText(`${t.configured}http://crm.example.com/fieldbook`);
      await card.getByRole('textbox', { name: t.label }).scrollIntoViewIfNeeded();
      await shot(page, `server-settings-admin-${lang}`);

      // Kept across a reload (browser: localStorage; desktop: userData/server-settings.json).
      await page.reload();
      await expect(page.getByTestId('server-configured')).toHaveText(`${t.configured}http://crm.example.com/fieldbook`);
      await page.getByRole('button', { name: t.clear }).click();
      await expect(page.getByTestId('server-configured')).not.toContainText('crm.example.com');

      const repPage = await (await browser.newContext({ locale: lang === 'en' ? 'en-US' : 'zh-CN' })).newPage();
      await openApp(repPage, lang, rep);
      await repPage.getByRole('link', { name: L[lang].settings }).click();
      await expect(repPage.getByRole('heading', { name: t.title })).toBeVisible();
      await expect(repPage.getByRole('textbox', { name: t.label })).toHaveCount(0);
    });
  });
}
