import { describe, expect, it } from 'vitest';
import type { Article } from '../schemas/article';
import { analyze, queryUnits } from './analyze';
import { ArticleSearchIndex, articleHighlightParts, articleSnippet, matchRanges } from './articleSearch';
import { markdownToText } from './markdownText';

const T = '2026-03-01T08:00:00.000Z';
let n = 0;
function article(p: Partial<Article> & Pick<Article, 'title' | 'body'>): Article {
  n += 1;
  return {
    id: p.id ?? `a-${n}`, category: 'product', version: 1, status: 'published', authorId: 'u-admin', lang: 'zh-CN',
    createdAt: T, updatedAt: T, createdBy: 'u-admin', updatedBy: 'u-admin', publishedAt: T, ...p,
  };
}

const CARDIOLIN = { productId: 'prod-cardiolin', name: '康脉宁 Cardiolin 5 mg' };
const LIPOCLEAR = { productId: 'prod-lipoclear', name: '立脂清 Lipoclear 20 mg' };

const docs: Article[] = [
  article({ id: 'elderly', title: '康脉宁用于老年高血压患者的剂量建议', body: '起始剂量 **2.5 mg**，每日一次；根据血压反应在 2–4 周后调整。', tags: ['高血压', '老年'], product: CARDIOLIN }),
  article({ id: 'ae-cardiolin', title: '康脉宁常见的不良反应有哪些？', body: '最常见的是外周水肿和头痛。任何不良事件须在 24 小时内上报药物警戒。', tags: ['安全性'], product: CARDIOLIN }),
  article({ id: 'nrdl', title: '康脉宁是否纳入医保？', body: '已纳入国家医保目录（甲类），门诊可按规定报销。', tags: ['医保', '市场准入'], category: 'business', product: CARDIOLIN }),
  article({ id: 'statin-myalgia', title: 'Lipoclear and muscle pain (myalgia)', body: 'Myalgia is reported in a few percent of patients. Check CK if symptoms are severe.', tags: ['statin', 'safety'], product: LIPOCLEAR, lang: 'en' }),
  article({ id: 'hypertension-en', title: 'Dosing Cardiolin in elderly hypertensive patients', body: 'Start with 2.5 mg once daily and titrate after 2 to 4 weeks.', tags: ['hypertension', 'elderly'], product: CARDIOLIN, lang: 'en' }),
  article({ id: 'mixed', title: '糖平 Glucostat XR 的胃肠道反应', body: 'Glucostat XR 缓释剂型每日一次，胃肠道不良反应少于普通片。Take with the evening meal.', tags: ['糖尿病', 'GI'], product: { productId: 'prod-glucostat', name: '糖平 Glucostat XR 500 mg' } }),
  article({ id: 'complaint', title: 'How to log a product complaint', body: "Record the customer's words verbatim and the batch number. Any side effect is an **adverse event**.", tags: ['complaint', 'quality'], category: 'service', lang: 'en' }),
  article({ id: 'answer-only', title: '服务热线的工作时间', body: '热线周一至周五开放。关于降压药的配送问题也可以咨询热线。', category: 'service' }),
  article({ id: 'tag-only', title: '配送与到货时间', body: '经销商一般在三个工作日内到货。', tags: ['降压'], category: 'service' }),
  article({ id: 'draft', title: '康脉宁新规格（草稿）', body: '10 mg 规格即将上市。', status: 'draft', product: CARDIOLIN }),
];

function index(list: readonly Article[] = docs): ArticleSearchIndex {
  const ix = new ArticleSearchIndex();
  ix.update(list);
  return ix;
}
const ids = (ix: ArticleSearchIndex, q: string, f = {}) => ix.search(q, f).hits.map((h) => h.article.id);
const marked = (text: string, q: string) => articleHighlightParts(text, q).filter((p) => p.match).map((p) => p.text);

describe('analyze', () => {
  it('indexes Han runs as bigrams across ICU word boundaries', () => {
    const terms = analyze('降压药的不良反应').map((t) => t.term);
    expect(terms).toEqual(['降压', '压药', '药的', '的不', '不良', '良反', '反应']);
  });
  it('folds and stems Latin words and drops stop words, keeping positions', () => {
    const tokens = analyze('The Dosing of ＣＡＲＤＩＯＬＩＮ');
    expect(tokens.map((t) => t.term)).toEqual(['dose', 'cardiolin']);
    expect(tokens[0]).toMatchObject({ start: 4, end: 10 });
  });
  it('splits mixed Chinese and English', () => {
    expect(analyze('糖平Glucostat缓释').map((t) => t.term)).toEqual(['糖平', 'glucostat', '缓释']);
  });
  it('query units: single ICU characters rejoined, function words dropped', () => {
    expect(queryUnits('降压').map((u) => u.text)).toEqual(['降压']);
    expect(queryUnits('医保').map((u) => u.text)).toEqual(['医保']);
    expect(queryUnits('降压药的不良反应有哪些？').map((u) => u.text)).toEqual(['降压药', '不良', '反应']);
    expect(queryUnits('How is Cardiolin dosed?').map((u) => u.terms[0])).toEqual(['cardiolin', 'dose']);
    expect(queryUnits('   ')).toEqual([]);
  });
});

