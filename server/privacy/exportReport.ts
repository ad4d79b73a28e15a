import type { SyncDoc } from '../../shared/sync/protocol';
import type { AuditEntry } from '../store/types';
import { SUBJECT_COLLECTIONS, type CustomerData, type SubjectCollection } from './customerData';

/** The machine-readable export of one customer's data (PIPL art. 45 / GDPR art. 15 and 20). */
export interface CustomerExport {
  format: 'fieldbook.customer-data-export';
  version: 1;
  exportedAt: string;
  exportedBy: string;
  customer: SyncDoc<'customers'>;
  visits: SyncDoc<'visits'>[];
  activities: SyncDoc<'activities'>[];
  feedback: SyncDoc<'feedback'>[];
  adverseEvents: SyncDoc<'adverseevents'>[];
  questions: SyncDoc<'questions'>[];
  reminders: SyncDoc<'reminders'>[];
  comments: SyncDoc<'comments'>[];
  conflicts: SyncDoc<'conflicts'>[];
  audit: AuditEntry[];
  counts: Record<SubjectCollection | 'audit', number>;
}

export function buildExport(data: CustomerData, audit: AuditEntry[], meta: { at: string; by: string }): CustomerExport {
  const r = data.records;
  const counts = Object.fromEntries(SUBJECT_COLLECTIONS.map((c) => [c, c === 'customers' ? 1 : r[c].length])) as Record<SubjectCollection, number>;
  return {
    format: 'fieldbook.customer-data-export',
    version: 1,
    exportedAt: meta.at,
    exportedBy: meta.by,
    customer: data.customer,
    visits: r.visits,
    activities: r.activities,
    feedback: r.feedback,
    adverseEvents: r.adverseevents,
    questions: r.questions,
    reminders: r.reminders,
    comments: r.comments,
    conflicts: r.conflicts,
    audit,
    counts: { ...counts, audit: audit.length },
  };
}

// ---- readable report (Markdown, bilingual headings) ---------------------------------------

const cell = (v: unknown): string => {
  const text = v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').slice(0, 500);
};

function fieldTable(doc: Record<string, unknown>): string[] {
  const lines = ['| 字段 Field | 值 Value |', '| --- | --- |'];
  for (const [k, v] of Object.entries(doc)) if (v !== undefined && k !== '_deleted') lines.push(`| ${cell(k)} | ${cell(v)} |`);
  return lines;
}

function table(rows: Record<string, unknown>[], columns: readonly string[]): string[] {
  if (rows.length === 0) return ['无 None.'];
  return [`| ${columns.join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${columns.map((c) => cell(r[c])).join(' | ')} |`)];
}

const SECTIONS: { key: keyof CustomerExport; title: string; columns: readonly string[] }[] = [
  { key: 'visits', title: '拜访与联系 Visits and contacts', columns: ['id', 'startAt', 'kind', 'status', 'location', 'productsPresented', 'summary', 'nextStep', 'followUpDate'] },
  { key: 'activities', title: '市场活动 Marketing activities', columns: ['id', 'name', 'kind', 'startDate', 'endDate'] },
  { key: 'feedback', title: '反馈 Feedback', columns: ['id', 'capturedAt', 'kind', 'product', 'rating', 'customerWords', 'repReading', 'status'] },
  { key: 'adverseEvents', title: '不良事件 Adverse events', columns: ['id', 'capturedAt', 'product', 'event', 'reporter', 'seriousness', 'pvStatus'] },
  { key: 'questions', title: '问题 Questions', columns: ['id', 'askedAt', 'type', 'text', 'status', 'answer'] },
  { key: 'reminders', title: '提醒 Reminders', columns: ['id', 'kind', 'title', 'dueDate', 'status'] },
  { key: 'comments', title: '评论 Comments', columns: ['id', 'at', 'kind', 'targetCollection', 'targetId', 'text'] },
  { key: 'conflicts', title: '同步冲突记录 Sync conflict records', columns: ['id', 'targetCollection', 'documentId', 'field', 'keptValue', 'otherValue', 'status'] },
];

export function markdownReport(e: CustomerExport): string {
  const lines: string[] = [
    `# 客户个人数据报告 · Personal data report: ${cell(e.customer.name)} (${cell(e.customer.code)})`,
    '',
    `导出时间 Exported at: ${e.exportedAt} · 导出人 Exported by: ${e.exportedBy}`,
    '',
    '## 数量 Counts',
    '',
    ...table([e.counts as unknown as Record<string, unknown>], Object.keys(e.counts)),
    '',
    '## 客户档案 Customer record',
    '',
    ...fieldTable(e.customer as unknown as Record<string, unknown>),
  ];
  for (const s of SECTIONS) {
    const rows = e[s.key] as unknown as Record<string, unknown>[];
    lines.push('', `## ${s.title} (${rows.length})`, '', ...table(rows, s.columns));
  }
  lines.push('', `## 审计记录 Audit trail (${e.audit.length})`, '',
    ...table(e.audit.map((a) => ({ ...a, document: `${a.collection}/${a.documentId}` })) as unknown as Record<string, unknown>[], ['id', 'at', 'action', 'document', 'userId', 'deviceId']),
    '', '完整的字段值见 JSON 导出。The full values of every record and audit entry are in the JSON export.', '');
  return lines.join('\n');
}
