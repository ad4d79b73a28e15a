import type { Question, Role } from '../../shared/schemas';
import type { SyncDoc } from '../../shared/sync/protocol';
import { createUser } from '../org/org';
import { writeAsSystem } from '../org/systemWrite';
import type { StoredDoc, Store, UserRecord } from '../store/types';
import { DEMO_ARTICLES } from './knowledgeArticles';
import { DEMO_PRODUCTS } from './seedProducts';

/**
 * The demo knowledge base and problem research centre (问题研究中心): ~40 published articles
 * and FAQs (product, business and service knowledge, Chinese and English) about the demo
 * catalogue, two drafts, a product expert and a Medical Affairs user, and questions from reps:
 * open ones in the experts' inbox, answered ones on the customers' files (one promoted to an
 * article, one with an answer the rep has not seen yet). Runs after seedDemo's users,
 * customers and products; writes through the system path (audited).
 */

const EXPERTS: readonly { userName: string; displayName: string; roles: Role[] }[] = [
  { userName: 'liu.expert', displayName: '刘博士（产品专家）', roles: ['expert'] },
  { userName: 'zhou.medical', displayName: '周敏（医学部 Medical Affairs）', roles: ['medical_affairs'] },
];

interface DemoQuestion {
  id: string;
  rep: string;
  type: Question['type'];
  routedTo: Question['routedTo'];
  text: string;
  productId?: string;
  daysAgo: number;
  answer?: { by: string; text: string; daysAgo: number; seen: boolean };
  articleId?: string;
}

const QUESTIONS: readonly DemoQuestion[] = [
  {
    id: 'demo-q-bj-grapefruit', rep: 'zhang.wei', type: 'product_service', routedTo: 'expert', productId: 'prod-cardiolin', daysAgo: 14,
    text: '主任问：康脉宁能和西柚汁一起服用吗？患者早餐习惯喝西柚汁。',
    answer: { by: 'liu.expert', daysAgo: 13, seen: true, text: '氨氯地平经 CYP3A4 代谢，西柚汁可轻度升高血药浓度。说明书建议**避免大量饮用**；偶尔少量一般影响不大。' },
    articleId: 'kb-cardiolin-grapefruit',
  },
  {
    id: 'demo-q-bj-pharmacoeconomics', rep: 'zhang.wei', type: 'market', routedTo: 'expert', productId: 'prod-coagusafe', daysAgo: 3,
    text: '医院药事会要求提供凝安与华法林相比的药物经济学数据，公司有没有可以提供的资料？',
    answer: { by: 'wang.manager', daysAgo: 1, seen: false, text: '市场准入部有一份**药物经济学资料包**（含国内模型研究摘要），可在合规审核后提供给药剂科。请在系统中提交资料申请，注明医院和用途。' },
  },
  {
    id: 'demo-q-bj-vbp', rep: 'zhang.wei', type: 'company_business', routedTo: 'expert', daysAgo: 1,
    text: '康脉宁中选集采后，科室会的预算会不会调整？',
  },
  {
    id: 'demo-q-tj-pregnancy', rep: 'li.na', type: 'product_service', routedTo: 'medical_affairs', productId: 'prod-lipoclear', daysAgo: 2,
    text: '一位患者服用立脂清期间发现怀孕，医生问是否需要立即停药，以及对胎儿的风险。',
  },
  {
    id: 'demo-q-sy-elderly', rep: 'wang.fang', type: 'product_service', routedTo: 'expert', productId: 'prod-gliptera', daysAgo: 6,
    text: '糖悦用于 80 岁以上老年患者有没有需要特别注意的地方？',
  },
  {
    id: 'demo-q-sh-private', rep: 'chen.jie', type: 'company_business', routedTo: 'expert', daysAgo: 9,
    text: 'Do we sponsor department meetings in private hospitals? A private cardiology clinic asked for support.',
    answer: { by: 'emily.manager', daysAgo: 7, seen: true, text: 'Yes, under the same rules as public hospitals: scientific content, registration in advance, modest meals, documented attendance. Brand-building events belong to marketing.' },
    articleId: 'kb-private-hospitals-en',
  },
  {
    id: 'demo-q-hz-crush', rep: 'david.wu', type: 'product_service', routedTo: 'medical_affairs', productId: 'prod-glucostat', daysAgo: 11,
    text: 'Can Glucostat XR be crushed for a patient with swallowing difficulty after a stroke?',
    answer: { by: 'zhou.medical', daysAgo: 10, seen: true, text: 'No. Crushing destroys the extended-release matrix. The physician may consider an immediate-release formulation; Medical Affairs can send the relevant label sections.' },
  },
  {
    id: 'demo-q-gz-rebate', rep: 'sophie.lin', type: 'market', routedTo: 'expert', productId: 'prod-lipoclear', daysAgo: 2,
    text: 'A competitor is offering pharmacies a 15% rebate on statins. How should we respond when the pharmacy asks us to match it?',
  },
];