describe('markdownToText', () => {
  it('keeps the words, drops syntax and link targets', () => {
    expect(markdownToText('# 标题\n\n- **不良**事件 [SmPC](https://x.org/smpc)\n\n| a | b |\n|---|---|\n| 1 | 2 |')).toBe('标题 不良事件 SmPC a b 1 2');
    expect(markdownToText('<b>x</b> `code`')).toBe('x code');
    expect(markdownToText('a <script type="x">alert(1)</script> b <STYLE>p{}</STYLE> c')).toBe('a b c');
  });
});

describe('ArticleSearchIndex: Chinese', () => {
  const ix = index();
  it('降压 finds 降压药 and a tag 降压 (word segmentation mismatch bridged)', () => {
    expect(ids(ix, '降压')).toEqual(expect.arrayContaining(['answer-only', 'tag-only']));
  });
  it('不良反应 finds both articles that mention it, the one with it in the question first', () => {
    const found = ids(ix, '不良反应');
    expect(found[0]).toBe('ae-cardiolin');
    expect(found).toContain('mixed');
    expect(found).not.toContain('elderly');
  });
  it('医保 finds the reimbursement article (ICU splits 医|保)', () => {
    expect(ids(ix, '医保')).toEqual(['nrdl']);
  });
  it('a product name in Chinese finds its articles; not a character-by-character match', () => {
    expect(ids(ix, '康脉宁')).toEqual(expect.arrayContaining(['elderly', 'ae-cardiolin', 'nrdl', 'hypertension-en']));
    // 脉康 shares both characters with 康脉宁 but is not a word of it.
    expect(ids(ix, '脉康')).toEqual([]);
  });
  it('a whole question ranks the best answer first', () => {
    expect(ids(ix, '康脉宁老年患者的剂量')[0]).toBe('elderly');
  });
  it('single characters joined into a word drop strays no article holds with the rest', () => {
    // ICU: 老年|患者|能|用|康|脉|宁|吗 → 老年 · 患者 · 用康脉宁 → 用康脉宁 is found nowhere with 老年 患者: 康脉宁.
    expect(queryUnits('老年患者能用康脉宁吗').map((u) => u.text)).toEqual(['老年', '患者', '用康脉宁']);
    expect(ix.search('老年患者能用康脉宁吗').units).toEqual(['老年', '患者', '康脉宁']);
    expect(ids(ix, '老年患者能用康脉宁吗')[0]).toBe('elderly');
    // Question phrases ICU splits into a function word and a stray character are no search words.
    expect(queryUnits('不良反应怎么办').map((u) => u.text)).toEqual(['不良', '反应']);
  });
  it('a one-character query finds words holding the character', () => {
    expect(ids(ix, '肿')).toEqual(['ae-cardiolin']);
  });
});

describe('ArticleSearchIndex: English and mixed', () => {
  const ix = index();
  it('case folding and stemming', () => {
    expect(ids(ix, 'MYALGIA')).toEqual(['statin-myalgia']);
    expect(ids(ix, 'dose elderly')[0]).toBe('hypertension-en');
    expect(ids(ix, 'hypertension')).toContain('hypertension-en');
  });
  it('prefix matching while typing', () => {
    expect(ids(ix, 'hyperten')).toContain('hypertension-en');
    expect(ids(ix, 'compl')).toEqual(['complaint']);
  });
  it('mixed 中英 query', () => {
    expect(ids(ix, 'Glucostat 胃肠道')[0]).toBe('mixed');
    expect(ids(ix, '康脉宁 elderly')[0]).toBe('hypertension-en');
  });
  it('no hit for a word that is nowhere', () => {
    expect(ix.search('pregnancy').hits).toEqual([]);
  });
  it('partial matches come after complete ones and are flagged', () => {
    const { hits, units } = ix.search('Cardiolin elderly pregnancy');
    expect(units).toEqual(['cardiolin', 'elderly', 'pregnancy']);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => !h.complete)).toBe(true);
    expect(hits[0]!.article.id).toBe('hypertension-en');
  });
});

describe('ranking: question > tags > answer', () => {
  const same = 'xylo';
  const list = [
    article({ id: 'in-body', title: 'alpha', body: `beta ${same} gamma delta` }),
    article({ id: 'in-title', title: `${same} alpha`, body: 'beta gamma delta' }),
    article({ id: 'in-tags', title: 'alpha', body: 'beta gamma delta', tags: [same] }),
  ];
  it('same word in different fields', () => {
    expect(ids(index(list), same)).toEqual(['in-title', 'in-tags', 'in-body']);
  });
  it('in Chinese too', () => {
    const zh = [
      article({ id: 'zb', title: '说明', body: '关于医保的说明' }),
      article({ id: 'zt', title: '医保说明', body: '说明' }),
      article({ id: 'zg', title: '说明', body: '说明', tags: ['医保'] }),
    ];
    expect(ids(index(zh), '医保')).toEqual(['zt', 'zg', 'zb']);
  });
  it('rarer words weigh more (idf)', () => {
    const list2 = [
      article({ id: 'more-common', title: 'dose renal', body: 'dose dose dose' }),
      article({ id: 'more-rare', title: 'dose renal', body: 'renal' }),
      ...[1, 2, 3, 4].map((i) => article({ id: `filler-${i}`, title: 'dose', body: 'x' })),
    ];
    expect(ids(index(list2), 'dose renal')).toEqual(['more-rare', 'more-common']);
  });
});

