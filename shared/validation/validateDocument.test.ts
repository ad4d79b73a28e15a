import { describe, it, expect } from 'vitest';
import type { AdverseEvent, Customer, Visit } from '../schemas';
import { hasErrors, validateDocument } from './validateDocument';

const T0 = '2026-03-02T01:30:00.000Z';
const meta = { createdAt: T0, updatedAt: T0, createdBy: 'u-rep-li', updatedBy: 'u-rep-li' };
const atorvastatin = { productId: 'p-atv-20', name: '阿托伐他汀钙片 20mg' };

const customer: Customer = {
  id: 'c-0042',
  code: 'HCP-SH-0042',
  name: '陈静',
  type: 'hcp',
  territoryId: 'T-SH-03',
  ownerId: 'u-rep-li',
  institution: '复旦大学附属中山医院',
  department: '心内科',
  title: '副主任医师',
  address: { line: '徐汇区枫林路180号', city: '上海', province: '上海市', postalCode: '200032', country: 'CN' },
  phone: '+86 21 6404-1990',
  email: 'chen.jing@zs-hospital.example.cn',
  preferredChannel: 'wechat',
  contacts: [{ name: '刘洋', role: '科室秘书', phone: '021-64041990' }],
  keyDates: [{ kind: 'birthday', label: '生日', date: '09-18' }, { kind: 'other', label: '科室成立', date: '1998-10-01' }],
  currency: 'CNY',
  creditLimit: 0,
  assessment: { tier: 'A', rating: 4, annualSales: 860000, reviewedAt: '2026-02-28' },
  ...meta,
};

const visit: Visit = {
  id: 'v-0100',
  customerId: 'c-0042',
  territoryId: 'T-SH-03',
  repId: 'u-rep-li',
  kind: 'visit',
  status: 'submitted',
  startAt: '2026-03-02T02:00:00.000Z',
  location: '中山医院 心内科门诊',
  durationMinutes: 25,
  cost: { amount: 0, currency: 'CNY' },
  productsPresented: [atorvastatin],
  samples: [{ product: atorvastatin, quantity: 2 }],
  concessions: [{ kind: 'gift', description: '学术资料', value: { amount: 50, currency: 'CNY' } }],
  followUpDate: '2026-03-16',
  submittedAt: '2026-03-02T03:00:00.000Z',
  ...meta,
};

const adverseEvent: AdverseEvent = {
  id: 'ae-0007',
  territoryId: 'T-SH-03',
  repId: 'u-rep-li',
  patient: { initials: 'W.L.', ageYears: 71, sex: 'male' },
  reporter: { name: '陈静', role: '副主任医师' },
  product: atorvastatin,
  event: '服药后出现肌痛',
  seriousness: 'non_serious',
  capturedAt: T0,
  ...meta,
};

/** A shallow copy with one top-level key removed. */
function without<T extends object>(doc: T, key: keyof T): Record<string, unknown> {
  const copy = { ...doc } as Record<string, unknown>;
  delete copy[key as string];
  return copy;
}

