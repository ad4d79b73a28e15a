/**
 * Generated knowledge base for the FAQ search benchmark: Chinese, English and mixed articles
 * shaped like the demo ones (a question as the title, a Markdown answer with lists and tables,
 * a product, tags), from a seeded generator so every run indexes the same text.
 */
import type { Article } from '../shared/schemas/article';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZH_PRODUCTS = ['康脉宁', '缬平', '立脂清', '糖平', '糖悦', '凝安', '舒喘灵', '胃安泰', '骨力健', '宁神片', '清肺颗粒', '肝复康'];
const EN_PRODUCTS = ['Cardiolin', 'Valsarin', 'Lipoclear', 'Glucostat', 'Gliptera', 'Coagusafe', 'Asthmex', 'Gastrosol', 'Ostevita', 'Calmora', 'Pulmonex', 'Hepatrin'];
const ZH_TOPICS = [
  '不良反应', '剂量调整', '老年患者', '肾功能不全', '肝功能损害', '妊娠期用药', '哺乳期', '儿童用药', '药物相互作用', '漏服处理',
  '医保报销', '市场准入', '招标采购', '配送时间', '退货流程', '投诉处理', '学术会议', '样品发放', '冷链运输', '储存条件',
  '低血糖风险', '胃肠道反应', '外周水肿', '肌肉酸痛', '出血风险', '血钾监测', '降压效果', '血脂达标', '血糖控制', '依从性',
  '禁忌症', '过敏反应', '停药指征', '联合用药', '替代方案', '说明书更新', '临床研究', '真实世界数据', '药物经济学', '患者教育',
];
const ZH_FILLER = [
  '根据说明书，', '在医生指导下', '需要定期复查', '一般不需要调整剂量', '应立即停药并就医', '请通过向专家提问转医学部', '代表听到后须在 24 小时内上报',
  '与食物同服可减轻不适', '每日一次', '起始剂量较低', '逐步加量', '个体差异较大', '请医生评估', '可参考指南推荐', '门诊可按规定报销',
  '经销商一般三个工作日内到货', '客户反馈后应记录原话', '属于不良事件', '多为轻中度且可自行缓解', '避免大量饮用西柚汁',
];
const ZH_QUESTIONS = ['{p}的{t}需要注意什么？', '{p}{t}怎么办？', '{p}在{t}方面有什么数据？', '如何向医生解释{p}的{t}？', '{t}：{p}的常见问题', '{p}可以用于{t}吗？'];
const EN_TOPICS = [
  'adverse reactions', 'dose adjustment', 'elderly patients', 'renal impairment', 'hepatic impairment', 'pregnancy', 'breastfeeding', 'children',
  'drug interactions', 'missed dose', 'reimbursement', 'market access', 'tender process', 'delivery times', 'returns', 'complaint procedure',
  'medical meetings', 'sample distribution', 'cold chain', 'storage', 'hypoglycaemia risk', 'gastrointestinal tolerability', 'ankle oedema',
  'myalgia', 'bleeding risk', 'potassium monitoring', 'blood pressure control', 'LDL-C targets', 'glycaemic control', 'adherence',
];
const EN_FILLER = [
  'According to the label,', 'under medical supervision', 'check renal function regularly', 'no dose adjustment is usually needed',
  'stop the treatment and see a doctor', 'route it to Medical Affairs through Ask an expert', 'report it as an adverse event within 24 hours',
  'taking it with food reduces discomfort', 'once daily', 'start low and titrate', 'individual response varies', 'the physician decides',
  'see the guideline recommendation', 'reimbursed in outpatient care', 'distributors deliver within three working days', 'record the customer verbatim',
];
const EN_QUESTIONS = ['What should reps know about {p} and {t}?', 'How to explain {t} with {p} to a doctor', '{p}: {t}', 'Can {p} be used in {t}?', 'Is there data on {t} for {p}?'];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const fill = (tpl: string, p: string, t: string) => tpl.replace('{p}', p).replace('{t}', t);