async function territoryCustomers(store: Store, territoryId: string): Promise<SyncDoc<'customers'>[]> {
  const out: SyncDoc<'customers'>[] = [];
  for (let seq = 0; ;) {
    const page = (await store.pull('customers', seq, 1000, { all: false, territoryIds: [territoryId] })) as StoredDoc<'customers'>[];
    for (const row of page) if (!row.deleted) out.push(row.data);
    if (page.length < 1000) return out;
    seq = page[page.length - 1]!.seq;
  }
}

export interface SeedKnowledgeOptions {
  now: string;
  newId: () => string;
  password: string;
}

export async function seedKnowledge(store: Store, options: SeedKnowledgeOptions): Promise<{ articles: number; questions: number }> {
  const { now, newId, password } = options;
  const nowMs = Date.parse(now);
  const ago = (days: number, hours = 0) => new Date(nowMs - days * 86_400_000 - hours * 3_600_000).toISOString();
  for (const e of EXPERTS) {
    if (!(await store.getUserByName(e.userName))) await createUser(store, { ...e, password, territoryIds: [] }, { now: () => now, newId });
  }
  const users = new Map<string, UserRecord>((await store.listUsers()).map((u) => [u.userName, u]));
  const idOf = (userName: string): string => {
    const user = users.get(userName);
    if (!user) throw new Error(`Demo user ${userName} is missing`);
    return user.id;
  };
  const products = new Map(DEMO_PRODUCTS.map((p) => [p.id, p]));
  const productRef = (id: string | undefined) => {
    const p = id ? products.get(id) : undefined;
    return p ? { product: { productId: p.id, name: p.name } } : {};
  };
  const stamp = (by: string, at: string) => ({ createdAt: at, updatedAt: at, createdBy: by, updatedBy: by });

  const sourceOf = new Map(QUESTIONS.flatMap((q) => (q.articleId ? [[q.articleId, q.id] as const] : [])));
  const articles: SyncDoc<'articles'>[] = DEMO_ARTICLES.map((a) => {
    const at = ago(a.daysAgo, 2);
    const source = sourceOf.get(a.id);
    return {
      id: a.id,
      title: a.title,
      body: a.body,
      ...productRef(a.productId),
      category: a.category,
      tags: a.tags,
      lang: a.lang,
      version: a.version ?? 1,
      status: a.draft ? 'draft' : 'published',
      ...(a.draft ? {} : { publishedAt: at }),
      authorId: idOf(a.author),
      ...(source ? { sourceQuestionId: source } : {}),
      ...stamp(idOf(a.author), at),
      _deleted: false,
    };
  });
  await writeAsSystem(store, 'articles', articles, now);

  const customersOf = new Map<string, SyncDoc<'customers'>[]>();
  const questions: SyncDoc<'questions'>[] = [];
  for (const [i, q] of QUESTIONS.entries()) {
    const rep = users.get(q.rep);
    const territoryId = rep?.territoryIds[0];
    if (!rep || !territoryId) continue;
    let customers = customersOf.get(territoryId);
    if (!customers) {
      customers = (await territoryCustomers(store, territoryId)).filter((c) => c.type === 'hcp');
      customersOf.set(territoryId, customers);
    }
    // A doctor of the rep's territory, picked the same way on every seed.
    const customer = customers.length > 0 ? customers[(i * 7) % customers.length] : undefined;
    const askedAt = ago(q.daysAgo, 3);
    const answerAt = q.answer ? ago(q.answer.daysAgo, 1) : undefined;
    questions.push({
      id: q.id,
      territoryId,
      askedBy: rep.id,
      ...(customer ? { customerId: customer.id } : {}),
      ...productRef(q.productId),
      type: q.type,
      routedTo: q.routedTo,
      text: q.text,
      status: q.answer ? 'answered' : 'open',
      ...(q.answer && answerAt ? { answer: { text: q.answer.text, by: idOf(q.answer.by), at: answerAt }, assigneeId: idOf(q.answer.by) } : {}),
      ...(q.answer?.seen && answerAt ? { answerSeenAt: ago(q.answer.daysAgo - 0.5) } : {}),
      ...(q.articleId ? { articleId: q.articleId } : {}),
      askedAt,
      ...stamp(rep.id, answerAt ?? askedAt),
      _deleted: false,
    });
  }
  await writeAsSystem(store, 'questions', questions, now);
  return { articles: articles.length, questions: questions.length };
}
