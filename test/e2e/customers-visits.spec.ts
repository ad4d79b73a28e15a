import { expect, test, type Page } from '@playwright/test';
import { addVisit, createCustomer, customerList, fillVisit, L, openApp, searchCustomers, shot } from './fixtures';

test.use({ locale: 'zh-CN' });

const ZHANG = {
  name: '张伟',
  code: 'HCP-BJ-0001',
  institution: '北京协和医院',
  department: '心内科',
  city: '北京',
  notes: 'Prefers morning visits; interested in the hypertension trial data',
};

/**
 * The whole rep flow: create, find in both scripts, log a draft and a submitted contact, delete a
 * stray draft, edit the draft, submit it (read-only from then on), reload, all there.
 */
async function repFlow(page: Page, opts: { offline: boolean }) {
  const t = L['zh-CN'];
  await createCustomer(page, ZHANG);
  await page.getByRole('link', { name: t.back }).click();
  await createCustomer(page, { name: 'Dr. Emily Carter', code: 'HCP-SH-0002', institution: 'Shanghai United Hospital', city: '上海' });
  await page.getByRole('link', { name: t.back }).click();

  // Find by Chinese characters, by pinyin (Latin script), by initials, by institution and notes.
  for (const q of ['张伟', 'zhangwei', 'zhang wei', 'zw', '协和', 'xiehe', 'hypertension', 'hcp-bj']) {
    await searchCustomers(page, q);
    await expect(customerList(page).getByRole('link', { name: /张伟/ })).toBeVisible();
    await expect(customerList(page).getByRole('link', { name: /Emily Carter/ })).toHaveCount(0);
  }
  await searchCustomers(page, 'carter');
  await expect(customerList(page).getByRole('link', { name: /Emily Carter/ })).toBeVisible();
  await expect(customerList(page).getByRole('link', { name: /张伟/ })).toHaveCount(0);

  await searchCustomers(page, 'zhang');
  await customerList(page).getByRole('link', { name: /张伟/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '张伟' })).toBeVisible();

  await addVisit(page, {
    when: '2026-11-18T09:30', location: '协和医院门诊楼', duration: '20',
    summary: '介绍了新的降压药临床数据，医生对副作用有疑问。', products: ['络活喜'], nextStep: '送临床文献', followUp: '2026-11-25',
  }, 'zh-CN', 'draft');
  await addVisit(page, { kind: '电话', when: '2026-11-20T14:00', summary: '电话确认文献已收到。' });

  // Newest first; the draft is marked, the submitted contact can only be viewed.
  const timeline = page.getByRole('list', { name: t.timeline });
  const items = timeline.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('电话确认文献已收到');
  await expect(items.nth(1)).toContainText('介绍了新的降压药临床数据');
  await expect(items.nth(1).getByText(t.draft, { exact: true })).toBeVisible();
  await expect(items.first().getByText(t.draft, { exact: true })).toHaveCount(0);
  await expect(items.first().getByRole('link', { name: new RegExp(t.edit) })).toHaveCount(0);
  await expect(items.first().getByRole('link', { name: new RegExp(t.view) })).toBeVisible();

  // A stray draft is deleted, after confirming.
  await addVisit(page, { kind: '邮件', when: '2026-11-21T08:00', summary: '误记的一条邮件。' }, 'zh-CN', 'draft');
  await expect(items).toHaveCount(3);
  await items.first().getByRole('link', { name: new RegExp(t.edit) }).click();
  await page.getByRole('button', { name: t.deleteDraft }).click();
  await page.getByRole('dialog').getByRole('button', { name: t.deleteConfirm, exact: true }).click();
  await expect(items).toHaveCount(2);
  await expect(timeline).not.toContainText('误记的一条邮件');

  // Edit the draft and keep it a draft.
  await items.nth(1).getByRole('link', { name: new RegExp(t.edit) }).click();
  await expect(page.getByRole('textbox', { name: t.summary })).toHaveValue('介绍了新的降压药临床数据，医生对副作用有疑问。');
  await fillVisit(page, { when: '2026-11-18T10:00', summary: '介绍了降压药临床数据；医生要求提供老年患者亚组分析。' });
  await page.getByRole('button', { name: t.saveDraft, exact: true }).click();
  await expect(timeline).toContainText('医生要求提供老年患者亚组分析');
  await expect(items.nth(1).getByText(t.draft, { exact: true })).toBeVisible();
  if (!opts.offline) await page.screenshot({ path: '/tmp/shots/timeline-draft-zh-CN.png' });

  // Submit it: no question asked; from then on it opens read-only.
  await items.nth(1).getByRole('link', { name: new RegExp(t.edit) }).click();
  await page.getByRole('button', { name: t.submit, exact: true }).click();
  await expect(timeline.getByText(t.draft, { exact: true })).toHaveCount(0);
  await items.nth(1).getByRole('link', { name: new RegExp(t.view) }).click();
  await expect(page.getByText(t.readOnly)).toBeVisible();
  await expect(page.getByText('介绍了降压药临床数据；医生要求提供老年患者亚组分析。')).toBeVisible();
  await expect(page.getByText('协和医院门诊楼')).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: t.submit })).toHaveCount(0);
  if (!opts.offline) await page.screenshot({ path: '/tmp/shots/visit-read-only-zh-CN.png' });
  await page.getByRole('link', { name: '张伟' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '张伟' })).toBeVisible();

  if (opts.offline) {
    const status = page.getByTestId('sync-status');
    await expect(status).toHaveAttribute('data-state', 'offline');
    await expect(status).toHaveAttribute('title', '离线：所有操作都保存在本机');
  }

  // Reload: everything comes back from the local database.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '张伟' })).toBeVisible();
  await expect(timeline.getByRole('listitem')).toHaveCount(2);
  await expect(timeline.getByRole('listitem').first()).toContainText('电话确认文献已收到');
  await expect(timeline.getByRole('listitem').nth(1)).toContainText('医生要求提供老年患者亚组分析');
  await expect(timeline).not.toContainText('医生对副作用有疑问');
  await expect(page.getByText('北京协和医院').first()).toBeVisible();
  await expect(page.getByText('Prefers morning visits')).toBeVisible();

  await page.getByRole('link', { name: t.back }).click();
  await searchCustomers(page, '');
  await expect(customerList(page).getByRole('link')).toHaveCount(2);
}

