import { expect, test } from '@playwright/test';
import type { FieldbookTestHooks } from '../../renderer/src/testing/testHooks';
import {
  DEMO_PASSWORD, L, addVisit, asAdmin, createCustomer, newRep, openApp, serverDocs, type TestUser,
} from './fixtures';
import { FB, expectSynced, feedbackBlock, feedbackDialog, fillFeedback, look, pushAs, reportDialog } from './feedbackFixtures';

type TestWindow = Window & { fieldbookTest?: FieldbookTestHooks };

/**
 * Feedback capture (from a customer file, a submitted contact and the contact form), the feedback
 * list and its filters, append-only captured text with follow-ups, and adverse-event reports:
 * the quick form, "not yet sent" offline, the 24-hour warning, sent before anything else, and the
 * pharmacovigilance queue. Real Chromium, real sync server with the demo organisation.
 */

// Several screens, two devices and offline/online rounds per test, on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });

const CARDIOLIN = '康脉宁 Cardiolin 5 mg';
const GLUCOSTAT = '糖平 Glucostat XR 500 mg';

interface ServerDoc {
  id: string;
  territoryId: string;
  [key: string]: unknown;
}
const inTerritory = async (collection: string, territoryId: string) =>
  (await serverDocs<ServerDoc>(collection)).filter((d) => d.territoryId === territoryId);

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('feedback from a customer file and a submitted contact; list filters; captured text is append-only, follow-ups are added', async ({ page }) => {
    const t = FB['zh-CN'];
    const rep = await openApp(page, 'zh-CN');
    await createCustomer(page, { name: '王建华', code: 'HCP-BJ-FB1', institution: '北京协和医院', department: '心内科' });

    // From the customer file: the kind is asked for first, then the customer's words.
    await feedbackBlock(page, 'zh-CN').getByRole('button', { name: t.capture }).click();
    const dialog = feedbackDialog(page);
    await expect(dialog.getByRole('heading', { name: '王建华 的反馈' })).toBeVisible();
    await dialog.getByRole('button', { name: t.save }).click();
    await expect(dialog.getByText(t.fixErrors)).toBeVisible();
    await dialog.getByRole('button', { name: t.complaint, exact: true }).click();
    await dialog.getByRole('button', { name: t.save }).click();
    await expect(dialog.getByText(t.required).first()).toBeVisible();
    await dialog.getByRole('combobox', { name: t.product }).fill(GLUCOSTAT);
    await dialog.getByRole('textbox', { name: t.words }).fill('糖平最近两个月到货不及时，药房经常断货。');
    await dialog.getByRole('textbox', { name: t.reading }).fill('供货问题，需协调经销商。');
    await look(page, '4a-feedback-dialog-zh-CN');
    await dialog.getByRole('button', { name: t.save }).click();
    await expect(dialog).toHaveCount(0);
    await expect(feedbackBlock(page, 'zh-CN').getByRole('listitem')).toHaveCount(1);
    await expect(feedbackBlock(page, 'zh-CN')).toContainText('糖平最近两个月到货不及时');

    // From a submitted contact: linked to it.
    await addVisit(page, { when: '2026-11-18T10:00', summary: '介绍康脉宁的老年患者数据。' });
    const timeline = page.getByRole('list', { name: L['zh-CN'].timeline });
    await timeline.getByRole('link', { name: /查看/ }).first().click();
    await expect(page.getByText(L['zh-CN'].readOnly)).toBeVisible();
    await page.getByRole('main').getByRole('button', { name: t.capture }).click();
    await fillFeedback(page, { kind: 'rating', stars: 4, product: CARDIOLIN, words: '每天一次，老年患者依从性好。' }, 'zh-CN');
    await page.getByRole('link', { name: '王建华' }).click();
    await expect(feedbackBlock(page, 'zh-CN').getByRole('listitem')).toHaveCount(2);
    await look(page, '4a-customer-feedback-card-zh-CN');

    // The list, filtered on local data.
    await page.getByRole('navigation').getByRole('link', { name: t.nav }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.listTitle })).toBeVisible();
    const rows = page.getByRole('table', { name: '反馈列表' }).getByRole('row');
    await expect(rows).toHaveCount(3);
    await look(page, '4a-feedback-list-zh-CN');
    await page.getByRole('group', { name: t.filterKind }).getByRole('button', { name: t.rating }).click();
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('老年患者依从性好');
    await page.getByRole('group', { name: t.filterKind }).getByRole('button', { name: t.rating }).click();
    await page.getByRole('combobox', { name: t.product }).click();
    await page.getByRole('option', { name: GLUCOSTAT }).click();
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('到货不及时');
    await page.getByRole('group', { name: t.filterStatus }).getByRole('button', { name: t.resolved }).click();
    await expect(page.getByText(t.noMatch)).toBeVisible();
    await page.getByRole('button', { name: t.clearFilters }).first().click();
    await expect(rows).toHaveCount(3);
    await page.getByLabel(t.from).fill('2099-01-01');
    await expect(page.getByText(t.noMatch)).toBeVisible();
    await page.getByLabel(t.from).fill('');
    await expect(rows).toHaveCount(3);

    // Open the complaint: what was captured is shown, not offered for editing; status stays editable.
    await page.getByRole('link', { name: /到货不及时/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: '王建华 的反馈' })).toBeVisible();
    await expect(page.getByText(t.readOnly)).toBeVisible();
    await expect(page.getByRole('textbox', { name: t.words })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: t.reading })).toHaveCount(0);
    await page.getByRole('combobox', { name: t.status }).click();
    await page.getByRole('option', { name: t.resolved }).click();
    await page.getByRole('button', { name: t.saveStatus }).click();
    await expect(page.getByText(t.required)).toBeVisible();
    await page.getByRole('textbox', { name: t.resolution }).fill('经销商已补货 200 盒。');
    await page.getByRole('button', { name: t.saveStatus }).click();
    await expect(page.getByText('状态已保存')).toBeVisible();
    await expect(page.getByRole('button', { name: t.saveStatus })).toBeDisabled();
    await page.getByRole('textbox', { name: t.followUp }).fill('周四到货，已通知药剂科。');
    await page.getByRole('button', { name: t.addFollowUp }).click();
    await expect(page.getByRole('list', { name: '跟进记录' })).toContainText('周四到货，已通知药剂科。');
    await look(page, '4a-feedback-detail-zh-CN');

    // On the server: the status changed, the words did not; the follow-up is its own document.
    await expectSynced(page);
    const feedback = await inTerritory('feedback', rep.territoryId);
    const complaint = feedback.find((f) => f.kind === 'complaint')!;
    expect(complaint).toMatchObject({ status: 'resolved', resolution: '经销商已补货 200 盒。', customerWords: '糖平最近两个月到货不及时，药房经常断货。' });
    const rating = feedback.find((f) => f.kind === 'rating')!;
    expect(rating).toMatchObject({ rating: 4, product: { productId: 'prod-cardiolin', name: CARDIOLIN } });
    const visits = await inTerritory('visits', rep.territoryId);
    expect(rating.visitId).toBe(visits[0]!.id);
    const followUps = (await inTerritory('comments', rep.territoryId)).filter((c) => c.targetId === complaint.id);
    expect(followUps.map((c) => c.text)).toEqual(['周四到货，已通知药剂科。']);

    // Another device of the same rep cannot rewrite the customer's words: the server refuses it.
    const { _deleted: _d, ...current } = complaint as ServerDoc & { _deleted: boolean };
    const answer = await pushAs(rep.userName, 'feedback', [{ newDocumentState: { ...current, customerWords: '改写后的内容', _deleted: false }, assumedMasterState: complaint }]);
    expect(answer.refused).toEqual([expect.objectContaining({ id: complaint.id, reason: 'append_only' })]);
    await page.reload();
    await expect(page.getByText('糖平最近两个月到货不及时，药房经常断货。')).toBeVisible();
  });

  test('a report older than 24 hours and still not sent shows a warning on every screen until it is sent', async ({ page, context }) => {
    const t = FB['zh-CN'];
    const rep = await openApp(page, 'zh-CN');
    await expectSynced(page);
    await context.setOffline(true);
    const capturedAt = new Date(Date.now() - 30.5 * 3_600_000).toISOString();
    await page.evaluate(async (at) => {
      const hooks = (window as TestWindow).fieldbookTest!;
      const user = hooks.currentUser();
      await hooks.insertDocs('adverseevents', [{
        id: `ae-old-${Date.now()}`, territoryId: user.territoryId, repId: user.id,
        patient: { initials: 'Z.Q.', ageYears: 58, sex: 'male' }, reporter: { name: '李主任' }, product: { name: '安眠舒 Somnara 10 mg' },
        event: '夜间梦游。', seriousness: 'serious', capturedAt: at, createdAt: at, updatedAt: at, createdBy: user.id, updatedBy: user.id,
      }]);
    }, capturedAt);
    const banner = page.getByTestId('overdue-reports');
    await expect(banner).toContainText(t.overdue);
    await expect(banner).toContainText('30小时前');
    await expect(page.getByTestId('unsent-reports')).toHaveText('1 份报告未发送');
    await look(page, '4a-overdue-banner-zh-CN');
    await page.getByRole('navigation').getByRole('link', { name: t.nav }).click();
    await expect(banner).toBeVisible();
    await banner.getByRole('link', { name: '查看报告' }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.reportsTitle })).toBeVisible();
    await expect(page.getByTestId('send-state')).toHaveText('尚未发送 · 30小时前记录');
    await look(page, '4a-report-list-overdue-zh-CN');

    await context.setOffline(false);
    await expect(banner).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId('unsent-reports')).toHaveCount(0);
    await expect(page.getByTestId('send-state')).toHaveAttribute('data-sent', 'true');
    const reports = await inTerritory('adverseevents', rep.territoryId);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.receivedAt).toEqual(expect.any(String));
  });

  test('adverse events go to the server before anything else when the connection comes back', async ({ page, context }) => {
    const t = FB['zh-CN'];
    const rep = await openApp(page, 'zh-CN');
    await createCustomer(page, { name: '赵敏', code: 'HCP-BJ-AE1', institution: '北京朝阳医院' });
    await expectSynced(page);
    await context.setOffline(true);

    // First a customer edit, then the report: the edit is older, the report still goes first.
    await page.getByRole('link', { name: L['zh-CN'].edit }).click();
    await page.getByRole('textbox', { name: L['zh-CN'].department, exact: true }).fill('神经内科');
    await page.getByRole('button', { name: L['zh-CN'].save }).click();
    await expect(page.getByRole('heading', { level: 1, name: '赵敏' })).toBeVisible();
    await feedbackBlock(page, 'zh-CN').getByRole('button', { name: t.report }).click();
    const dialog = reportDialog(page);
    await expect(dialog.getByRole('textbox', { name: t.reporterName })).toHaveValue('赵敏');
    await dialog.getByRole('textbox', { name: t.initials }).fill('W.L.');
    await dialog.getByRole('button', { name: t.female, exact: true }).click();
    await dialog.getByRole('combobox', { name: t.aeProduct }).fill(CARDIOLIN);
    await dialog.getByRole('textbox', { name: t.event }).fill('服药后双踝水肿。');
    await dialog.getByRole('radio', { name: t.nonSerious }).check();
    await look(page, '4a-report-dialog-zh-CN');
    await dialog.getByRole('button', { name: t.saveReport }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('unsent-reports')).toBeVisible();

    await context.setOffline(false);
    await expectSynced(page);
    const [report] = await inTerritory('adverseevents', rep.territoryId);
    const customer = (await inTerritory('customers', rep.territoryId)).find((c) => c.name === '赵敏')!;
    expect(customer.department).toBe('神经内科');
    type Entry = { id: number; action: string };
    const reportEntries = (await asAdmin<{ entries: Entry[] }>(`/api/admin/audit?collection=adverseevents&documentId=${report!.id}`)).entries;
    const customerEntries = (await asAdmin<{ entries: Entry[] }>(`/api/admin/audit?collection=customers&documentId=${customer.id}`)).entries;
    const feedbackEntries = (await asAdmin<{ entries: Entry[] }>(`/api/admin/audit?collection=feedback&userId=${report!.repId as string}`)).entries;
    const edit = customerEntries.find((e) => e.action === 'update')!;
    expect(reportEntries).toHaveLength(1);
    expect(reportEntries[0]!.id).toBeLessThan(edit.id);
    expect(feedbackEntries.length).toBe(1);
    expect(reportEntries[0]!.id).toBeLessThan(feedbackEntries[0]!.id);
  });
});

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('the adverse-event quick form: validation, not yet sent offline with the time since capture, then sent with the receipt', async ({ page, context }) => {
    const t = FB.en;
    const rep = await openApp(page, 'en');
    await createCustomer(page, { name: 'Dr. Emily Chen', code: 'HCP-SH-AE2', institution: 'Ruijin Hospital', department: 'Cardiology' }, 'en');
    await expectSynced(page);
    await context.setOffline(true);

    await feedbackBlock(page, 'en').getByRole('button', { name: t.report }).click();
    const dialog = reportDialog(page);
    await expect(dialog.getByRole('heading', { name: t.reportTitle })).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: t.reporterName })).toHaveValue('Dr. Emily Chen');
    await dialog.getByRole('textbox', { name: t.reporterName }).fill('');
    await dialog.getByRole('button', { name: t.saveReport }).click();
    await expect(dialog.getByText(t.aeFixErrors)).toBeVisible();
    await expect(dialog.getByText(t.required)).toHaveCount(6);
    await look(page, '4a-report-validation-en');
    await dialog.getByRole('textbox', { name: t.initials }).fill('J.K.');
    await dialog.getByRole('textbox', { name: 'Age (years)' }).fill('81');
    await dialog.getByRole('button', { name: t.female, exact: true }).click();
    await dialog.getByRole('textbox', { name: t.reporterName }).fill('Dr. Emily Chen');
    await dialog.getByRole('combobox', { name: t.aeProduct }).fill('凝安 Coagusafe 20 mg');
    await dialog.getByRole('textbox', { name: t.event }).fill('Gastrointestinal bleeding four weeks after starting; admitted for transfusion.');
    await dialog.getByRole('radio', { name: t.serious, exact: true }).check();
    await dialog.getByRole('checkbox', { name: t.hospitalisation }).check();
    const tomorrow = new Date(Date.now() + 36 * 3_600_000).toISOString().slice(0, 10);
    await dialog.getByLabel(t.onset).fill(tomorrow);
    await dialog.getByRole('button', { name: t.saveReport }).click();
    await expect(dialog.getByText(t.futureDate)).toBeVisible();
    await dialog.getByLabel(t.onset).fill(new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10));
    await look(page, '4a-report-dialog-en');
    await dialog.getByRole('button', { name: t.saveReport }).click();
    await expect(dialog).toHaveCount(0);

    // Offline: not yet sent, with the time since capture, in the app bar and on the report.
    await expect(page.getByTestId('unsent-reports')).toHaveText('1 report not sent');
    await expect(feedbackBlock(page, 'en').getByTestId('send-state')).toHaveText('Not yet sent · captured just now');
    await page.getByTestId('unsent-reports').click();
    await expect(page.getByRole('heading', { level: 1, name: t.reportsTitle })).toBeVisible();
    await page.getByRole('table', { name: t.reportsTitle }).getByRole('link').first().click();
    await expect(page.getByTestId('not-sent-note')).toContainText('Not yet sent (captured just now)');
    await look(page, '4a-report-not-sent-en');
    await page.reload();
    await expect(page.getByTestId('not-sent-note')).toBeVisible();

    // Online: the server's receipt comes back and is shown.
    await context.setOffline(false);
    await expect(page.getByTestId('send-state').first()).toHaveAttribute('data-sent', 'true', { timeout: 30_000 });
    await expect(page.getByText(/Pharmacovigilance received this report on/)).toBeVisible();
    await expect(page.getByTestId('unsent-reports')).toHaveCount(0);
    await look(page, '4a-report-sent-en');
    // The linked feedback entry goes after the report: wait until everything is on the server.
    await expectSynced(page);
    const [report] = await inTerritory('adverseevents', rep.territoryId);
    expect(report).toMatchObject({ patient: { initials: 'J.K.', ageYears: 81, sex: 'female' }, seriousness: 'serious', seriousnessCriteria: ['hospitalisation'], pvStatus: 'received', product: { productId: 'prod-coagusafe' } });
    const linked = (await inTerritory('feedback', rep.territoryId)).find((f) => f.adverseEventId === report!.id);
    expect(linked).toMatchObject({ kind: 'adverse_event', customerWords: expect.stringContaining('Gastrointestinal bleeding') });
    expect(JSON.stringify(linked)).not.toContain('J.K.');
  });

  test('feedback from the contact form without leaving it, offline; choosing adverse event switches to the report', async ({ page, context }) => {
    const t = FB.en;
    const rep = await openApp(page, 'en');
    await createCustomer(page, { name: 'Dr. Ming Zhao', code: 'HCP-HZ-FB3', institution: 'Zhejiang Provincial Hospital' }, 'en');
    // The whole contact, with its feedback, is captured without a network.
    await expectSynced(page);
    await context.setOffline(true);
    await page.getByRole('link', { name: L.en.logVisit }).click();
    await page.getByRole('textbox', { name: L.en.summary, exact: true }).fill('Discussed Glucostat supply.');
    await page.getByRole('main').getByRole('button', { name: t.capture }).click();

    // "Adverse event" opens the report, carrying over what was typed.
    const dialog = feedbackDialog(page);
    await dialog.getByRole('combobox', { name: t.product }).fill(GLUCOSTAT);
    await dialog.getByRole('textbox', { name: t.words }).fill('Patient had severe nausea after the dose increase.');
    await dialog.getByRole('button', { name: t.adverse }).click();
    const report = reportDialog(page);
    await expect(report.getByRole('combobox', { name: t.aeProduct })).toHaveValue(GLUCOSTAT);
    await expect(report.getByRole('textbox', { name: t.event })).toHaveValue('Patient had severe nausea after the dose increase.');
    await report.getByRole('textbox', { name: t.initials }).fill('Q.');
    await report.getByRole('button', { name: 'Cancel' }).click();
    await expect(report.getByText('Discard what you typed?')).toBeVisible();
    await report.getByRole('button', { name: 'Discard changes' }).click();
    await expect(report).toHaveCount(0);

    // A suggestion from the same form; the contact form is still there with its text.
    await page.getByRole('main').getByRole('button', { name: t.capture }).click();
    await expect(feedbackDialog(page).getByRole('combobox', { name: t.visit })).toHaveText('This contact (not saved yet)');
    await look(page, '4a-feedback-dialog-en');
    await fillFeedback(page, { kind: 'suggestion', words: 'Bilingual patient diaries, please.', reading: 'Marketing has them.' }, 'en');
    await expect(page.getByRole('textbox', { name: L.en.summary, exact: true })).toHaveValue('Discussed Glucostat supply.');
    await page.getByRole('button', { name: L.en.submit, exact: true }).click();
    await expect(page.getByRole('list', { name: L.en.timeline })).toContainText('Discussed Glucostat supply.');
    await expect(feedbackBlock(page, 'en')).toContainText('Bilingual patient diaries, please.');
    await look(page, '4a-customer-feedback-card-en');
    expect(await inTerritory('feedback', rep.territoryId)).toHaveLength(0);

    await context.setOffline(false);
    await expectSynced(page);
    const [visit] = await inTerritory('visits', rep.territoryId);
    const feedback = await inTerritory('feedback', rep.territoryId);
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({ kind: 'suggestion', visitId: visit!.id, repReading: 'Marketing has them.' });
    expect(await inTerritory('adverseevents', rep.territoryId)).toHaveLength(0);

    await page.getByRole('navigation').getByRole('link', { name: t.nav }).click();
    await expect(page.getByRole('table', { name: 'Feedback list' }).getByRole('row')).toHaveCount(2);
    await look(page, '4a-feedback-list-en');
    await page.getByRole('link', { name: /Bilingual patient diaries/ }).click();
    await expect(page.getByText(t.readOnly)).toBeVisible();
    await look(page, '4a-feedback-detail-en');
  });
});

