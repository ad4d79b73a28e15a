import { expect, test, type Page } from '@playwright/test';
import { addVisit, createCustomer, L, newRep, newUserIn, openApp, serverDocs, type Lang } from './fixtures';

/** What e2e builds (vite --mode e2e) expose; see renderer/src/testing/testHooks.ts. */
interface Hooks {
  currentUser(): { id: string; territoryId: string };
  insertDocs(collection: string, docs: readonly object[]): Promise<number>;
}
type TestWindow = Window & { fieldbookTest?: Hooks };

const TEXT = {
  en: {
    customer: 'Dr. Wang Fang', city: 'City', tier: 'Value tier', phone: 'Phone', summary: 'Summary',
    kept: 'Kept in the record', other: 'Other value', use: 'Use this value', keep: 'Keep current',
    missing: 'This record no longer exists on this computer', refused: 'the record can no longer be changed',
    resolved: 'Resolved (3)', applied: 'Applied', dismissed: 'Dismissed', empty: 'No open conflicts', emptyValue: '(empty)', tierA: 'Tier A',
    cityKept: 'Beijing', cityOther: 'Shanghai', second: 'Second Rep', visitSummary: 'Discussed lipid targets after PCI.',
  },
  'zh-CN': {
    customer: '王芳', city: '城市', tier: '价值分级', phone: '电话', summary: '纪要',
    kept: '记录中保留的值', other: '另一个值', use: '使用此值', keep: '保留当前值',
    missing: '此记录在本机上已不存在', refused: '该记录已不能更改',
    resolved: '已处理（3）', applied: '已采用', dismissed: '已忽略', empty: '没有待处理的冲突', emptyValue: '（空）', tierA: 'A 级',
    cityKept: '北京', cityOther: '上海', second: '第二位代表', visitSummary: '讨论了PCI术后患者的降脂目标。',
  },
} as const;

function hooks(page: Page) {
  return {
    currentUser: () => page.evaluate(() => (window as TestWindow).fieldbookTest!.currentUser()),
    insertDocs: (collection: string, docs: object[]) =>
      page.evaluate(([c, d]) => (window as TestWindow).fieldbookTest!.insertDocs(c, d), [collection, docs] as const),
  };
}

/** A conflict document as the server writes it (shared/sync/merge.ts conflictRecords). */
function conflictDoc(territoryId: string, by: string, at: string, patch: Record<string, string>) {
  return {
    id: `k-${Math.random().toString(36).slice(2, 12)}`, territoryId, otherBy: by, otherAt: at, status: 'open',
    createdAt: at, updatedAt: at, createdBy: by, updatedBy: by,
    ...patch,
  };
}

