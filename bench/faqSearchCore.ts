/**
 * What the FAQ search benchmark measures, shared by the Node run (faqSearch.bench.ts) and the
 * in-browser run of the suite (bench/page): the query set, a seeded shuffle and the cost of one
 * keystroke in the app (the ranked search plus the marked title and excerpt of every row shown).
 * Pure: no Node, no DOM.
 */
import type { Article } from '../shared/schemas/article';
import type { ArticleSearchIndex } from '../shared/search/articleSearch';
import { articleHighlightParts, articleSnippet } from '../shared/search/articleSearch';

export const QUERIES = [
  // Chinese: words, as ICU splits them or not, and whole questions as a rep types them.
  '不良反应', '医保', '降压', '康脉宁', '肾功能', '低血糖', '剂量调整', '妊娠', '漏服', '配送',
  '康脉宁老年患者的剂量', '老年患者能用康脉宁吗', '糖平缓释片的胃肠道反应比普通片少吗？', '凝安和阿司匹林能一起用吗', '投诉处理流程是什么',
  '药', '肿',
  // English: words, stems, prefixes while typing, several words.
  'myalgia', 'elderly dose', 'hypertension', 'hyperten', 'warfa', 'complaint procedure', 'reimbursement',
  'How should Cardiolin be dosed in renal impairment?', 'adverse event reporting within 24 hours', 'do',
  // Mixed and nowhere.
  '康脉宁 elderly', 'Glucostat 胃肠道', 'LDL-C 降低', 'pregnancy 禁忌', 'zzyzx', '麒麟',
];

export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** A seeded shuffle, so the order of queries does not favour a warm cache for one of them. */
export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** One keystroke: search, then what ArticleResults renders for every hit (title, excerpt, product, tags). */
export function keystroke(index: ArticleSearchIndex, query: string): number {
  const { hits } = index.search(query, { publishedOnly: true });
  let marks = 0;
  for (const h of hits) {
    const a: Article = h.article;
    marks += articleHighlightParts(a.title, query).length + articleSnippet(a.body, query, 180).length;
    if (a.product) marks += articleHighlightParts(a.product.name, query).length;
    for (const tag of a.tags ?? []) marks += articleHighlightParts(`#${tag}`, query).length;
  }
  return hits.length + marks;
}
