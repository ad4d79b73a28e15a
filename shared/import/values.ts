import { ARTICLE_CATEGORIES, ARTICLE_STATUSES, CUSTOMER_TIERS, CUSTOMER_TYPES, PRODUCT_STATUSES, PRODUCT_TYPES, ROLES } from '../schemas';
import { normalizeHeader } from './mapping';

/**
 * Cell values as the documents want them. Enumerations accept the stored value and the words an
 * admin's spreadsheet is likely to hold, in Chinese and English ("医生", "Doctor", "HCP" → hcp).
 */
const SYNONYMS: Record<string, Record<string, readonly string[]>> = {
  customerType: {
    hcp: ['医生', '医师', '医生hcp', 'doctor', 'physician', 'hcp'],
    hco: ['医院', '机构', '医疗机构', '医院hco', 'hospital', 'institution', 'hco'],
    pharmacy: ['药店', '药房', '零售药店', 'pharmacy', 'drugstore'],
    distributor: ['经销商', '分销商', '配送商', 'distributor', 'wholesaler'],
  },
  productType: {
    rx: ['处方药', 'rx', 'prescription'],
    otc: ['非处方药', 'otc'],
    device: ['器械', '医疗器械', 'device', 'medical device'],
    service: ['服务', 'service'],
    other: ['其他', 'other'],
  },
  productStatus: {
    active: ['在售', '有效', '启用', 'active', 'yes'],
    inactive: ['停售', '无效', '停用', '退市', 'inactive', 'no'],
  },
  articleCategory: {
    product: ['产品', '产品知识', 'product'],
    business: ['业务', '业务知识', '商务', 'business'],
    service: ['服务', '服务知识', 'service'],
  },
  articleStatus: {
    draft: ['草稿', 'draft'],
    published: ['已发布', '发布', 'published', 'publish'],
  },
  lang: {
    'zh-CN': ['中文', '简体中文', 'zh', 'zhcn', 'chinese'],
    en: ['英文', '英语', 'en', 'english'],
  },
  role: {
    rep: ['代表', '医药代表', '销售代表', 'rep', 'representative'],
    manager: ['经理', '地区经理', 'manager'],
    admin: ['管理员', '系统管理员', 'admin', 'administrator'],
    expert: ['专家', 'expert'],
    medical_affairs: ['医学事务', '医学部', 'medicalaffairs', 'medical affairs', 'medical_affairs'],
  },
  tier: Object.fromEntries(CUSTOMER_TIERS.map((t) => [t, [t, `${t}级`, `${t}类`]])),
};

export const ENUM_VALUES = {
  customerType: CUSTOMER_TYPES,
  productType: PRODUCT_TYPES,
  productStatus: PRODUCT_STATUSES,
  articleCategory: ARTICLE_CATEGORIES,
  articleStatus: ARTICLE_STATUSES,
  lang: ['zh-CN', 'en'],
  role: ROLES,
  tier: CUSTOMER_TIERS,
} as const;
export type EnumName = keyof typeof ENUM_VALUES;

/** The stored value for a cell, or undefined when it is none of the allowed values. */
export function enumValue<E extends EnumName>(name: E, cell: string): (typeof ENUM_VALUES)[E][number] | undefined {
  const wanted = normalizeHeader(cell);
  for (const [value, words] of Object.entries(SYNONYMS[name] ?? {})) {
    if (normalizeHeader(value) === wanted || words.some((w) => normalizeHeader(w) === wanted)) return value as (typeof ENUM_VALUES)[E][number];
  }
  return undefined;
}

/** A number as spreadsheets write it ("12,345.50", "１２３", " 7 "); NaN when it is not one. */
export function parseNumber(cell: string): number {
  const text = cell.normalize('NFKC').replace(/[,\s]/g, '').replace(/^¥|^￥|^\$/, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return Number.NaN;
  return Number(text);
}

/** A list in one cell: "a, b", "a；b", "a、b", "a|b". */
export function parseList(cell: string): string[] {
  return [...new Set(cell.split(/[,，;；、|\n]+/).map((s) => s.trim()).filter(Boolean))];
}