describe('filters, empty query and incremental updates', () => {
  it('drafts only when asked; category, product and language filters', () => {
    const ix = index();
    expect(ids(ix, '新规格')).toEqual([]);
    expect(ids(ix, '新规格', { publishedOnly: false })).toEqual(['draft']);
    expect(ids(ix, '康脉宁', { category: 'business' })).toEqual(['nrdl']);
    expect(ids(ix, '', { productId: 'prod-lipoclear' })).toEqual(['statin-myalgia']);
    expect(ids(ix, '', { lang: 'en' }).sort()).toEqual(['complaint', 'hypertension-en', 'statin-myalgia']);
  });
  it('empty query lists published articles, most recent first', () => {
    const ix = index([
      article({ id: 'old', title: 'a', body: 'b', publishedAt: '2026-01-01T00:00:00.000Z' }),
      article({ id: 'new', title: 'a', body: 'b', publishedAt: '2026-02-01T00:00:00.000Z' }),
    ]);
    expect(ids(ix, '')).toEqual(['new', 'old']);
  });
  it('re-analyses changed articles only and forgets removed ones', () => {
    const ix = index();
    expect(ix.size).toBe(docs.length);
    const changed = { ...docs[3]!, title: 'Lipoclear and rhabdomyolysis', updatedAt: '2026-03-02T00:00:00.000Z' };
    ix.update([...docs.slice(0, 3), changed, ...docs.slice(5)]);
    expect(ix.size).toBe(docs.length - 1);
    expect(ids(ix, 'rhabdomyolysis')).toEqual(['statin-myalgia']);
    expect(ids(ix, 'elderly dosing')).not.toContain('hypertension-en');
    // An unchanged version keeps its analysis but hands out the new object.
    const same = { ...docs[0]! };
    ix.update([same]);
    expect(ix.search('老年').hits[0]!.article).toBe(same);
    expect(ids(ix, '医保')).toEqual([]);
  });
});

describe('highlighting', () => {
  it('marks Chinese words found through bigrams', () => {
    expect(marked('康脉宁常见的不良反应有哪些？', '不良反应')).toEqual(['不良反应']);
    expect(marked('关于降压药的配送问题', '降压')).toEqual(['降压']);
    expect(marked('已纳入国家医保目录', '医保')).toEqual(['医保']);
  });
  it('marks English words by stem and prefix, in the original case', () => {
    expect(marked('Dosing Cardiolin in Elderly patients', 'dose elderly')).toEqual(['Dosing', 'Elderly']);
    expect(marked('hypertensive patients', 'hyperten')).toEqual(['hypertensive']);
  });
  it('marks mixed text and returns exact ranges', () => {
    const text = '糖平 Glucostat XR 的胃肠道反应';
    expect(marked(text, 'glucostat 胃肠道')).toEqual(['Glucostat', '胃肠道']);
    expect(matchRanges(text, 'glucostat')).toEqual([[3, 12]]);
    expect(articleHighlightParts(text, 'glucostat').map((p) => p.text).join('')).toBe(text);
  });
  it('no marks for an empty query', () => {
    expect(articleHighlightParts('abc', '')).toEqual([{ text: 'abc', match: false }]);
  });
  it('snippets: plain text around the first match, cut with ellipses', () => {
    const body = `${'前言。'.repeat(60)}**关键**：患者出现不良反应时应立即上报。${'后记。'.repeat(60)}`;
    const parts = articleSnippet(body, '不良反应', 80);
    const text = parts.map((p) => p.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text).toContain('关键：患者出现不良反应');
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['不良反应']);
    expect(articleSnippet('short **body**', '')).toEqual([{ text: 'short body', match: false }]);
  });
});

describe('building in slices', () => {
  it('stops after maxChanges, searches what it has, and completes on later calls', () => {
    const ix = new ArticleSearchIndex();
    expect(ix.update(docs, 4)).toBe(false);
    expect(ix.size).toBe(4);
    expect(ids(ix, '医保')).toEqual(['nrdl']);
    expect(ix.update(docs, 4)).toBe(false);
    expect(ix.update(docs, 4)).toBe(true);
    expect(ix.size).toBe(docs.length);
    // Removals happen only once the whole list was seen.
    const shorter = docs.filter((d) => d.id !== 'nrdl');
    expect(ix.update(shorter, 4)).toBe(true);
    expect(ids(ix, '医保')).toEqual([]);
  });
});