function zhBody(r: () => number, p: string, t: string): string {
  const lines = [`## ${t}`, '', `${p}${pick(r, ZH_FILLER)}，${pick(r, ZH_FILLER)}。`, ''];
  for (let i = 0, n = 2 + Math.floor(r() * 5); i < n; i++) lines.push(`- **${pick(r, ZH_TOPICS)}**：${pick(r, ZH_FILLER)}，${pick(r, ZH_FILLER)}`);
  if (r() < 0.4) {
    lines.push('', '| 情况 | 建议 |', '|---|---|');
    for (let i = 0; i < 3; i++) lines.push(`| ${pick(r, ZH_TOPICS)} ${Math.floor(r() * 90) + 10} mg | ${pick(r, ZH_FILLER)} |`);
  }
  lines.push('', `> ${pick(r, ZH_FILLER)}。${r() < 0.3 ? `参见 ${pick(r, EN_PRODUCTS)} SmPC。` : ''}`);
  return lines.join('\n');
}

function enBody(r: () => number, p: string, t: string): string {
  const lines = [`## ${t}`, '', `${p}: ${pick(r, EN_FILLER)}, ${pick(r, EN_FILLER)}.`, ''];
  for (let i = 0, n = 2 + Math.floor(r() * 5); i < n; i++) lines.push(`- **${pick(r, EN_TOPICS)}**: ${pick(r, EN_FILLER)}; ${pick(r, EN_FILLER)}`);
  if (r() < 0.4) {
    lines.push('', '| Situation | Advice |', '|---|---|');
    for (let i = 0; i < 3; i++) lines.push(`| ${pick(r, EN_TOPICS)} ${Math.floor(r() * 90) + 10} mg | ${pick(r, EN_FILLER)} |`);
  }
  lines.push('', `> ${pick(r, EN_FILLER)}.${r() < 0.3 ? ` 中文资料见${pick(r, ZH_PRODUCTS)}说明书。` : ''}`);
  return lines.join('\n');
}

/** `count` articles: about 60% Chinese, a few drafts, spread over a year of publishing. */
export function generateArticles(count: number, seed = 20260301): Article[] {
  const r = rng(seed);
  const base = Date.parse('2026-03-01T08:00:00.000Z');
  const out: Article[] = [];
  for (let i = 0; i < count; i++) {
    const k = Math.floor(r() * ZH_PRODUCTS.length);
    const zh = r() < 0.6;
    const topic = pick(r, zh ? ZH_TOPICS : EN_TOPICS);
    const p = zh ? ZH_PRODUCTS[k]! : EN_PRODUCTS[k]!;
    const at = new Date(base - Math.floor(r() * 365 * 86_400_000)).toISOString();
    const draft = r() < 0.05;
    out.push({
      id: `bench-${i}`,
      title: `${fill(pick(r, zh ? ZH_QUESTIONS : EN_QUESTIONS), p, topic)}${r() < 0.3 ? ` #${i}` : ''}`,
      body: zh ? zhBody(r, p, topic) : enBody(r, p, topic),
      product: { productId: `prod-${k}`, name: `${ZH_PRODUCTS[k]} ${EN_PRODUCTS[k]} ${(k % 4 + 1) * 5} mg` },
      category: pick(r, ['product', 'product', 'business', 'service'] as const),
      tags: [pick(r, zh ? ZH_TOPICS : EN_TOPICS), pick(r, zh ? ZH_TOPICS : EN_TOPICS)],
      lang: zh ? 'zh-CN' : 'en',
      version: 1 + Math.floor(r() * 3),
      status: draft ? 'draft' : 'published',
      ...(draft ? {} : { publishedAt: at }),
      authorId: 'u-admin',
      createdAt: at, updatedAt: at, createdBy: 'u-admin', updatedBy: 'u-admin',
    });
  }
  return out;
}
