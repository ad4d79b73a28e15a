import { expect, test } from '@playwright/test';
import { customerList, openApp, searchCustomers } from './fixtures';

test.use({ locale: 'zh-CN' });

/** What e2e builds (vite --mode e2e) expose; see renderer/src/testing/testHooks.ts. */
type TestWindow = Window & { fieldbookTest?: { seedCustomers(count: number, seed?: number): Promise<number> } };

test('10,000 customers: the list stays virtualised, scrolls to the end and search answers', async ({ page }) => {
  await openApp(page);
  const inserted = await page.evaluate(async () => {
    const hooks = (window as TestWindow).fieldbookTest;
    if (!hooks) throw new Error('test hooks missing: build with --mode e2e');
    return hooks.seedCustomers(10_000);
  });
  expect(inserted).toBe(10_000);
  await page.reload();
  await expect(page.getByText('10000 位客户')).toBeVisible();

  // Only the rows on screen exist in the page.
  const list = customerList(page);
  const rendered = await list.getByRole('listitem').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(80);

  // Scroll to the very end: the last rows are drawn, still only a window of them.
  await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(list.getByRole('listitem').last()).toBeInViewport();
  expect(await list.getByRole('listitem').count()).toBeLessThan(80);

  // Search as you type over 10,000, in Chinese and in pinyin.
  const matches = async () => Number((await page.getByText(/^\d+ \/ 10000$/).innerText()).split(' / ')[0]);
  await searchCustomers(page, '北京');
  await expect(page.getByText(/^\d+ \/ 10000$/)).toBeVisible();
  const beijing = await matches();
  expect(beijing).toBeGreaterThan(100);
  expect(beijing).toBeLessThan(10_000);
  await expect(list.getByRole('link').first()).toContainText('北京');
  await searchCustomers(page, 'beijing');
  await expect.poll(matches).toBeGreaterThanOrEqual(beijing);
  await searchCustomers(page, 'HCP-00042');
  await expect(list.getByRole('link').first()).toContainText('HCP-00042');
  const name = (await list.getByRole('link').first().locator('p').first().innerText()).split('\n')[0]!.trim();
  await searchCustomers(page, '');
  await searchCustomers(page, name);
  await expect(list.getByRole('link', { name: new RegExp(name) }).first()).toBeVisible();
});
