import type { Customer, CustomerTier, CustomerType } from '../schemas';
import { pick, seededRandom } from './random';

/**
 * Realistic demo customers in Chinese and English: doctors at real-sounding hospitals,
 * hospitals, pharmacies and distributors, with tiers roughly following the 80/20 rule.
 * Deterministic for a given seed. Used for demos, end-to-end tests and benchmarks.
 */

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '建华', '志强', '海燕', '晓东', '丹丹'];
const EN_FIRST = ['Emily', 'James', 'Sarah', 'Michael', 'Olivia', 'David', 'Sophie', 'Daniel', 'Grace', 'Thomas', 'Hannah', 'Rahul', 'Mei', 'Lucas'];
const EN_LAST = ['Carter', 'Smith', 'Kim', 'Mehta', 'Brown', 'Wilson', 'Taylor', 'Nguyen', 'Walker', 'Evans', 'Chen', 'Wright'];
const CITIES: readonly { zh: string; en: string; province: string }[] = [
  { zh: '北京', en: 'Beijing', province: '北京市' },
  { zh: '上海', en: 'Shanghai', province: '上海市' },
  { zh: '广州', en: 'Guangzhou', province: '广东省' },
  { zh: '深圳', en: 'Shenzhen', province: '广东省' },
  { zh: '杭州', en: 'Hangzhou', province: '浙江省' },
  { zh: '成都', en: 'Chengdu', province: '四川省' },
  { zh: '武汉', en: 'Wuhan', province: '湖北省' },
  { zh: '南京', en: 'Nanjing', province: '江苏省' },
  { zh: '西安', en: "Xi'an", province: '陕西省' },
  { zh: '重庆', en: 'Chongqing', province: '重庆市' },
];
const HOSPITAL_KINDS = ['第一人民医院', '中心医院', '中医院', '大学附属医院', '妇幼保健院', '肿瘤医院', '儿童医院'];
const DEPARTMENTS = ['心内科', '内分泌科', '神经内科', '呼吸科', '消化科', '肿瘤科', '肾内科', '儿科', '药剂科', '急诊科'];
const TITLES = ['主任医师', '副主任医师', '主治医师', '住院医师', '主任药师'];
const PHARMACY = ['大药房', '医药连锁', '康复药店', '民生药房'];
const DISTRIBUTOR = ['医药有限公司', '医药物流', '药业集团'];
const NOTES = [
  '偏好上午拜访，对新适应症的临床数据很感兴趣。',
  '关注老年患者用药安全，询问过不良反应发生率。',
  'Prefers email follow-ups; interested in the hypertension trial results.',
  '每月初处方量较大，适合安排学术活动。',
  'Asked for the patient education leaflets in Chinese.',
  '',
];
const TYPE_WEIGHTS: readonly [CustomerType, number][] = [['hcp', 0.7], ['hco', 0.12], ['pharmacy', 0.12], ['distributor', 0.06]];
const TIER_WEIGHTS: readonly [CustomerTier, number][] = [['A', 0.1], ['B', 0.2], ['C', 0.35], ['D', 0.35]];

function weighted<T>(random: () => number, table: readonly [T, number][]): T {
  let r = random();
  for (const [value, weight] of table) {
    if ((r -= weight) < 0) return value;
  }
  return (table[table.length - 1] as [T, number])[0];
}

export interface DemoOptions {
  count: number;
  seed?: number;
  territoryId: string;
  ownerId: string;
  /** Share of customers with English names and institutions (0–1). */
  englishShare?: number;
  now?: string;
}

export function demoCustomers({ count, seed = 42, territoryId, ownerId, englishShare = 0.15, now = '2026-11-01T08:00:00.000Z' }: DemoOptions): Customer[] {
  const random = seededRandom(seed);
  const out: Customer[] = [];
  for (let i = 0; i < count; i++) {
    const type = weighted(random, TYPE_WEIGHTS);
    const city = pick(random, CITIES);
    const english = random() < englishShare;
    const hospital = english ? `${city.en} ${pick(random, ['General Hospital', 'United Hospital', 'Medical Center'])}` : `${city.zh}${pick(random, HOSPITAL_KINDS)}`;
    const seq = String(i + 1).padStart(5, '0');
    const base = { id: `demo-${seed}-${seq}`, territoryId, ownerId, createdAt: now, updatedAt: now, createdBy: ownerId, updatedBy: ownerId };
    const tier = weighted(random, TIER_WEIGHTS);
    const annualSales = Math.round((tier === 'A' ? 2_000_000 : tier === 'B' ? 600_000 : tier === 'C' ? 150_000 : 30_000) * (0.5 + random()));
    const notes = pick(random, NOTES);
    const common = {
      address: { city: english ? city.en : city.zh, province: city.province },
      assessment: { tier, annualSales },
      ...(notes ? { notes } : {}),
    };
    if (type === 'hcp') {
      const name = english ? `Dr. ${pick(random, EN_FIRST)} ${pick(random, EN_LAST)}` : `${pick(random, SURNAMES)}${pick(random, GIVEN)}`;
      out.push({ ...base, ...common, code: `HCP-${seq}`, name, type, institution: hospital, department: pick(random, DEPARTMENTS), title: pick(random, TITLES) });
    } else if (type === 'hco') {
      out.push({ ...base, ...common, code: `HCO-${seq}`, name: hospital, type });
    } else if (type === 'pharmacy') {
      out.push({ ...base, ...common, code: `PH-${seq}`, name: english ? `${city.en} Care Pharmacy` : `${city.zh}${pick(random, ['益丰', '老百姓', '一心堂', '海王星辰'])}${pick(random, PHARMACY)}`, type });
    } else {
      out.push({ ...base, ...common, code: `DIS-${seq}`, name: english ? `${city.en} Pharma Distribution Ltd.` : `${city.zh}${pick(random, ['国药', '华润', '九州通', '上药'])}${pick(random, DISTRIBUTOR)}`, type });
    }
  }
  return out;
}