describe('validateDocument', () => {
  it('accepts valid documents with no errors', () => {
    expect(validateDocument('customers', customer)).toEqual({});
    expect(validateDocument('visits', visit)).toEqual({});
    expect(validateDocument('adverseevents', adverseEvent)).toEqual({});
    expect(hasErrors(validateDocument('customers', customer))).toBe(false);
  });

  it('accepts a minimal customer: only code, name, type and the envelope', () => {
    const minimal = { id: 'c-1', code: 'D01', name: '国药控股', type: 'distributor', territoryId: 'T-1', ownerId: 'u-1', ...meta };
    expect(validateDocument('customers', minimal)).toEqual({});
  });

  it('reports a missing required top-level field at its name', () => {
    const errors = validateDocument('customers', without(customer, 'name'));
    expect(errors).toEqual({ name: { code: 'required' } });
    expect(hasErrors(errors)).toBe(true);
  });

  it('reports an empty required string (minLength) as required', () => {
    expect(validateDocument('customers', { ...customer, name: '' })).toEqual({ name: { code: 'required' } });
  });

  it('reports a missing nested required field at its dotted path', () => {
    const errors = validateDocument('adverseevents', { ...adverseEvent, patient: { sex: 'female', ageYears: 54 } });
    expect(errors).toEqual({ 'patient.initials': { code: 'required' } });
  });

  it('reports a missing required field inside an array item', () => {
    const errors = validateDocument('customers', { ...customer, contacts: [{ role: '药剂科主任' }] });
    expect(errors).toEqual({ 'contacts.0.name': { code: 'required' } });
  });

  it('maps pattern failures of email and phone to their own codes', () => {
    const errors = validateDocument('customers', { ...customer, email: 'chen.jing@', phone: '电话待补' });
    expect(errors).toEqual({ email: { code: 'email' }, phone: { code: 'phone' } });
  });

  it('maps email/phone pattern failures inside contact rows too', () => {
    const errors = validateDocument('customers', { ...customer, contacts: [{ name: '刘洋', phone: '12', email: 'liu at example' }] });
    expect(errors).toEqual({ 'contacts.0.phone': { code: 'phone' }, 'contacts.0.email': { code: 'email' } });
  });

  it('reports a badly formed customer code as codeFormat', () => {
    expect(validateDocument('customers', { ...customer, code: '-HCP 01' })).toEqual({ code: { code: 'codeFormat' } });
    expect(validateDocument('customers', { ...customer, code: '客户01' })).toEqual({ code: { code: 'codeFormat' } });
  });

  it('reports a lower-case currency as currency', () => {
    expect(validateDocument('customers', { ...customer, currency: 'cny' })).toEqual({ currency: { code: 'currency' } });
  });

  it('reports a negative amount with minimum 0 as nonNegative', () => {
    expect(validateDocument('customers', { ...customer, creditLimit: -5000 })).toEqual({ creditLimit: { code: 'nonNegative' } });
    expect(validateDocument('customers', { ...customer, assessment: { annualSales: -1 } })).toEqual({
      'assessment.annualSales': { code: 'nonNegative' },
    });
  });

  it('reports a value above the maximum as range with min and max', () => {
    expect(validateDocument('customers', { ...customer, assessment: { tier: 'A', rating: 7 } })).toEqual({
      'assessment.rating': { code: 'range', params: { min: 1, max: 5 } },
    });
    expect(validateDocument('customers', { ...customer, assessment: { rating: 0 } })).toEqual({
      'assessment.rating': { code: 'range', params: { min: 1, max: 5 } },
    });
    expect(validateDocument('visits', { ...visit, durationMinutes: 2000 })).toEqual({
      durationMinutes: { code: 'range', params: { min: 0, max: 1440 } },
    });
  });

  it('reports a fraction where an integer is required as integer, and text where a number is required as number', () => {
    expect(validateDocument('customers', { ...customer, assessment: { rating: 4.5 } })).toEqual({
      'assessment.rating': { code: 'integer' },
    });
    expect(validateDocument('customers', { ...customer, creditLimit: '12500' })).toEqual({ creditLimit: { code: 'number' } });
  });

  it('reports text beyond maxLength as tooLong with the maximum', () => {
    expect(validateDocument('customers', { ...customer, title: '主'.repeat(201) })).toEqual({
      title: { code: 'tooLong', params: { max: 200 } },
    });
    expect(validateDocument('customers', { ...customer, address: { city: '上'.repeat(101) } })).toEqual({
      'address.city': { code: 'tooLong', params: { max: 100 } },
    });
  });

  it('reports a key date in the wrong format as keyDate at keyDates.N.date', () => {
    const errors = validateDocument('customers', { ...customer, keyDates: [{ kind: 'birthday', date: '2026/01/01' }] });
    expect(errors).toEqual({ 'keyDates.0.date': { code: 'keyDate' } });
  });

  it('reports other malformed dates and instants as date', () => {
    expect(validateDocument('customers', { ...customer, assessment: { reviewedAt: '28/02/2026' } })).toEqual({
      'assessment.reviewedAt': { code: 'date' },
    });
    expect(validateDocument('visits', { ...visit, followUpDate: '2026-3-16' })).toEqual({ followUpDate: { code: 'date' } });
    expect(validateDocument('visits', { ...visit, startAt: '2026-03-02 10:00' })).toEqual({ startAt: { code: 'date' } });
  });

  it('reports a value outside an enum as invalid', () => {
    expect(validateDocument('customers', { ...customer, type: 'clinic' })).toEqual({ type: { code: 'invalid' } });
    expect(validateDocument('customers', { ...customer, assessment: { tier: 'S' } })).toEqual({ 'assessment.tier': { code: 'invalid' } });
  });

  it('reports an unknown extra property as invalid at its own path', () => {
    expect(validateDocument('customers', { ...customer, wechatId: 'chenjing_md' })).toEqual({ wechatId: { code: 'invalid' } });
    expect(validateDocument('customers', { ...customer, address: { city: '上海', district: '徐汇区' } })).toEqual({
      'address.district': { code: 'invalid' },
    });
  });

  it('reports a sample quantity of 0 at samples.N.quantity', () => {
    const errors = validateDocument('visits', {
      ...visit,
      samples: [{ product: atorvastatin, quantity: 3 }, { product: { name: '瑞舒伐他汀 10mg' }, quantity: 0 }],
    });
    expect(errors).toEqual({ 'samples.1.quantity': { code: 'range', params: { min: 1, max: 100_000 } } });
    const first = validateDocument('visits', { ...visit, samples: [{ product: atorvastatin, quantity: 0 }] });
    expect(Object.keys(first)).toEqual(['samples.0.quantity']);
  });

  it('reports several problems at once, one error per path', () => {
    const errors = validateDocument('customers', {
      ...without(customer, 'name'),
      email: 'x',
      creditLimit: -1,
      keyDates: [{ kind: 'birthday', date: '2026/01/01' }],
    });
    expect(errors).toEqual({
      name: { code: 'required' },
      email: { code: 'email' },
      creditLimit: { code: 'nonNegative' },
      'keyDates.0.date': { code: 'keyDate' },
    });
  });

  it('reports every missing required field of an empty document', () => {
    const errors = validateDocument('visits', {});
    expect(Object.keys(errors).sort()).toEqual(
      ['id', 'customerId', 'territoryId', 'repId', 'kind', 'status', 'startAt', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy'].sort(),
    );
    expect(Object.values(errors).every((e) => e.code === 'required')).toBe(true);
  });

  it('does not mutate the document it validates', () => {
    const doc = structuredClone({ ...customer, creditLimit: -1 });
    const before = structuredClone(doc);
    validateDocument('customers', doc);
    expect(doc).toEqual(before);
  });
});
