import { expect, type Locator, type Page } from '@playwright/test';
import { apiSignIn, SERVER_URL, shot, type Lang } from './fixtures';

/** Labels of the feedback and adverse-event screens, as a user reads them. */
export const FB = {
  'zh-CN': {
    nav: '反馈', listTitle: '客户反馈', block: '客户反馈', capture: '记录反馈', save: '保存反馈', kind: '类型',
    complaint: '投诉', rating: '满意度评分', suggestion: '建议', adverse: '不良事件', product: '产品', words: '客户原话', reading: '我的解读',
    status: '状态', resolved: '已解决', resolution: '处理结果', saveStatus: '保存状态', followUp: '添加跟进', addFollowUp: '添加跟进',
    stars: (n: number) => `${n} 星`, required: '必填', fixErrors: '请修改标出的字段。', readOnly: '已记录的内容不能修改',
    report: '报告不良事件', reportTitle: '报告不良事件', saveReport: '保存报告', initials: '患者姓名缩写', female: '女', reporterName: '报告人姓名',
    aeProduct: '我司产品', event: '事件经过', onset: '发生日期', serious: '严重', nonSerious: '非严重', hospitalisation: '住院',
    aeFixErrors: '报告缺少标出的必填项。', futureDate: '日期不能晚于今天', notSent: '尚未发送', sent: '已发送',
    overdue: '超过 24 小时', pvNav: '药物警戒', pvTitle: '药物警戒待办', acknowledge: '确认', acknowledgedTab: '已确认',
    pvOffline: '待办列表保存在服务器上', reportsTitle: '不良事件报告', clearFilters: '清除筛选', noMatch: '没有符合筛选条件的反馈。',
    from: '开始日期', to: '结束日期', visit: '相关拜访', filterKind: '按类型筛选', filterStatus: '按状态筛选',
  },
  en: {
    nav: 'Feedback', listTitle: 'Feedback', block: 'Feedback', capture: 'Capture feedback', save: 'Save feedback', kind: 'Kind',
    complaint: 'Complaint', rating: 'Rating', suggestion: 'Suggestion', adverse: 'Adverse event', product: 'Product', words: 'What the customer said', reading: 'Your reading',
    status: 'Status', resolved: 'Resolved', resolution: 'Resolution', saveStatus: 'Save status', followUp: 'Add a follow-up', addFollowUp: 'Add follow-up',
    stars: (n: number) => `${n} stars`, required: 'Required', fixErrors: 'Please correct the highlighted fields.', readOnly: 'What was captured can’t be changed',
    report: 'Report adverse event', reportTitle: 'Report an adverse event', saveReport: 'Save report', initials: 'Patient initials', female: 'Female', reporterName: 'Reporter’s name',
    aeProduct: 'Our product', event: 'What happened', onset: 'Onset date', serious: 'Serious', nonSerious: 'Not serious', hospitalisation: 'Hospitalisation',
    aeFixErrors: 'The report needs the highlighted items.', futureDate: 'The date cannot be in the future', notSent: 'Not yet sent', sent: 'Sent',
    overdue: 'more than 24 hours', pvNav: 'Pharmacovigilance', pvTitle: 'Pharmacovigilance queue', acknowledge: 'Acknowledge', acknowledgedTab: 'Acknowledged',
    pvOffline: 'The queue is kept on the server', reportsTitle: 'Adverse-event reports', clearFilters: 'Clear filters', noMatch: 'No feedback matches these filters.',
    from: 'From', to: 'To', visit: 'Contact', filterKind: 'Filter by kind', filterStatus: 'Filter by status',
  },
} as const;

/** A screenshot for review, where the other specs put theirs (test-results/screenshots/). */
export const look = (page: Page, name: string): Promise<void> => shot(page, name);

export const feedbackDialog = (page: Page): Locator => page.getByTestId('feedback-dialog').getByRole('dialog');
export const reportDialog = (page: Page): Locator => page.getByTestId('adverse-event-dialog').getByRole('dialog');
export const feedbackBlock = (page: Page, lang: Lang): Locator => page.getByRole('region', { name: FB[lang].block, exact: true });

export interface NewFeedback {
  kind: 'complaint' | 'rating' | 'suggestion';
  stars?: number;
  product?: string;
  words?: string;
  reading?: string;
}

/** Fills the open capture dialog and saves it. */
export async function fillFeedback(page: Page, f: NewFeedback, lang: Lang): Promise<void> {
  const t = FB[lang];
  const dialog = feedbackDialog(page);
  await dialog.getByRole('button', { name: t[f.kind], exact: true }).click();
  if (f.stars) {
    // The star radios are visually hidden: click the star, as a user does.
    const id = await dialog.getByRole('radio', { name: t.stars(f.stars), exact: true }).getAttribute('id');
    await dialog.locator(`label[for="${id}"]`).click();
    await expect(dialog.getByRole('radio', { name: t.stars(f.stars), exact: true })).toBeChecked();
  }
  if (f.product) await dialog.getByRole('combobox', { name: t.product }).fill(f.product);
  if (f.words) await dialog.getByRole('textbox', { name: t.words }).fill(f.words);
  if (f.reading) await dialog.getByRole('textbox', { name: t.reading }).fill(f.reading);
  await dialog.getByRole('button', { name: t.save }).click();
  await expect(dialog).toHaveCount(0);
}

/** The rep's access token, to act as another device of the same rep. */
export async function pushAs(userName: string, collection: string, rows: unknown[]): Promise<{ conflicts: unknown[]; refused: { id: string; reason: string }[] }> {
  const token = await apiSignIn(userName);
  const res = await fetch(`${SERVER_URL}/api/sync/${collection}/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ rows }),
  });
  if (!res.ok) throw new Error(`push ${collection}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { conflicts: unknown[]; refused: { id: string; reason: string }[] };
}

/** Waits until the sync status says everything is on the server. */
export async function expectSynced(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('synced');
}
