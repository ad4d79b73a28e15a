import { expect, test } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';
import { parseCsv } from '../../shared/export/csv';
import { DEMO_PASSWORD, L, openApp, serverDocs, type Lang } from './fixtures';
import { NAMES, seedTeamFixture } from './teamData';
import { TM, expectSynced, exportFile, goOffline, kpi, newTeam, openTeam, shotTo, tableText, useTheme } from './teamFixtures';

test.use({ timezoneId: 'UTC', locale: 'zh-CN' });

const WANG = { userName: 'wang.manager', password: DEMO_PASSWORD, territoryId: 't-bj' };

test.describe('dashboards of the demo north team, in both languages and both themes', () => {
  for (const [lang, locale] of [['zh-CN', 'zh-CN'], ['en', 'en-US']] as const) {
    for (const theme of ['light', 'dark'] as const) {
      test(`${lang} ${theme}`, async ({ browser }) => {
        const context = await browser.newContext({ locale, timezoneId: 'UTC' });
        await useTheme(context, theme);
        const page = await context.newPage();
        await openApp(page, lang as Lang, WANG);
        await openTeam(page, lang);
        await expect(page.getByTestId('chart-visits').locator('svg').first()).toBeVisible();
        await shotTo(page, `team-overview-${lang}-${theme}`);
        if (theme === 'light') {
          // Exports read back equal the table on screen (counts only: no number formatting), headers in the UI language.
          const t = TM[lang];
          const onScreen = await tableText(page, t.visitsSection);
          expect(onScreen[0]![0]).toBe(t.rep);
          const csv = await exportFile(page, lang, t.visitsSection, 'csv');
          expect(parseCsv(csv.content.toString('utf8'))).toEqual(onScreen);
          const xlsx = await exportFile(page, lang, t.visitsSection, 'xlsx');
          const [sheet, filters] = await readXlsxFile(xlsx.content);
          expect(sheet!.data.map((row) => row.map((cell) => String(cell)))).toEqual(onScreen);
          expect(typeof sheet!.data[1]!.at(-1)).toBe('number');
          expect(filters!.sheet).toBe(t.filtersSheet);
          expect(filters!.data).toContainEqual([t.rep, t.teamRow]);
        }
        await openTeam(page, lang, 'value');
        await expect(page.getByTestId('chart-pareto').locator('svg').first()).toBeVisible();
        await shotTo(page, `team-value-${lang}-${theme}`);
        await openTeam(page, lang, 'activities');
        await expect(page.getByRole('table', { name: TM[lang].activitiesTable(6) })).toBeVisible();
        await shotTo(page, `team-activities-${lang}-${theme}`);
        await context.close();
      });
    }
  }
});

