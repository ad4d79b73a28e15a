import { beforeEach, describe, expect, it, vi } from 'vitest';
import { pinyin } from 'pinyin-pro';
import type * as PinyinPro from 'pinyin-pro';
import type { Customer } from '../schemas/customer';
import { CustomerSearchIndex, highlightParts } from './customerSearch';

// Count pinyin conversions to prove unchanged documents are not re-processed.
vi.mock('pinyin-pro', async (importOriginal) => {
  const actual = await importOriginal<typeof PinyinPro>();
  return { ...actual, pinyin: vi.fn(actual.pinyin) };
});
const pinyinCalls = (): number => vi.mocked(pinyin).mock.calls.length;

const META = {
  territoryId: 'T-BJ-01',
  ownerId: 'u-rep-zhang',
  createdAt: '2026-01-05T08:00:00.000Z',
  updatedAt: '2026-01-05T08:00:00.000Z',
  createdBy: 'u-rep-zhang',
  updatedBy: 'u-rep-zhang',
} as const;

function customer(fields: Partial<Customer> & Pick<Customer, 'id' | 'code' | 'name' | 'type'>): Customer {
  return { ...META, ...fields };
}

const zhangWei = customer({
  id: 'c1', code: 'HCP-0001', name: '张伟', type: 'hcp',
  institution: '北京协和医院', department: '心内科', title: '主任医师',
  address: { city: '北京', province: '北京市' }, assessment: { tier: 'A' },
  notes: '关注房颤抗凝，偏好微信沟通',
});
const zhangWeiShanghai = customer({
  id: 'c2', code: 'HCP-0002', name: '张伟', type: 'hcp',
  institution: '上海交通大学医学院附属瑞金医院', department: '内分泌科',
  address: { city: '上海' }, assessment: { tier: 'B' },
});
const liNa = customer({
  id: 'c3', code: 'HCP-0003', name: '李娜', type: 'hcp',
  institution: '四川大学华西医院', department: '肿瘤科', address: { city: '成都' }, assessment: { tier: 'A' },
});
const shanTian = customer({
  id: 'c4', code: 'HCP-0004', name: '单田芳', type: 'hcp',
  institution: '重庆医科大学附属第一医院', department: '神经内科', address: { city: '重庆' },
});
const pumch = customer({
  id: 'c5', code: 'HCO-0001', name: '北京协和医院', type: 'hco',
  address: { line: '东城区帅府园1号', city: '北京' }, assessment: { tier: 'A' },
});
const xieheDispensary = customer({
  id: 'c6', code: 'PH-0001', name: '协和医院门诊药房', type: 'pharmacy',
  institution: '北京协和医院', address: { city: '北京' }, assessment: { tier: 'C' },
});
const laobaixing = customer({
  id: 'c7', code: 'PH-0002', name: '老百姓大药房（五一路店）', type: 'pharmacy',
  address: { city: '长沙' }, assessment: { tier: 'B' },
});
const sinopharm = customer({
  id: 'c8', code: 'DST-0001', name: '国药控股北京有限公司', type: 'distributor',
  address: { city: '北京' }, assessment: { tier: 'A' }, notes: 'Key account; 月结60天',
});
const mueller = customer({
  id: 'c9', code: 'HCP-0100', name: 'Dr. Anna Müller', type: 'hcp',
  institution: 'Peking Union Medical College Hospital', department: 'Cardiology',
  address: { city: 'Beijing' }, assessment: { tier: 'B' }, notes: 'International ward, speaks English and German',
});
const stMarys = customer({
  id: 'c10', code: 'HCO-0100', name: "St. Mary's Hospital", type: 'hco',
  address: { city: 'London' }, notes: 'Referred by HCP-0001 at a congress',
});
const lvQiang = customer({
  id: 'c11', code: 'HCP-0011', name: '吕强', type: 'hcp', institution: '北京大学第三医院', address: { city: '北京' },
});

const ALL = [zhangWei, zhangWeiShanghai, liNa, shanTian, pumch, xieheDispensary, laobaixing, sinopharm, mueller, stMarys, lvQiang];
const ids = (list: readonly Customer[]): string[] => list.map((c) => c.id);

