import { expect, test } from '@playwright/test';
import { createCustomer, customerList, L, openApp } from './fixtures';

test.use({ locale: 'en-US' });
const t = L.en;

test('invalid customer input shows the error next to the field and saves nothing', async ({ page }) => {
  await openApp(page, 'en');
  await createCustomer(page, { name: 'Wang Fang', code: 'HCP-001' }, 'en');
  await page.getByRole('link', { name: t.back }).click();

  await page.getByRole('link', { name: t.newCustomer }).first().click();
  await page.getByRole('button', { name: t.save }).click();
  await expect(page.getByRole('textbox', { name: t.name, exact: true })).toHaveAccessibleDescription('Required');

  await page.getByRole('textbox', { name: t.name, exact: true }).fill('Li Ming');
  await page.getByRole('textbox', { name: t.code, exact: true }).fill('HCP-001');
  await page.getByRole('textbox', { name: t.email, exact: true }).fill('li.ming@');
  await page.getByRole('textbox', { name: t.phone, exact: true }).fill('call me');
  await page.getByRole('textbox', { name: t.creditLimit, exact: true }).fill('lots');
  await page.getByRole('button', { name: t.save }).click();

  await expect(page.getByRole('textbox', { name: t.code, exact: true })).toHaveAccessibleDescription('Another customer already has this code');
  await expect(page.getByRole('textbox', { name: t.email, exact: true })).toHaveAccessibleDescription(/email address/);
  await expect(page.getByRole('textbox', { name: t.phone, exact: true })).toHaveAccessibleDescription(/phone number/);
  await expect(page.getByRole('textbox', { name: t.creditLimit, exact: true })).toHaveAccessibleDescription('Enter a number');
  await expect(page.getByRole('textbox', { name: t.email, exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Please correct the highlighted fields.')).toBeVisible();

  // Nothing was saved, not even after a reload.
  await page.reload();
  await page.goto('./#/customers');
  await expect(customerList(page, 'en').getByRole('link')).toHaveCount(1);
  await expect(customerList(page, 'en')).not.toContainText('Li Ming');
});

test('invalid visit input shows the error next to the field and saves nothing', async ({ page }) => {
  await openApp(page, 'en');
  await createCustomer(page, { name: 'Wang Fang', code: 'HCP-001' }, 'en');
  await page.getByRole('link', { name: t.logVisit }).click();
  await page.getByLabel(t.when).fill('2026-11-20T10:00');
  await page.getByRole('textbox', { name: t.duration, exact: true }).fill('half an hour');
  await page.getByLabel(t.followUp).fill('2026-11-01');
  await page.getByRole('button', { name: t.save }).click();
  await expect(page.getByRole('textbox', { name: t.duration, exact: true })).toHaveAccessibleDescription('Enter a number');
  await expect(page.getByLabel(t.followUp)).toHaveAccessibleDescription('The follow-up date is before the contact');

  // Leaving asks first; "Keep editing" keeps every word typed, "Discard changes" leaves.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByRole('textbox', { name: t.duration, exact: true })).toHaveValue('half an hour');
  await page.getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByText('You have unsaved changes. Leave anyway?')).toBeVisible();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await page.getByRole('link', { name: /Wang Fang/ }).click();
  await expect(page.getByText('No visits logged yet.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No visits logged yet.')).toBeVisible();
});