test.describe('a hand-made team', () => {
  test('overview figures match the fixture; drill down to the customers; exports read back', async ({ page }) => {
    test.setTimeout(180_000);
    const { manager, reps } = await newTeam();
    await seedTeamFixture(manager, reps);
    const t = TM['zh-CN'];
    await openApp(page, 'zh-CN', manager);
    await openTeam(page, 'zh-CN');
    // Contacts in 8 whole weeks: v1, v2 (40 days ago is inside), v3, v8, v4, v6; v5 (60 days ago) is before, v7 a draft.
    await expect.poll(() => kpi(page, t.contacts), { timeout: 30_000 }).toBe('6');
    // A: 陈一 (2 days), 林五 (3 days) visited within 30 days, 陈二 (40) not: 2/3. B: 陈三, 林七 yes; 林六 (60), 林九 (never) no: 2/4.
    expect(await kpi(page, t.coverageA)).toBe('67%');
    expect(await kpi(page, t.coverageB)).toBe('50%');
    // v1 (due yesterday, no later contact) and v6 (due 8 days ago); v3 was followed by v8, v4 is due in 5 days.
    expect(await kpi(page, t.overdue)).toBe('2');
    expect(await kpi(page, t.openQuestions)).toBe('1'); // q1
    expect(await kpi(page, t.openComplaints)).toBe('1'); // f1 (f2 is resolved)
    expect(await kpi(page, t.unsent)).toBe('1'); // f3: adverse-event feedback without a report

    const coverage = await tableText(page, t.coverageSection);
    expect(coverage[0]).toEqual(['代表', 'A 类客户', 'A 类已拜访', 'A 类未拜访', 'A 类覆盖率', 'B 类客户', 'B 类已拜访', 'B 类未拜访', 'B 类覆盖率']);
    expect(coverage).toContainEqual(['孙一 Rep Sun', '2', '1', '1', '50%', '1', '1', '0', '100%']);
    expect(coverage).toContainEqual(['钱二 Rep Qian', '1', '1', '0', '100%', '3', '1', '2', '33.3%']);
    expect(coverage).toContainEqual(['全队', '3', '2', '1', '66.7%', '4', '2', '2', '50%']);
    const attention = await tableText(page, t.attention);
    expect(attention).toContainEqual(['孙一 Rep Sun', '1', '1', '0', '1']);
    expect(attention).toContainEqual(['钱二 Rep Qian', '1', '0', '1', '0']);
    expect(attention).toContainEqual(['全队', '2', '1', '1', '1']);
    const weeks = await tableText(page, t.visitsSection);
    expect(weeks.find((r) => r[0] === '孙一 Rep Sun')?.at(-1)).toBe('4');
    expect(weeks.find((r) => r[0] === '钱二 Rep Qian')?.at(-1)).toBe('2');
    expect(weeks.find((r) => r[0] === '全队')?.at(-1)).toBe('6');
    await shotTo(page, 'team-fixture-overview-zh');

    // Drill down: Rep Sun's A customers not visited → 陈二 → the customer file → back to the same list.
    const sunRow = page.getByRole('table', { name: t.coverageSection, exact: true }).getByRole('row').filter({ hasText: '孙一 Rep Sun' });
    await sunRow.getByRole('cell').nth(2).getByRole('button').click();
    const drill = page.getByTestId('drill-panel');
    await expect(drill.getByRole('heading', { name: '未拜访的 A 类客户 · 孙一 Rep Sun' })).toBeVisible();
    await expect(drill.getByRole('row')).toHaveCount(2);
    await shotTo(page, 'team-drill-zh');
    // The drill-down list exports as shown.
    const drillRows = await tableText(page, '未拜访的 A 类客户 · 孙一 Rep Sun');
    expect(drillRows[1]).toEqual([expect.stringMatching(/-c2$/), NAMES.c2, '孙一 Rep Sun', 'A', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), '40']);
    const drillCsv = await exportFile(page, 'zh-CN', '未拜访的 A 类客户 · 孙一 Rep Sun', 'csv');
    expect(parseCsv(drillCsv.content.toString('utf8'))).toEqual(drillRows);
    await drill.getByRole('link', { name: NAMES.c2 }).click();
    await expect(page.getByRole('heading', { level: 1, name: NAMES.c2 })).toBeVisible();
    await page.goBack();
    await expect(page.getByTestId('drill-panel').getByRole('link', { name: NAMES.c2 })).toBeVisible();
    await page.getByRole('button', { name: t.close }).click();

    // One rep: Rep Qian's contacts are v4 and v6.
    await page.getByRole('combobox', { name: t.rep }).click();
    await page.getByRole('option', { name: '钱二 Rep Qian' }).click();
    await expect.poll(() => kpi(page, t.contacts)).toBe('2');
    // Exports follow the filter: only Rep Qian's row, and the filter named in the workbook.
    const qianAttention = await tableText(page, t.attention);
    expect(qianAttention.slice(1).map((r) => r[0])).toEqual(['钱二 Rep Qian', '全队']);
    expect(qianAttention[1]).toEqual(['钱二 Rep Qian', '1', '0', '1', '0']);
    const qianXlsx = await exportFile(page, 'zh-CN', t.attention, 'xlsx');
    const [qianSheet, qianFilters] = await readXlsxFile(qianXlsx.content);
    expect(qianSheet!.data.map((row) => row.map((cell) => String(cell)))).toEqual(qianAttention);
    expect(qianFilters!.data).toContainEqual(['代表', '钱二 Rep Qian']);
    await page.getByRole('combobox', { name: t.rep }).click();
    await page.getByRole('option', { name: t.teamRow }).click();
    await expect.poll(() => kpi(page, t.contacts)).toBe('6');

    // CSV: BOM, headers in the UI language, the raw figures of the table.
    const csv = await exportFile(page, 'zh-CN', t.coverageSection, 'csv');
    expect(csv.download.suggestedFilename()).toMatch(/^AB类覆盖-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = csv.content.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(coverage[0]);
    expect(rows).toContainEqual(['孙一 Rep Sun', '2', '1', '1', '0.5', '1', '1', '0', '1']);
    expect(rows).toContainEqual(['钱二 Rep Qian', '1', '1', '0', '1', '3', '1', '2', String(1 / 3)]);
    expect(rows).toContainEqual(['全队', '3', '2', '1', String(2 / 3), '4', '2', '2', '0.5']);
    expect(rows).toHaveLength(4);

    // xlsx: numbers stay numbers; the filters go to a second sheet.
    const xlsx = await exportFile(page, 'zh-CN', t.attention, 'xlsx');
    expect(xlsx.download.suggestedFilename()).toMatch(/^需要关注-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [sheet, filters] = await readXlsxFile(xlsx.content);
    expect(sheet!.data[0]).toEqual(['代表', '逾期跟进', '待回答问题', '未解决投诉', '未发送的不良事件']);
    expect(sheet!.data).toContainEqual(['孙一 Rep Sun', 1, 1, 0, 1]);
    expect(sheet!.data).toContainEqual(['全队', 2, 1, 1, 1]);
    expect(filters!.sheet).toBe('筛选条件');
    expect(filters!.data).toContainEqual(['代表', '全队']);
    expect(filters!.data).toContainEqual(['拜访间隔（天）', '30']);
  });

  test('a tier suggestion accepted changes the customer for everyone and records the change', async ({ page }) => {
    const { manager, reps } = await newTeam();
    const fx = await seedTeamFixture(manager, reps);
    const t = TM['zh-CN'];
    await openApp(page, 'zh-CN', manager);
    await openTeam(page, 'zh-CN', 'value');
    // By annual sales: 陈一, 陈二 (top 2 of 9 = ranks 0/9, 1/9 < 20%) A; 林五, 林六, 陈三 B; 陈四, 林七, 林八 C; 林九 D.
    // Differ from now: 林五 A→B, 林七 B→C, 林八 D→C, 林九 B→D. Top 20% (2 customers) bring 1.4M of 2.085M = 67%.
    await expect(page.getByRole('table', { name: t.suggestions(4) })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('9 位客户中前 20% 贡献了 67% 的价值。')).toBeVisible();
    const suggestions = await tableText(page, t.suggestions(4));
    expect(suggestions.slice(1).map((r) => [r[2], r[6], r[7]])).toEqual([['林五', 'A', 'B'], ['林七', 'B', 'C'], ['林八', 'D', 'C'], ['林九', 'B', 'D']]);
    await page.getByRole('button', { name: t.acceptFor(NAMES.c5, 'B') }).click();
    await expect(page.getByRole('table', { name: t.suggestions(3) })).toBeVisible();
    await shotTo(page, 'team-value-accepted-zh');
    await expectSynced(page);
    await expect.poll(async () => (await serverDocs<{ id: string; assessment?: { tier?: string } }>('customers')).find((c) => c.id === fx.ids.c5)?.assessment?.tier, { timeout: 20_000 }).toBe('B');
    const history = (await serverDocs<{ kind: string; targetId: string; tierFrom?: string; tierTo?: string; createdBy: string }>('comments')).filter((c) => c.kind === 'tier_change' && c.targetId === fx.ids.c5);
    expect(history).toEqual([expect.objectContaining({ tierFrom: 'A', tierTo: 'B', createdBy: manager.id })]);
  });

  test('activities: cost per contact and what followed; a new activity is picked in the rep\'s visit form', async ({ browser }) => {
    test.setTimeout(180_000);
    const { manager, reps } = await newTeam();
    const fx = await seedTeamFixture(manager, reps);
    const t = TM['zh-CN'];
    const managerContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'UTC' });
    const page = await managerContext.newPage();
    await openApp(page, 'zh-CN', manager);
    await openTeam(page, 'zh-CN', 'activities');
    // act1: 1000 + v6's 200 = 1200 for one contact and one customer; 林七's suggestion f4 followed; v6's follow-up is overdue.
    await expect(page.getByRole('table', { name: t.activitiesTable(1) })).toBeVisible({ timeout: 30_000 });
    const [header, row] = await tableText(page, t.activitiesTable(1));
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('活动')).toBe(fx.activityName);
    expect(cell('总费用')).toBe('1,200.00');
    expect(cell('接触次数')).toBe('1');
    expect(cell('覆盖客户')).toBe('1');
    expect(cell('每次接触成本')).toBe('1,200.00');
    expect(cell('反馈')).toBe('1');
    expect(cell('逾期跟进')).toBe('1');

    await page.getByRole('button', { name: t.newActivity }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: t.activityName }).fill('新品推广会');
    await dialog.getByRole('combobox', { name: '辖区' }).click();
    await page.getByRole('option', { name: new RegExp(`^${reps[1].territoryId}`) }).click();
    await dialog.getByRole('textbox', { name: t.activityCost }).fill('500');
    await shotTo(page, 'team-activity-dialog-zh');
    await dialog.getByRole('button', { name: t.save }).click();
    await expect(page.getByRole('table', { name: t.activitiesTable(2) })).toBeVisible();
    await expectSynced(page);

    // The rep of that territory links a contact to it.
    const repContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'UTC' });
    const rep = await repContext.newPage();
    await openApp(rep, 'zh-CN', reps[1]);
    await rep.goto(`./#/customers/${fx.ids.c5}`);
    await rep.getByRole('link', { name: L['zh-CN'].logVisit }).click();
    await rep.getByRole('textbox', { name: L['zh-CN'].summary, exact: true }).fill('推广会后拜访');
    await rep.getByRole('combobox', { name: t.visitActivity }).click();
    await rep.getByRole('option', { name: /^新品推广会/ }).click();
    await rep.getByRole('button', { name: L['zh-CN'].submit, exact: true }).click();
    await expect(rep.getByRole('list', { name: L['zh-CN'].timeline })).toContainText('推广会后拜访');
    await expectSynced(rep);

    // Back at the manager's: one contact, 500 per contact.
    await expect.poll(async () => {
      const rows = await tableText(page, t.activitiesTable(2));
      const r = rows.find((x) => x[0] === '新品推广会');
      return r ? [r[rows[0]!.indexOf('接触次数')], r[rows[0]!.indexOf('每次接触成本')]] : null;
    }, { timeout: 30_000 }).toEqual(['1', '500.00']);
    await shotTo(page, 'team-activities-fixture-zh');
    await managerContext.close();
    await repContext.close();
  });

  test('coaching: a manager comments offline, the rep reads it after sync', async ({ browser }) => {
    test.setTimeout(180_000);
    const { manager, reps } = await newTeam();
    const fx = await seedTeamFixture(manager, reps);
    const t = TM['zh-CN'];
    const managerContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'UTC' });
    const page = await managerContext.newPage();
    await openApp(page, 'zh-CN', manager);
    await openTeam(page, 'zh-CN');
    await expect.poll(() => kpi(page, t.contacts), { timeout: 30_000 }).toBe('6');
    await expectSynced(page);

    // Offline: the dashboards come from this computer; exports are made here too.
    await goOffline(page, managerContext);
    await page.reload();
    await openTeam(page, 'zh-CN');
    await expect.poll(() => kpi(page, t.contacts)).toBe('6');
    expect(await kpi(page, t.coverageA)).toBe('67%');
    const offlineCsv = await exportFile(page, 'zh-CN', t.attention, 'csv');
    expect(parseCsv(offlineCsv.content.toString('utf8'))).toContainEqual(['全队', '2', '1', '1', '1']);

    await page.goto(`./#/customers/${fx.ids.c3}/visits/${fx.ids.v3}`);
    await expect(page.getByRole('heading', { name: t.coaching })).toBeVisible();
    await page.getByRole('textbox', { name: t.addComment }).fill('跟进做得及时。下次把资料提前一天发给主任。');
    await page.getByRole('button', { name: t.post }).click();
    await expect(page.getByRole('list', { name: '评论' })).toContainText('跟进做得及时');
    await shotTo(page, 'team-coaching-manager-zh');
    await managerContext.setOffline(false);
    await expectSynced(page);

    const repContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'UTC' });
    const rep = await repContext.newPage();
    await openApp(rep, 'zh-CN', reps[0]);
    await rep.goto(`./#/customers/${fx.ids.c3}/visits/${fx.ids.v3}`);
    const comments = rep.getByRole('list', { name: '评论' });
    await expect(comments).toContainText('跟进做得及时。下次把资料提前一天发给主任。', { timeout: 20_000 });
    await expect(comments).toContainText('赵经理 Manager Zhao');
    await expect(rep.getByRole('textbox', { name: t.addComment })).toHaveCount(0); // reps read; managers comment
    await shotTo(rep, 'team-coaching-rep-zh');
    // A rep does not see the team workspace.
    await expect(rep.getByRole('navigation').getByRole('link', { name: t.team, exact: true })).toHaveCount(0);
    await managerContext.close();
    await repContext.close();
  });
});