test('a rep creates a customer, finds it in both scripts, logs and edits visits, and reloads', async ({ page }) => {
  await openApp(page);
  await repFlow(page, { offline: false });
});

test('the same flow works with the network cut, including the reload', async ({ page, context }) => {
  await openApp(page);
  // The browser build's offline shell must be in control before the network goes.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '客户' })).toBeVisible();
  await repFlow(page, { offline: true });
  await context.setOffline(false);
});

test.describe('in English', () => {
  test.use({ locale: 'en-US' });
  test('a submitted contact opens read-only with all its fields', async ({ page }) => {
    const t = L.en;
    await openApp(page, 'en');
    await createCustomer(page, { name: 'Dr. Emily Carter', code: 'HCP-LON-001', institution: "St Thomas' Hospital", city: 'London' }, 'en');
    await addVisit(page, {
      when: '2026-11-18T09:30', location: 'Outpatient clinic', duration: '25',
      summary: 'Presented the new antihypertensive data; the doctor asked about safety in elderly patients.',
      products: ['Norvasc'], nextStep: 'Bring the subgroup analysis', followUp: '2026-11-25',
    }, 'en');
    const items = page.getByRole('list', { name: t.timeline }).getByRole('listitem');
    await expect(items.first().getByText(t.draft, { exact: true })).toHaveCount(0);
    await items.first().getByRole('link', { name: new RegExp(t.view) }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Contact with Dr. Emily Carter' })).toBeVisible();
    await expect(page.getByText(t.readOnly)).toBeVisible();
    for (const text of ['Outpatient clinic', '25 min', 'Norvasc', 'Bring the subgroup analysis', 'Presented the new antihypertensive data']) {
      await expect(page.getByRole('definition').filter({ hasText: text })).toBeVisible();
    }
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await page.screenshot({ path: '/tmp/shots/visit-read-only-en.png' });
  });
});

test('the search shortcut focuses the customer search from anywhere', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: '设置' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('searchbox', { name: '搜索客户' })).toBeFocused();
});

test('filters by type and tier', async ({ page }) => {
  await openApp(page);
  await createCustomer(page, { name: '北京协和医院', code: 'HCO-BJ-001', city: '北京' });
  await page.getByRole('link', { name: '编辑' }).click();
  await page.getByRole('combobox', { name: '类型' }).click();
  await page.getByRole('option', { name: '医院 / HCO' }).click();
  await page.getByRole('combobox', { name: '价值分级' }).click();
  await page.getByRole('option', { name: 'A 级' }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByRole('link', { name: '返回客户列表' }).click();
  await createCustomer(page, { name: '李娜', code: 'HCP-BJ-002' });
  await page.getByRole('link', { name: '返回客户列表' }).click();

  const list = customerList(page);
  await expect(list.getByRole('link')).toHaveCount(2);
  await page.getByRole('group', { name: '按类型筛选' }).getByRole('button', { name: '医院' }).click();
  await expect(list.getByRole('link')).toHaveCount(1);
  await expect(list.getByRole('link', { name: /北京协和医院/ })).toBeVisible();
  await page.getByRole('group', { name: '按类型筛选' }).getByRole('button', { name: '医院' }).click();
  await page.getByRole('group', { name: '按分级筛选' }).getByRole('button', { name: 'A 级' }).click();
  await expect(list.getByRole('link')).toHaveCount(1);
  await expect(list.getByRole('link', { name: /北京协和医院/ })).toBeVisible();
  await shot(page, 'customer-list-filtered-zh');
});
