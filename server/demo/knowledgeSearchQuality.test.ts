/**
 * Search quality on a fixed corpus: the demo knowledge base (about 40 Chinese and English
 * articles about the same products, so every query has near misses). Each query is phrased
 * the way a rep types it, and the named article must come first.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../shared/schemas/article';
import { ArticleSearchIndex, articleHighlightParts } from '../../shared/search/articleSearch';
import { DEMO_ARTICLES } from './knowledgeArticles';
import { DEMO_PRODUCTS } from './seedProducts';

const T = '2026-03-01T08:00:00.000Z';
const products = new Map(DEMO_PRODUCTS.map((p) => [p.id, p]));
const corpus: Article[] = DEMO_ARTICLES.map((a) => {
  const p = a.productId ? products.get(a.productId) : undefined;
  return {
    id: a.id, title: a.title, body: a.body, category: a.category, tags: a.tags, lang: a.lang, version: a.version ?? 1,
    status: a.draft ? 'draft' : 'published', ...(a.draft ? {} : { publishedAt: T }), authorId: 'u-admin',
    ...(p ? { product: { productId: p.id, name: p.name } } : {}),
    createdAt: T, updatedAt: T, createdBy: 'u-admin', updatedBy: 'u-admin',
  };
});
const index = new ArticleSearchIndex();
index.update(corpus);
const first = (q: string) => index.search(q).hits[0]?.article.id;

/** [query, the article that must come first]. */
const FIRST: readonly (readonly [string, string])[] = [
  // Chinese: words, words ICU splits into single characters, and whole questions.
  ['康脉宁不良反应', 'kb-cardiolin-ae'],
  ['西柚汁', 'kb-cardiolin-grapefruit'],
  ['孕妇能用缬平吗', 'kb-valsarin-pregnancy'],
  ['立脂清肌肉酸痛', 'kb-lipoclear-myalgia'],
  ['LDL-C 降低多少', 'kb-lipoclear-ldl'],
  ['糖平 胃肠道反应', 'kb-glucostat-gi'],
  ['肾功能不全的患者怎么用糖平', 'kb-glucostat-renal'],
  ['糖悦低血糖', 'kb-gliptera-hypo'],
  ['凝安 肾功能 剂量', 'kb-coagusafe-renal'],
  ['凝安出血', 'kb-coagusafe-bleeding'],
  ['吸入装置怎么用', 'kb-pulmocare-technique'],
  ['医保报销', 'kb-nrdl-reimbursement'],
  ['集采', 'kb-vbp-explained'],
  ['进院流程', 'kb-hospital-listing'],
  ['样品发放规定', 'kb-samples-rules'],
  ['断货', 'kb-order-delivery'],
  ['听到不良事件怎么办', 'kb-ae-reporting-zh'],
  ['客户投诉质量问题', 'kb-complaint-zh'],
  ['患者援助', 'kb-patient-assistance'],
  ['说明书以外的问题', 'kb-medinfo-zh'],
  ['服务热线', 'kb-hotline-zh'],
  // English: stems, several words, as typed.
  ['Cardiolin elderly dose', 'kb-cardiolin-elderly-en'],
  ['statin drug interactions', 'kb-lipoclear-interactions'],
  ['crush Glucostat tablets', 'kb-glucostat-crush-en'],
  ['switching from warfarin', 'kb-coagusafe-switch-en'],
  ['warfa', 'kb-coagusafe-switch-en'],
  ['volume-based procurement', 'kb-vbp-en'],
  ['sponsorship meals', 'kb-expense-policy-en'],
  ['private hospitals', 'kb-private-hospitals-en'],
  ['adverse event 24 hours', 'kb-ae-reporting-en'],
  ['off-label question', 'kb-medinfo-en'],
  ['expired stock return', 'kb-returns-en'],
  // Mixed 中英.
  ['康脉宁 elderly', 'kb-cardiolin-elderly-en'],
];

describe('search quality on the demo knowledge base', () => {
  it.each(FIRST)('%s → %s first', (query, id) => {
    expect(first(query)).toBe(id);
  });

  it('the top hit has the query words marked in its title or tags', () => {
    for (const [query, id] of FIRST) {
      const a = corpus.find((x) => x.id === id)!;
      const texts = [a.title, ...(a.tags ?? []), a.product?.name ?? ''];
      const marked = texts.some((t) => articleHighlightParts(t, query).some((p) => p.match));
      expect(marked, `${query} in ${id}`).toBe(true);
    }
  });

  it('no hit for a word that is in no article, and drafts stay out', () => {
    expect(index.search('麒麟').hits).toEqual([]);
    expect(index.search('zzyzx').hits).toEqual([]);
    expect(index.search('新规格').hits).toEqual([]);
    expect(index.search('新规格', { publishedOnly: false }).hits[0]?.article.id).toBe('kb-draft-cardiolin-10');
  });

  it('脉康 (both characters of 康脉宁, not its word) finds nothing about Cardiolin', () => {
    expect(index.search('脉康').hits.filter((h) => h.article.product?.productId === 'prod-cardiolin')).toEqual([]);
  });
});