describe('CustomerSearchIndex', () => {
  let index: CustomerSearchIndex;
  beforeEach(() => {
    index = new CustomerSearchIndex();
    index.update(ALL);
  });

  describe('Chinese', () => {
    it('finds a name by substring', () => {
      expect(ids(index.search('张伟'))).toEqual(['c1', 'c2']);
      expect(ids(index.search('娜'))).toEqual(['c3']);
    });

    it('finds institutions, departments, cities and notes by substring', () => {
      expect(ids(index.search('协和'))).toEqual(['c6', 'c5', 'c1']);
      expect(ids(index.search('心内科'))).toEqual(['c1']);
      expect(ids(index.search('成都'))).toEqual(['c3']);
      expect(ids(index.search('房颤'))).toEqual(['c1']);
    });
  });

  describe('pinyin', () => {
    it('matches full pinyin without spaces', () => {
      expect(ids(index.search('zhangwei'))).toEqual(['c1', 'c2']);
      expect(ids(index.search('ZhangWei'))).toEqual(['c1', 'c2']);
    });

    it('matches pinyin typed with spaces', () => {
      expect(ids(index.search('zhang wei'))).toEqual(['c1', 'c2']);
      // 李娜 by its pinyin first; Anna Müller also has "li" (College) and "na" (Anna).
      expect(ids(index.search('li na'))).toEqual(['c3', 'c9']);
    });

    it('matches initials', () => {
      expect(ids(index.search('zw'))).toEqual(['c1', 'c2']);
      // Name match first, then institution matches by name (协和… before 张…).
      expect(ids(index.search('bjxhyy'))).toEqual(['c5', 'c6', 'c1']);
    });

    it('matches pinyin of institutions and cities', () => {
      expect(ids(index.search('xiehe'))).toEqual(['c6', 'c5', 'c1']);
      expect(ids(index.search('chengdu'))).toEqual(['c3']);
    });

    it('reads polyphonic surnames and place names correctly', () => {
      expect(ids(index.search('shantianfang'))).toEqual(['c4']);
      expect(ids(index.search('chongqing'))).toEqual(['c4']);
      expect(ids(index.search('changsha'))).toEqual(['c7']);
    });

    it('accepts lv and lu for 吕', () => {
      expect(ids(index.search('lvqiang'))).toEqual(['c11']);
      expect(ids(index.search('luqiang'))).toEqual(['c11']);
    });
  });

  describe('Latin', () => {
    it('is case-insensitive', () => {
      expect(ids(index.search('PEKING union'))).toEqual(['c9']);
      expect(ids(index.search('cardiology'))).toEqual(['c9']);
    });

    it('folds full-width characters and accents', () => {
      expect(ids(index.search('ｐｅｋｉｎｇ'))).toEqual(['c9']);
      expect(ids(index.search('ＨＣＯ－０１００'))).toEqual(['c10']);
      expect(ids(index.search('muller'))).toEqual(['c9']);
      expect(ids(index.search('MÜLLER'))).toEqual(['c9']);
    });

    it('treats a full-width space as a term separator', () => {
      expect(ids(index.search('张伟　心内科'))).toEqual(['c1']);
    });
  });

  describe('ranking', () => {
    it('puts an exact code match first', () => {
      // St. Mary's notes mention HCP-0001 and its name sorts first, but the code wins.
      expect(ids(index.search('hcp-0001'))).toEqual(['c1', 'c10']);
    });

    it('orders name prefix, then name contains, then other fields', () => {
      // 协和医院门诊药房 (prefix) → 北京协和医院 (contains) → 张伟 @ 北京协和医院 (institution).
      expect(ids(index.search('协和'))).toEqual(['c6', 'c5', 'c1']);
      // 国药控股北京有限公司 contains 北京 in its name; the others only in city/institution.
      expect(ids(index.search('北京'))[0]).toBe('c5');
      expect(ids(index.search('北京')).indexOf('c8')).toBe(1);
    });

    it('ranks a pinyin name prefix like a name prefix', () => {
      const result = ids(index.search('bei'));
      expect(result.slice(0, 1)).toEqual(['c5']);
      expect(result).toContain('c1'); // via institution 北京协和医院
    });

    it('breaks ties by name in pinyin order', () => {
      // li < lü < shan (单 read as a surname) < zhang; the two 张伟 by code.
      expect(ids(index.search('医院', { types: ['hcp'] }))).toEqual(['c3', 'c11', 'c4', 'c1', 'c2']);
    });
  });

  describe('filters', () => {
    it('filters by type', () => {
      expect(ids(index.search('', { types: ['pharmacy'] }))).toEqual(['c7', 'c6']);
      expect(ids(index.search('北京', { types: ['hco', 'distributor'] }))).toEqual(['c5', 'c8']);
    });

    it('filters by tier; customers without a tier are excluded', () => {
      expect(ids(index.search('', { tiers: ['A'] })).sort()).toEqual(['c1', 'c3', 'c5', 'c8']);
      expect(ids(index.search('zhangwei', { tiers: ['B'] }))).toEqual(['c2']);
      expect(ids(index.search('', { tiers: ['D'] }))).toEqual([]);
    });

    it('combines type and tier; empty arrays mean no filter', () => {
      expect(ids(index.search('', { types: ['hcp'], tiers: ['A'] }))).toEqual(['c3', 'c1']);
      expect(index.search('', { types: [], tiers: [] })).toHaveLength(ALL.length);
    });
  });

  describe('terms', () => {
    it('ANDs whitespace-separated terms across fields', () => {
      expect(ids(index.search('张伟 协和'))).toEqual(['c1']);
      expect(ids(index.search('zhangwei shanghai'))).toEqual(['c2']);
      expect(ids(index.search('anna cardiology beijing'))).toEqual(['c9']);
      expect(ids(index.search('张伟 肿瘤科'))).toEqual([]);
    });

    it('returns everything by name for an empty or blank query', () => {
      const all = ids(index.search('   '));
      expect(all).toHaveLength(ALL.length);
      // Chinese by pinyin, interleaved A–Z with Latin names, like a phone's contact list:
      // Beijing… < Dr. Anna… < Guoyao… < Laobaixing… < Li Na < Lü Qiang < Shan… < St. Mary's < Xiehe… < Zhang Wei ×2.
      expect(all).toEqual(['c5', 'c9', 'c8', 'c7', 'c3', 'c11', 'c4', 'c10', 'c6', 'c1', 'c2']);
    });

    it('sorts numbers in names by value', () => {
      const numbered = new CustomerSearchIndex();
      numbered.update([
        customer({ id: 'h10', code: 'HCO-10', name: '长沙市第10人民医院', type: 'hco' }),
        customer({ id: 'h2', code: 'HCO-2', name: '长沙市第2人民医院', type: 'hco' }),
      ]);
      expect(ids(numbered.search(''))).toEqual(['h2', 'h10']);
    });

    it('applies the limit after ranking', () => {
      expect(ids(index.search('协和', {}, 2))).toEqual(['c6', 'c5']);
      expect(index.search('', {}, 3)).toHaveLength(3);
      expect(index.search('', {}, 0)).toEqual([]);
    });
  });

  describe('incremental update', () => {
    it('does not re-run pinyin for unchanged documents', () => {
      const before = pinyinCalls();
      index.update([...ALL]);
      expect(pinyinCalls()).toBe(before);
    });

    it('re-indexes a changed document and only that one', () => {
      const renamed = { ...liNa, name: '李娜娜', department: '血液科', updatedAt: '2026-02-01T10:00:00.000Z' };
      const before = pinyinCalls();
      index.update(ALL.map((c) => (c.id === liNa.id ? renamed : c)));
      // Only the new name and department are converted; the other docs are untouched and
      // the unchanged institution and city of this one come from the cache.
      expect(pinyinCalls() - before).toBe(2);
      expect(index.search('血液科')).toEqual([renamed]);
      expect(index.search('肿瘤科')).toEqual([]);
      expect(ids(index.search('linana'))).toEqual(['c3']);
    });

    it('keeps the prepared entry when updatedAt is unchanged but returns the current object', () => {
      const copy = { ...pumch };
      index.update(ALL.map((c) => (c.id === pumch.id ? copy : c)));
      expect(index.search('HCO-0001')[0]).toBe(copy);
    });

    it('drops removed documents', () => {
      index.update(ALL.filter((c) => c.id !== zhangWei.id));
      expect(ids(index.search('zhangwei'))).toEqual(['c2']);
      expect(index.search('')).toHaveLength(ALL.length - 1);
      expect(index.size).toBe(ALL.length - 1);
    });

    it('adds new documents in name order', () => {
      const added = customer({ id: 'c12', code: 'HCP-0012', name: '安娜', type: 'hcp', institution: '北京协和医院' });
      index.update([...ALL, added]);
      expect(ids(index.search(''))[0]).toBe('c12');
      expect(ids(index.search('anna'))).toEqual(['c12', 'c9']);
    });
  });
});