/** A fresh rep's report, pushed as their device would, for the queue tests. */
async function reportFromNewRep(initials: string): Promise<{ rep: TestUser; id: string }> {
  const rep = await newRep('药物警戒测试代表');
  const users = await asAdmin<{ users: { id: string; userName: string }[] }>('/api/admin/users');
  const repId = users.users.find((u) => u.userName === rep.userName)!.id;
  const now = new Date().toISOString();
  const id = `ae-pv-${initials.replace(/\W/g, '')}-${Date.now()}`;
  const doc = {
    id, territoryId: rep.territoryId, repId, patient: { initials, ageYears: 64, sex: 'male' }, reporter: { name: '刘主任', role: '主任医师' },
    product: { productId: 'prod-somnara', name: '安眠舒 Somnara 10 mg' }, event: `${initials}: 服药后次日嗜睡，驾车时险些发生事故。`,
    seriousness: 'serious', seriousnessCriteria: ['medically_important'], capturedAt: now, createdAt: now, updatedAt: now, createdBy: repId, updatedBy: repId, _deleted: false,
  };
  const answer = await pushAs(rep.userName, 'adverseevents', [{ newDocumentState: doc }]);
  expect(answer.refused).toEqual([]);
  return { rep, id };
}

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(`pharmacovigilance queue (${lang})`, () => {
    test.use({ locale: lang === 'en' ? 'en-US' : 'zh-CN' });

    test('an admin acknowledges a received report; the rep sees it; offline the page says it needs the network', async ({ page, context, browser }) => {
      const t = FB[lang];
      const initials = lang === 'en' ? 'P.V.E.' : 'P.V.Z.';
      const { rep, id } = await reportFromNewRep(initials);

      await openApp(page, lang, { userName: 'admin', password: DEMO_PASSWORD, territoryId: '' });
      await page.getByRole('navigation').getByRole('link', { name: t.pvNav }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.pvTitle })).toBeVisible();
      const row = page.getByRole('row', { name: new RegExp(initials.replace(/\./g, '\\.')) });
      await expect(row).toBeVisible();
      await look(page, `4a-pv-queue-${lang}`);
      await row.getByRole('button', { name: t.acknowledge, exact: true }).click();
      await expect(row).toHaveCount(0);
      await page.getByRole('tab', { name: t.acknowledgedTab }).click();
      await expect(page.getByRole('row', { name: new RegExp(initials.replace(/\./g, '\\.')) })).toBeVisible();
      const audit = (await asAdmin<{ entries: { action: string; newValue: { pvStatus?: string } }[] }>(`/api/admin/audit?collection=adverseevents&documentId=${id}`)).entries;
      expect(audit.map((e) => [e.action, e.newValue.pvStatus])).toEqual([['create', 'received'], ['update', 'acknowledged']]);

      await context.setOffline(true);
      await expect(page.getByTestId('pv-offline')).toContainText(t.pvOffline);
      await look(page, `4a-pv-offline-${lang}`);
      await context.setOffline(false);

      // The acknowledgement syncs to the rep's device; a rep has no queue.
      const repContext = await browser.newContext({ locale: lang === 'en' ? 'en-US' : 'zh-CN' });
      const repPage = await repContext.newPage();
      await openApp(repPage, lang, rep);
      await expect(repPage.getByRole('navigation').getByRole('link', { name: t.pvNav })).toHaveCount(0);
      await repPage.goto(`./#/adverse-events/${id}`);
      await expect(repPage.getByText(lang === 'en' ? 'Acknowledged by PV' : '药物警戒已确认').first()).toBeVisible({ timeout: 20_000 });
      await look(repPage, `4a-report-acknowledged-${lang}`);
      await repContext.close();
    });
  });
}
