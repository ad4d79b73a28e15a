import { expect, test } from '@playwright/test';
import { L, createCustomer, customerList, openApp, serverDocs } from './fixtures';
import { K, demoUser, expectSynced, goTo, look, marks, openAs, openKnowledge, result, results, search } from './knowledgeFixtures';

/**
 * The knowledge base, the product catalogue and the problem research centre in real Chromium
 * against the real sync server with the demo organisation: search in Chinese and English with
 * the matches marked, reading offline, a manager publishing what a rep then finds, and a
 * question asked offline that an expert answers and a manager turns into an article.
 */

test.describe('knowledge base search', () => {
  test.use({ locale: 'zh-CN' });

  test('Chinese search marks the matches; articles are read offline', async ({ page, context }) => {
    await openApp(page, 'zh-CN', demoUser('zhang.wei'));
    await expectSynced(page);
    await openKnowledge(page, 'zh-CN');
    const t = K['zh-CN'];

    await search(page, '不良反应', 'zh-CN');
    const first = results(page, 'zh-CN').getByRole('link').first();
    await expect(first).toContainText('康脉宁常见的不良反应有哪些？');
    expect(await marks(first)).toContain('不良反应');
    await expect(result(page, 'zh-CN', '糖平缓释片的胃肠道反应比普通二甲双胍少吗？')).toBeVisible();
    await look(page, 'search-zh');

    // 医保 is two single characters to ICU's word segmentation; it still finds the word, not 医 or 保 alone.
    await search(page, '医保', 'zh-CN');
    await expect(results(page, 'zh-CN').getByRole('link').first()).toContainText('我们的产品医保报销情况汇总');
    expect(await marks(results(page, 'zh-CN').getByRole('link').first())).toContain('医保');

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');
    await search(page, '降压', 'zh-CN');
    await result(page, 'zh-CN', '缬平与康脉宁联合降压的优势').click();
    await expect(page.getByRole('heading', { level: 1, name: '缬平与康脉宁联合降压的优势' })).toBeVisible();
    const article = page.getByRole('article');
    await expect(article.getByRole('table')).toContainText('降压效果');
    expect(await marks(article)).toEqual(expect.arrayContaining(['降压']));
    await look(page, 'article-offline-zh');
    await page.getByRole('link', { name: t.backToKnowledge }).click();
    await expect(page.getByRole('searchbox', { name: t.search })).toHaveValue('降压');
    await context.setOffline(false);
  });

  test('English and mixed 中英 search with stemming, prefixes and marks', async ({ browser }) => {
    const { context, page } = await openAs(browser, 'en', demoUser('chen.jie'));
    await expectSynced(page);
    await openKnowledge(page, 'en');

    await search(page, 'elderly dose', 'en');
    const first = results(page, 'en').getByRole('link').first();
    await expect(first).toContainText('Dosing Cardiolin in elderly hypertensive patients');
    expect(await marks(first)).toEqual(expect.arrayContaining(['Dosing', 'elderly']));
    await look(page, 'search-en');

    // As typed, before the word is complete: a prefix.
    await search(page, 'warfa', 'en');
    await expect(results(page, 'en').getByRole('link').first()).toContainText('Switching a patient from warfarin to Coagusafe');

    await search(page, '康脉宁 elderly', 'en');
    await expect(results(page, 'en').getByRole('link').first()).toContainText('Dosing Cardiolin in elderly hypertensive patients');
    await results(page, 'en').getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dosing Cardiolin in elderly hypertensive patients' })).toBeVisible();
    expect(await marks(page.getByRole('article'))).toEqual(expect.arrayContaining(['elderly', '康脉宁']));
    await look(page, 'article-en');
    await context.close();
  });
});

