import { describe, expect, it } from 'vitest';
import type { Customer, Visit } from '../../../../shared/schemas';
import { formatDateTime, formatDay, formatNumber } from '../../components/format';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { authorName, describeTarget, fieldLabel, fieldLabelKeys, formatStoredValue, formatValue, type Fmt } from './conflictDisplay';

/** A translator over the real message tables, so missing keys show up as the key itself. */
function translator(messages: unknown) {
  return (key: string, params?: Record<string, unknown>): string => {
    let node: unknown = messages;
    for (const part of key.split('.')) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    if (typeof node !== 'string') return key;
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params?.[name] ?? ''));
  };
}
const EN: Fmt = { t: translator(en), language: 'en' };
const ZH: Fmt = { t: translator(zhCN), language: 'zh-CN' };

describe('fieldLabel', () => {
  it('uses the labels of the customer form, with the group where a label repeats', () => {
    expect(fieldLabel('customers', 'address.city', EN.t)).toBe('City');
    expect(fieldLabel('customers', 'deliveryAddress.city', EN.t)).toBe('Delivery address · City');
    expect(fieldLabel('customers', 'assessment.tier', ZH.t)).toBe('价值分级');
    expect(fieldLabel('customers', 'bankAccount.accountNumber', EN.t)).toBe('Account number');
  });

  it('labels parents and their sub-fields that the form does not list', () => {
    expect(fieldLabel('customers', 'address', EN.t)).toBe('Address');
    expect(fieldLabel('customers', 'address.country', EN.t)).toBe('Address · Country');
    expect(fieldLabel('customers', 'contacts', ZH.t)).toBe('联系人');
    expect(fieldLabel('visits', 'cost.currency', EN.t)).toBe('Cost · Currency');
    expect(fieldLabel('visits', 'startAt', ZH.t)).toBe('时间');
    expect(fieldLabel('visits', '_deleted', EN.t)).toBe('Deleted');
  });

  it('shows the path itself when nothing fits', () => {
    expect(fieldLabelKeys('customers', 'mystery.deep')).toBeNull();
    expect(fieldLabel('customers', 'mystery.deep', EN.t)).toBe('mystery.deep');
    expect(fieldLabel('feedback', 'status', EN.t)).toBe('status');
  });

  it('has every label key in both languages', () => {
    const paths: [string, string][] = [
      ['customers', 'name'], ['customers', 'type'], ['customers', 'dataConsent.grantedAt'], ['customers', 'quotations'],
      ['customers', 'ownerId'], ['customers', 'institutionId'], ['visits', 'status'], ['visits', 'submittedAt'],
      ['visits', 'activityId'], ['visits', 'repId'], ['visits', 'customerId'], ['visits', 'samples'],
    ];
    for (const [collection, path] of paths) {
      for (const key of fieldLabelKeys(collection, path) ?? ['missing']) {
        expect(EN.t(key), `${collection}.${path} (en)`).not.toBe(key);
        expect(ZH.t(key), `${collection}.${path} (zh)`).not.toBe(key);
      }
    }
  });
});