describe('highlightParts', () => {
  it('marks a Chinese substring', () => {
    expect(highlightParts('北京协和医院', '协和')).toEqual([
      { text: '北京', match: false },
      { text: '协和', match: true },
      { text: '医院', match: false },
    ]);
  });

  it('is case-insensitive and keeps the original text', () => {
    expect(highlightParts('Peking Union Medical College Hospital', 'union HOSP')).toEqual([
      { text: 'Peking ', match: false },
      { text: 'Union', match: true },
      { text: ' Medical College ', match: false },
      { text: 'Hosp', match: true },
      { text: 'ital', match: false },
    ]);
  });

  it('folds full-width and accented text', () => {
    expect(highlightParts('Dr. Anna Müller', 'ｍｕｌ')).toEqual([
      { text: 'Dr. Anna ', match: false },
      { text: 'Mül', match: true },
      { text: 'ler', match: false },
    ]);
    expect(highlightParts('ＨＣＰ－０００１', 'hcp')).toEqual([
      { text: 'ＨＣＰ', match: true },
      { text: '－０００１', match: false },
    ]);
    // Decomposed accent: the combining mark stays with its letter.
    expect(highlightParts('Zoe\u0308 Li', 'zoe')).toEqual([
      { text: 'Zoe\u0308', match: true },
      { text: ' Li', match: false },
    ]);
  });

  it('merges overlapping and adjacent matches and marks every occurrence', () => {
    expect(highlightParts('医院医院', '医院 院医')).toEqual([{ text: '医院医院', match: true }]);
    expect(highlightParts('a-b-a', 'a')).toEqual([
      { text: 'a', match: true },
      { text: '-b-', match: false },
      { text: 'a', match: true },
    ]);
  });

  it('returns the whole text unmatched for no match or an empty query, and nothing for empty text', () => {
    expect(highlightParts('张伟', 'zhangwei')).toEqual([{ text: '张伟', match: false }]);
    expect(highlightParts('张伟', '  ')).toEqual([{ text: '张伟', match: false }]);
    expect(highlightParts('', '张')).toEqual([]);
  });
});