for (const lang of ['en', 'zh-CN'] as const satisfies readonly Lang[]) {
  test.describe(`conflicts page (${lang})`, () => {
    test.use({ locale: lang === 'en' ? 'en-US' : 'zh-CN' });

    test(`shows each open conflict, applies one, dismisses the others, and the customer file has the value (${lang})`, async ({ page }) => {
      const x = TEXT[lang];
      const l = L[lang];
      const rep = await newRep();
      const second = await newUserIn(rep.territoryId, ['rep'], x.second);
      const colleagues = await serverDocs<{ id: string; userName: string }>('colleagues');
      const secondId = colleagues.find((c) => c.userName === second.userName)?.id;
      expect(secondId).toBeTruthy();
      await openApp(page, lang, rep);

      // A customer and a submitted visit, made through the UI.
      await createCustomer(page, { name: x.customer, code: `HCP-${lang}-0101`, city: x.cityKept }, lang);
      const customerId = new URL(page.url()).hash.split('/')[2] as string;
      await addVisit(page, { when: '2026-11-18T09:30', summary: x.visitSummary }, lang);
      const visitHref = await page.getByRole('list', { name: l.timeline }).getByRole('link', { name: new RegExp(l.view) }).getAttribute('href');
      const visitId = visitHref?.split('/').pop() as string;

      // What the server would have written after two offline edits of the same fields.
      const me = await hooks(page).currentUser();
      const t = me.territoryId;
      await hooks(page).insertDocs('conflicts', [
        conflictDoc(t, secondId!, '2026-11-22T09:15:00.000Z', {
          targetCollection: 'customers', documentId: customerId, field: 'address.city',
          keptValue: JSON.stringify(x.cityKept), otherValue: JSON.stringify(x.cityOther),
        }),
        conflictDoc(t, me.id, '2026-11-21T16:40:00.000Z', {
          targetCollection: 'customers', documentId: customerId, field: 'assessment.tier', keptValue: 'null', otherValue: '"A"',
        }),
        conflictDoc(t, secondId!, '2026-11-20T08:05:00.000Z', {
          targetCollection: 'customers', documentId: 'c-gone-0001', field: 'phone', keptValue: '"+86 10 1234 5678"', otherValue: '"+86 21 8765 4321"',
        }),
        conflictDoc(t, secondId!, '2026-11-19T11:00:00.000Z', {
          targetCollection: 'visits', documentId: visitId, field: 'summary',
          keptValue: JSON.stringify(x.visitSummary), otherValue: JSON.stringify(`${x.visitSummary} +`),
        }),
      ]);

      // The navigation shows how many are open.
      const badge = page.getByTestId('open-conflicts');
      await expect(badge).toContainText('4');
      await page.getByRole('link', { name: new RegExp(l.conflicts) }).click();
      await expect(page.getByRole('heading', { level: 1, name: l.conflicts })).toBeVisible();

      const cards = page.getByRole('region', { name: lang === 'en' ? 'Open conflicts' : '待处理的冲突' }).getByRole('article');
      await expect(cards).toHaveCount(4);
      const city = page.getByRole('article', { name: `${x.customer} · ${x.city}` });
      const tier = page.getByRole('article', { name: `${x.customer} · ${x.tier}` });
      const missing = page.getByRole('article', { name: new RegExp(`c-gone-0001 · ${x.phone}`) });
      const visit = page.getByRole('article', { name: new RegExp(`${x.customer} · ${x.summary}$`) });
      // Newest first.
      await expect(cards.first()).toHaveAccessibleName(`${x.customer} · ${x.city}`);
      await expect(city.getByRole('group', { name: x.kept })).toContainText(x.cityKept);
      await expect(city.getByRole('group', { name: x.other })).toContainText(x.cityOther);
      await expect(city.getByRole('group', { name: x.other })).toContainText(x.second);
      await expect(city.getByRole('link', { name: x.customer })).toBeVisible();
      await expect(tier.getByRole('group', { name: x.kept })).toContainText(x.emptyValue);
      await expect(tier.getByRole('group', { name: x.other })).toContainText(x.tierA);
      // A record that is gone, and a submitted visit, can only be dismissed.
      await expect(missing).toContainText(x.missing);
      await expect(missing.getByRole('button', { name: x.use })).toHaveCount(0);
      await expect(visit).toContainText(x.refused);
      await expect(visit.getByRole('button', { name: x.use })).toHaveCount(0);
      await page.screenshot({ path: `/tmp/shots/conflicts-${lang}.png`, fullPage: true });

      await city.getByRole('button', { name: x.use }).click();
      await expect(city).toHaveCount(0);
      await expect(badge).toContainText('3');
      await tier.getByRole('button', { name: x.keep }).click();
      await expect(tier).toHaveCount(0);
      await missing.getByRole('button', { name: x.keep }).click();
      await expect(missing).toHaveCount(0);
      await expect(badge).toContainText('1');
      await expect(cards).toHaveCount(1);

      // Resolved ones are folded away below.
      await page.getByRole('button', { name: x.resolved }).click();
      const resolved = page.getByRole('list', { name: lang === 'en' ? 'Resolved conflicts' : '已处理的冲突' }).getByRole('listitem');
      await expect(resolved).toHaveCount(3);
      await expect(resolved.filter({ hasText: x.applied })).toContainText(x.cityOther);
      await expect(resolved.filter({ hasText: x.dismissed })).toHaveCount(2);
      await page.screenshot({ path: `/tmp/shots/conflicts-resolved-${lang}.png`, fullPage: true });

      await visit.getByRole('button', { name: x.keep }).click();
      await expect(page.getByText(x.empty)).toBeVisible();
      await expect(badge).toHaveCount(0);

      // The customer file has the applied value; the dismissed tier was not set.
      await page.getByRole('link', { name: l.customers, exact: true }).click();
      await page.getByRole('link', { name: new RegExp(x.customer) }).click();
      await expect(page.getByRole('heading', { level: 1, name: x.customer })).toBeVisible();
      await expect(page.getByText(x.cityOther).first()).toBeVisible();
      await expect(page.getByText(x.cityKept)).toHaveCount(0);
      await expect(page.getByText(x.tierA)).toHaveCount(0);

      // It syncs as a normal edit.
      await expect
        .poll(async () => (await serverDocs<{ id: string; address?: { city?: string } }>('customers')).find((c) => c.id === customerId)?.address?.city, { timeout: 20_000 })
        .toBe(x.cityOther);
    });
  });
}