describe('formatValue', () => {
  it('shows choices by their label in the UI language', () => {
    expect(formatValue('customers', 'assessment.tier', 'A', ZH)).toBe('A 级');
    expect(formatValue('customers', 'type', 'hco', EN)).toBe('Hospital / HCO');
    expect(formatValue('visits', 'kind', 'call', ZH)).toBe('电话');
    expect(formatValue('visits', 'status', 'draft', EN)).toBe('Draft');
  });

  it('shows an absent value, a delete and yes/no in words', () => {
    expect(formatValue('customers', 'phone', null, EN)).toBe('(empty)');
    expect(formatValue('customers', 'phone', '', ZH)).toBe('（空）');
    expect(formatValue('customers', '_deleted', true, EN)).toBe('Deleted');
    expect(formatValue('customers', '_deleted', false, ZH)).toBe('未删除');
    expect(formatValue('colleagues', 'active', true, EN)).toBe('Yes');
  });

  it('formats numbers, durations, money, instants and days for the language', () => {
    expect(formatValue('customers', 'creditLimit', 1234567.5, EN)).toBe(formatNumber(1234567.5, 'en'));
    expect(formatValue('visits', 'durationMinutes', 25, EN)).toBe('25 min');
    expect(formatValue('visits', 'cost', { amount: 120.5, currency: 'CNY' }, ZH)).toBe(
      new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(120.5),
    );
    expect(formatValue('visits', 'startAt', '2026-11-18T01:30:00.000Z', ZH)).toBe(formatDateTime('2026-11-18T01:30:00.000Z', 'zh-CN'));
    expect(formatValue('visits', 'followUpDate', '2026-11-25', EN)).toBe(formatDay('2026-11-25', 'en'));
    expect(formatValue('customers', 'notes', 'Prefers mornings', EN)).toBe('Prefers mornings');
  });

  it('writes the known lists one item per line, as the file and the timeline do', () => {
    expect(formatValue('visits', 'productsPresented', [{ productId: 'p', name: '络活喜' }, { name: '新品A' }], ZH)).toBe('络活喜\n新品A');
    expect(formatValue('visits', 'samples', [{ product: { name: 'Norvasc' }, quantity: 3 }], EN)).toBe('Norvasc × 3');
    expect(formatValue('visits', 'concessions', [{ kind: 'gift', description: 'Books' }], EN)).toBe('Gift: Books');
    expect(formatValue('customers', 'contacts', [{ name: '王芳', role: '护士长', phone: '+86 10 1234 5678' }], ZH)).toBe('王芳 · 护士长 · +86 10 1234 5678');
    expect(formatValue('customers', 'keyDates', [{ kind: 'birthday', date: '05-12' }], EN)).toBe('Birthday: 05-12');
    expect(formatValue('visits', 'samples', [], EN)).toBe('(empty)');
  });

  it('writes an object as its labelled parts', () => {
    expect(formatValue('customers', 'address', { city: '上海', postalCode: '200000', line: '' }, ZH)).toBe('城市: 上海\n邮政编码: 200000');
    expect(formatValue('customers', 'mystery', { a: 1 }, EN)).toBe('a: 1');
  });

  it('reads stored JSON text, and shows unreadable text as it is', () => {
    expect(formatStoredValue('customers', 'address.city', '"上海"', ZH)).toBe('上海');
    expect(formatStoredValue('customers', 'address.city', 'null', EN)).toBe('(empty)');
    expect(formatStoredValue('customers', 'address.city', '{broken', EN)).toBe('{broken');
  });
});

describe('describeTarget', () => {
  const customers = new Map([['c-1', { name: '张伟' }]]);

  it('names a customer by name and links its file', () => {
    const c = { id: 'c-1', name: '张伟' } as Customer;
    expect(describeTarget({ targetCollection: 'customers', documentId: 'c-1' }, c, customers, ZH)).toEqual({ title: '张伟', href: '/customers/c-1' });
  });

  it('names a visit by kind, time and customer, and links it', () => {
    const v = { id: 'v-1', customerId: 'c-1', kind: 'visit', startAt: '2026-11-18T01:30:00.000Z' } as Visit;
    const when = formatDateTime(v.startAt, 'en');
    expect(describeTarget({ targetCollection: 'visits', documentId: 'v-1' }, v, customers, EN)).toEqual({
      title: `Visit on ${when} · 张伟`, href: '/customers/c-1/visits/v-1',
    });
    const orphan = { ...v, customerId: 'c-gone' };
    expect(describeTarget({ targetCollection: 'visits', documentId: 'v-1' }, orphan, customers, EN).title).toBe(`Visit on ${when} · unknown customer`);
  });

  it('names a missing document or another collection by kind and id, without a link', () => {
    expect(describeTarget({ targetCollection: 'customers', documentId: 'c-9' }, undefined, customers, ZH)).toEqual({ title: '客户 c-9', href: null });
    expect(describeTarget({ targetCollection: 'feedback', documentId: 'f-1' }, { id: 'f-1' }, customers, EN)).toEqual({ title: 'Feedback f-1', href: null });
    expect(describeTarget({ targetCollection: 'odd', documentId: 'x' }, undefined, customers, EN)).toEqual({ title: 'odd x', href: null });
  });
});

describe('authorName', () => {
  const colleagues = new Map([['u-wang', { displayName: '王强' }]]);
  it('says "you" for the signed-in user, a colleague by name, anyone else by id', () => {
    expect(authorName('u-li', 'u-li', colleagues, EN.t)).toBe('You');
    expect(authorName('u-wang', 'u-li', colleagues, EN.t)).toBe('王强');
    expect(authorName('u-x', 'u-li', colleagues, EN.t)).toBe('u-x');
    expect(authorName(undefined, 'u-li', colleagues, EN.t)).toBe('—');
  });
});
