import { expect, test } from '@playwright/test';
import { addVisit, createCustomer, openApp, shot } from './fixtures';

test.describe('default language follows the system', () => {
  test.use({ locale: 'en-GB' });
  test('English system → English UI', async ({ page }) => {
    await openApp(page, 'en');
    await expect(page.getByRole('link', { name: 'New customer' }).first()).toBeVisible();
  });
});

test.describe('switching language', () => {
  test.use({ locale: 'zh-CN' });
  test('changes the UI at once and is kept after a reload', async ({ page }) => {
    await openApp(page, 'zh-CN');
    await page.getByRole('link', { name: '设置' }).click();
    await page.getByRole('radio', { name: 'English' }).check();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Customers' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await page.getByRole('radio', { name: '简体中文' }).check();
    await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  });
});

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`screens in ${lang}`, () => {
    test.use({ locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    test(`customer list, customer file and visit form (${lang})`, async ({ page }) => {
      const zh = lang === 'zh-CN';
      await openApp(page, lang);
      const customers = zh
        ? [
            { name: '张伟', code: 'HCP-BJ-0001', institution: '北京协和医院', department: '心内科', city: '北京' },
            { name: '李娜', code: 'HCP-SH-0002', institution: '复旦大学附属中山医院', department: '内分泌科', city: '上海' },
            { name: '王芳', code: 'HCP-GZ-0003', institution: '中山大学附属第一医院', department: '神经内科', city: '广州' },
          ]
        : [
            { name: 'Dr. Emily Carter', code: 'HCP-LON-001', institution: "St Thomas' Hospital", department: 'Cardiology', city: 'London' },
            { name: 'Dr. Rahul Mehta', code: 'HCP-MAN-002', institution: 'Manchester Royal Infirmary', department: 'Endocrinology', city: 'Manchester' },
            { name: 'Dr. Sarah Kim', code: 'HCP-LEE-003', institution: 'Leeds General Infirmary', department: 'Neurology', city: 'Leeds' },
          ];
      for (const c of customers) {
        await createCustomer(page, c, lang);
        await page.getByRole('link', { name: zh ? '返回客户列表' : 'Back to customers' }).click();
      }
      await shot(page, `customer-list-${lang}`);
      await page.getByRole('link', { name: new RegExp(customers[0]!.name) }).click();
      await addVisit(page, {
        when: '2026-11-18T09:30', location: zh ? '门诊楼三层' : 'Outpatient clinic', duration: '25',
        summary: zh ? '介绍了新的降压药临床数据，医生关注老年患者的安全性。' : 'Presented the new antihypertensive data; the doctor asked about safety in elderly patients.',
        products: [zh ? '络活喜' : 'Norvasc'], nextStep: zh ? '下周送临床文献' : 'Bring the subgroup analysis next week', followUp: '2026-11-25',
      }, lang);
      await shot(page, `customer-file-${lang}`);
      await page.getByRole('link', { name: zh ? '记录拜访' : 'Log visit' }).click();
      await shot(page, `visit-form-${lang}`);
    });
  });
}

test.describe('theme', () => {
  test.use({ locale: 'zh-CN' });
  test('dark theme applies at once and is kept after a reload', async ({ page }) => {
    await openApp(page, 'zh-CN');
    await createCustomer(page, { name: '陈静', code: 'HCP-CD-0001', institution: '四川大学华西医院', department: '呼吸科', city: '成都' });
    await page.getByRole('link', { name: '设置' }).click();
    await page.getByRole('radio', { name: '深色' }).check();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await expect.poll(background).toBe('rgb(15, 20, 24)');
    await page.reload();
    await expect.poll(background).toBe('rgb(15, 20, 24)');
    await page.getByRole('link', { name: '客户' }).click();
    await page.getByRole('link', { name: /陈静/ }).click();
    await shot(page, 'customer-file-dark-zh-CN');
    await page.getByRole('link', { name: '设置' }).click();
    await page.getByRole('radio', { name: '浅色' }).check();
    await expect.poll(background).toBe('rgb(245, 247, 249)');
  });
});
