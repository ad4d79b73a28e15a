import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, openApp, customerList } from './fixtures';
import { goToday, section } from './todayFixtures';

test.use({ locale: 'zh-CN' });
test('debug reload', async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page, 'zh-CN', { userName: 'zhang.wei', password: DEMO_PASSWORD, territoryId: 't-bj' });
  await expect(customerList(page).getByRole('link').first()).toBeVisible({ timeout: 60_000 });
  for (let i = 0; i < 2; i++) {
    const t0 = Date.now();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '客户' })).toBeVisible({ timeout: 60_000 });
    const t1 = Date.now();
    await expect(customerList(page).getByRole('link').first()).toBeVisible({ timeout: 60_000 });
    console.log('customers reload', i, t1 - t0, Date.now() - t0);
  }
  await goToday(page);
  for (let i = 0; i < 2; i++) {
    const t0 = Date.now();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '今天' })).toBeVisible({ timeout: 60_000 });
    const t1 = Date.now();
    await expect(section(page, '已逾期').getByRole('listitem').first()).toBeVisible({ timeout: 60_000 });
    console.log('today reload', i, t1 - t0, Date.now() - t0);
  }
  const t0 = Date.now();
  await page.getByRole('navigation').getByRole('link', { name: '客户', exact: true }).click();
  await expect(customerList(page).getByRole('link').first()).toBeVisible({ timeout: 60_000 });
  console.log('nav to customers', Date.now() - t0);
  const t2 = Date.now();
  await goToday(page);
  await expect(section(page, '已逾期').getByRole('listitem').first()).toBeVisible({ timeout: 60_000 });
  console.log('nav to today', Date.now() - t2);
});