test.describe('writing knowledge', () => {
  test('a manager writes a draft, publishes it, and a rep then finds it', async ({ browser }) => {
    test.setTimeout(150_000);
    const manager = await openAs(browser, 'zh-CN', demoUser('wang.manager'));
    const rep = await openAs(browser, 'zh-CN');
    await expectSynced(manager.page);
    await expectSynced(rep.page);
    const t = K['zh-CN'];
    const suffix = Date.now().toString(36).slice(-5);
    const title = `凝安漏服一次怎么办？（${suffix}）`;

    await openKnowledge(rep.page, 'zh-CN');
    await search(rep.page, '漏服', 'zh-CN');
    await expect(rep.page.getByRole('region', { name: t.askExpert })).toContainText('没有文章能回答“漏服”。');

    await openKnowledge(manager.page, 'zh-CN');
    await manager.page.getByRole('link', { name: t.newArticle }).click();
    await manager.page.getByRole('textbox', { name: t.editorTitle }).fill(title);
    await manager.page.getByRole('combobox', { name: '产品' }).click();
    await manager.page.getByRole('option', { name: '凝安 Coagusafe 20 mg' }).click();
    await manager.page.getByRole('combobox', { name: t.tags }).fill('漏服');
    await manager.page.keyboard.press('Enter');
    await manager.page.getByRole('textbox', { name: t.editorBody }).fill(
      '**12 小时内**想起：立即补服，次日照常。\n\n| 距下次服药 | 做法 |\n|---|---|\n| > 12 小时 | 补服 |\n| ≤ 12 小时 | 跳过 |\n\n<script>alert(1)</script>',
    );
    const preview = manager.page.getByRole('region', { name: t.preview });
    await expect(preview.getByRole('table')).toContainText('距下次服药');
    await expect(preview.locator('strong')).toHaveText('12 小时内');
    await expect(preview.locator('script')).toHaveCount(0);
    await look(manager.page, 'editor-zh');
    await manager.page.getByRole('button', { name: t.saveDraft }).click();
    await expect(manager.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(manager.page.getByRole('article').getByText(t.draft, { exact: true })).toBeVisible();
    await expectSynced(manager.page);

    // The draft is on the server, but reps never receive it.
    await expect.poll(async () => (await serverDocs<{ title: string; status: string }>('articles')).find((a) => a.title === title)?.status).toBe('draft');
    await search(rep.page, '漏服 ', 'zh-CN');
    await expect(rep.page.getByRole('region', { name: t.askExpert })).toBeVisible();

    await manager.page.getByRole('link', { name: t.edit }).click();
    await manager.page.getByRole('button', { name: t.publish, exact: true }).click();
    await expect(manager.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(manager.page.getByRole('article').getByText(/第 1 版/)).toBeVisible();

    // Live: the rep's open search shows it as soon as it arrives.
    const found = result(rep.page, 'zh-CN', title);
    await expect(found).toBeVisible({ timeout: 20_000 });
    expect(await marks(found)).toContain('漏服');
    await look(rep.page, 'rep-finds-published-zh');
    await found.click();
    await expect(rep.page.getByRole('article').getByRole('table')).toContainText('跳过');
    // A rep cannot edit knowledge.
    await expect(rep.page.getByRole('link', { name: t.edit })).toHaveCount(0);
    await manager.context.close();
    await rep.context.close();
  });
});

test.describe('ask an expert', () => {
  test('a rep asks offline, an expert answers, the rep is told and sees it on the customer file; a manager promotes it', async ({ browser }) => {
    test.setTimeout(200_000);
    const t = K['zh-CN'];
    const rep = await openAs(browser, 'zh-CN');
    const suffix = Date.now().toString(36).slice(-5);
    await createCustomer(rep.page, { name: '孙丽华', code: `SLH-${suffix}`, institution: '北京朝阳医院', department: '心内科' });
    await expectSynced(rep.page);

    await rep.context.setOffline(true);
    await openKnowledge(rep.page, 'zh-CN');
    const question = `哺乳期妇女可以服用凝安吗？${suffix}`;
    await search(rep.page, question, 'zh-CN');
    const noAnswer = rep.page.getByRole('region', { name: t.askExpert });
    await expect(noAnswer).toBeVisible();
    await noAnswer.getByRole('button', { name: t.askExpert }).click();
    const dialog = rep.page.getByRole('dialog', { name: t.askExpert });
    await expect(dialog.getByRole('textbox', { name: t.questionText })).toHaveValue(question);
    await dialog.getByRole('combobox', { name: t.customer }).fill('孙丽华');
    await rep.page.getByRole('option', { name: /孙丽华/ }).click();
    await look(rep.page, 'ask-dialog-zh');
    await dialog.getByRole('button', { name: t.send }).click();
    await expect(rep.page.getByText('问题已保存：下次同步时发给专家')).toBeVisible();

    await goTo(rep.page, t.myQuestions);
    const mine = rep.page.getByRole('article').filter({ hasText: question });
    await expect(mine).toContainText(t.waiting);
    await expect(mine).toContainText('客户：孙丽华');
    await expect(rep.page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');
    await look(rep.page, 'my-questions-offline-zh');
    await rep.context.setOffline(false);
    await expectSynced(rep.page);
    await goTo(rep.page, L['zh-CN'].customers);

    // The expert has no territory and no customers, but the question reaches the inbox.
    const expert = await openAs(browser, 'zh-CN', demoUser('liu.expert'));
    await goTo(expert.page, t.inbox);
    const card = expert.page.getByRole('article').filter({ hasText: question });
    await expect(card).toBeVisible({ timeout: 20_000 });
    await expect(card).toContainText('你辖区之外的客户');
    await look(expert.page, 'inbox-zh');
    const answer = '哺乳期不建议使用凝安：利伐沙班可进入乳汁。请医生评估替代方案，医学部可提供资料。';
    await card.getByRole('textbox').fill(answer);
    await card.getByRole('button', { name: t.sendAnswer }).click();
    await expect(expert.page.getByText('答复已保存：下次同步时送达代表')).toBeVisible();

    // The rep is told, wherever they are in the app, and the badge counts it.
    await expect(rep.page.getByRole('status').filter({ hasText: '专家答复了你的问题' })).toBeVisible({ timeout: 20_000 });
    await expect(rep.page.getByTestId('unseen-answers')).toContainText('1');
    await look(rep.page, 'answer-notification-zh');
    await customerList(rep.page).getByText('孙丽华').first().click();
    const block = rep.page.getByRole('region', { name: t.customerQuestions });
    await expect(block).toContainText(question);
    await expect(block).toContainText(answer);
    await block.scrollIntoViewIfNeeded();
    await look(rep.page, 'customer-questions-zh');
    await goTo(rep.page, t.myQuestions);
    await expect(rep.page.getByRole('article').filter({ hasText: question })).toContainText(t.newAnswer);
    await expect(rep.page.getByTestId('unseen-answers')).toHaveCount(0);
    await expect.poll(async () => (await serverDocs<{ text: string; answerSeenAt?: string }>('questions')).find((q) => q.text === question)?.answerSeenAt, { timeout: 20_000 }).toBeTruthy();

    // A manager of another team turns the answer into a published article in one step.
    const manager = await openAs(browser, 'zh-CN', demoUser('wang.manager'));
    await goTo(manager.page, t.inbox);
    await manager.page.getByRole('tab', { name: t.tabAnswered }).click();
    const answered = manager.page.getByRole('article').filter({ hasText: question });
    await answered.getByRole('button', { name: t.promote }).click();
    await expect(manager.page.getByRole('heading', { level: 1, name: question })).toBeVisible();
    await expect(manager.page.getByText('来自专家答复')).toBeVisible();
    await look(manager.page, 'promoted-zh');

    await openKnowledge(rep.page, 'zh-CN');
    await search(rep.page, `哺乳期 ${suffix}`, 'zh-CN');
    await expect(result(rep.page, 'zh-CN', question)).toBeVisible({ timeout: 20_000 });
    for (const c of [rep, expert, manager]) await c.context.close();
  });
});

test.describe('every screen in both languages', () => {
  test('English: catalogue, product, knowledge with drafts, editor, inbox, my questions, ask dialog', async ({ browser }) => {
    test.setTimeout(120_000);
    const { context, page } = await openAs(browser, 'en', demoUser('emily.manager'));
    const t = K.en;
    await expectSynced(page);
    await goTo(page, t.products);
    await expect(page.getByRole('heading', { level: 1, name: t.catalogue })).toBeVisible();
    await expect(page.getByRole('list', { name: t.productList }).getByRole('link')).toHaveCount(9);
    await look(page, 'products-en');
    await page.getByRole('link', { name: /立脂清 Lipoclear 20 mg/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: '立脂清 Lipoclear 20 mg' })).toBeVisible();
    await expect(page.getByRole('list', { name: t.articles }).getByRole('link')).not.toHaveCount(0);
    await look(page, 'product-en');

    await openKnowledge(page, 'en');
    await page.getByLabel('Include drafts').click();
    await expect(page.getByLabel('Include drafts')).toBeChecked();
    await search(page, 'Coagusafe', 'en');
    await expect(result(page, 'en', 'Coagusafe in patients over 80 (draft)')).toContainText(t.draft);
    await look(page, 'knowledge-drafts-en');
    await page.getByRole('link', { name: t.newArticle }).click();
    await page.getByRole('textbox', { name: t.editorTitle }).fill('Can Lipoclear be taken in the evening?');
    await page.getByRole('textbox', { name: t.editorBody }).fill('Yes. Atorvastatin has a long half-life, so **any time of day** works.\n\n- Take it at the same time every day\n- With or without food\n\n[Label](javascript:alert(1))');
    await expect(page.getByRole('region', { name: t.preview }).locator('a[href^="javascript"]')).toHaveCount(0);
    await look(page, 'editor-en');
    await page.getByRole('link', { name: t.backToKnowledge }).click();
    await page.getByRole('button', { name: 'Discard changes' }).click();

    await goTo(page, t.inbox);
    await expect(page.getByRole('heading', { level: 1, name: t.inbox })).toBeVisible();
    await expect(page.getByRole('article').filter({ hasText: 'A competitor is offering pharmacies a 15% rebate' })).toBeVisible();
    await look(page, 'inbox-en');
    await goTo(page, t.myQuestions);
    await expect(page.getByRole('heading', { level: 1, name: t.myQuestions })).toBeVisible();
    await page.getByRole('button', { name: t.askExpert }).click();
    const dialog = page.getByRole('dialog', { name: t.askExpert });
    await dialog.getByRole('textbox', { name: t.questionText }).fill('Is there head-to-head data versus ticagrelor?');
    await dialog.getByRole('checkbox', { name: t.medical }).check();
    await look(page, 'ask-dialog-en');
    await dialog.getByRole('button', { name: t.send }).click();
    const card = page.getByRole('article').filter({ hasText: 'head-to-head data versus ticagrelor' });
    await expect(card).toContainText('To Medical Affairs');
    await look(page, 'my-questions-en');
    await context.close();
  });

  test('Chinese: catalogue, product, inbox with an answered question, my questions with answers', async ({ browser }) => {
    test.setTimeout(120_000);
    const { context, page } = await openAs(browser, 'zh-CN', demoUser('wang.manager'));
    const t = K['zh-CN'];
    await expectSynced(page);
    await goTo(page, t.products);
    await expect(page.getByRole('heading', { level: 1, name: t.catalogue })).toBeVisible();
    await look(page, 'products-zh');
    await page.getByRole('link', { name: /凝安 Coagusafe 20 mg/ }).click();
    await expect(page.getByText('已批准的产品信息')).toBeVisible();
    await look(page, 'product-zh');
    await goTo(page, t.inbox);
    await page.getByRole('tab', { name: t.tabAnswered }).click();
    await expect(page.getByRole('article').filter({ hasText: '药物经济学数据' })).toContainText('药物经济学资料包');
    await look(page, 'inbox-answered-zh');
    await context.close();

    // zhang.wei has an answer waiting since the seed: told at start, shown as new.
    const rep = await openAs(browser, 'zh-CN', demoUser('zhang.wei'));
    await expect(rep.page.getByRole('status').filter({ hasText: '专家答复了你的问题' })).toBeVisible({ timeout: 20_000 });
    await goTo(rep.page, t.myQuestions);
    await expect(rep.page.getByRole('article').filter({ hasText: '药物经济学数据' })).toContainText(t.newAnswer);
    await look(rep.page, 'my-questions-zh');
    await rep.context.close();
  });
});
