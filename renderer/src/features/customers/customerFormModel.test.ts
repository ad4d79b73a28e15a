import { describe, it, expect } from 'vitest';
import type { Customer } from '../../../../shared/schemas';
import { validateDocument } from '../../../../shared/validation/validateDocument';
import { allFields } from './customerFields';
import {
  customerToForm, emptyCustomerForm, formToCustomer, type ContactRow, type CustomerEnvelope, type CustomerFormValues, type KeyDateRow,
} from './customerFormModel';

const CREATED = '2026-01-15T02:00:00.000Z';
const NOW = '2026-03-02T06:45:12.345Z';
const USER = 'u-rep-li';

const envelope: CustomerEnvelope = {
  id: 'c-0042',
  territoryId: 'T-SH-03',
  ownerId: 'u-rep-li',
  createdAt: CREATED,
  createdBy: 'u-rep-li',
};

/** A rich, realistic doctor (HCP) file as stored. */
const chenJing: Customer = {
  ...envelope,
  code: 'HCP-SH-0042',
  name: '陈静',
  type: 'hcp',
  institution: '复旦大学附属中山医院',
  department: '心内科',
  title: '副主任医师',
  specialty: '心血管介入',
  phone: '+86 21 6404-1990',
  email: 'chen.jing@zs-hospital.example.cn',
  preferredChannel: 'wechat',
  address: { line: '徐汇区枫林路180号', city: '上海', province: '上海市', postalCode: '200032', country: 'CN' },
  contacts: [
    { name: '刘洋', role: '科室秘书', phone: '021-64041990' },
    { name: '赵敏', email: 'zhao.min@zs-hospital.example.cn' },
  ],
  keyDates: [
    { kind: 'birthday', label: '生日', date: '09-18' },
    { kind: 'anniversary', date: '2015-06-01' },
  ],
  currency: 'CNY',
  creditLimit: 0,
  notes: '周二上午门诊后可拜访；关注房颤抗凝',
  dataConsent: { purpose: '学术拜访与产品信息沟通', grantedAt: '2026-01-15' },
  assessment: {
    tier: 'A',
    rating: 5,
    creditStanding: 'good',
    annualSales: 1_250_000.5,
    potentialValue: 3_000_000,
    needs: '需要最新的血脂管理指南解读',
    reviewedAt: '2026-02-28',
  },
  updatedAt: '2026-02-28T08:00:00.000Z',
  updatedBy: 'u-rep-li',
};

function form(fields: Record<string, string>, keyDates: KeyDateRow[] = [], contacts: ContactRow[] = []): CustomerFormValues {
  return { fields, keyDates, contacts };
}
const blankKeyDate = (): KeyDateRow => ({ kind: '', label: '', date: '' });
const blankContact = (): ContactRow => ({ name: '', role: '', phone: '', email: '' });

describe('emptyCustomerForm', () => {
  it('starts a new doctor file with no values and no rows', () => {
    expect(emptyCustomerForm()).toEqual({ fields: { type: 'hcp' }, keyDates: [], contacts: [] });
  });

  it('returns a fresh object each time', () => {
    const a = emptyCustomerForm();
    a.fields.name = '改过';
    a.keyDates.push(blankKeyDate());
    expect(emptyCustomerForm()).toEqual({ fields: { type: 'hcp' }, keyDates: [], contacts: [] });
  });
});

describe('customerToForm', () => {
  it('turns every form field into text, keeping falsy numbers', () => {
    const values = customerToForm(chenJing);
    expect(values.fields).toMatchObject({
      name: '陈静',
      code: 'HCP-SH-0042',
      type: 'hcp',
      'address.city': '上海',
      'address.postalCode': '200032',
      creditLimit: '0',
      'assessment.tier': 'A',
      'assessment.rating': '5',
      'assessment.annualSales': '1250000.5',
      'dataConsent.purpose': '学术拜访与产品信息沟通',
    });
    expect(Object.values(values.fields).every((v) => typeof v === 'string')).toBe(true);
  });

  it('only holds fields the form manages, and none that are absent', () => {
    const values = customerToForm(chenJing);
    const managed = new Set(allFields.map((f) => f.path));
    for (const key of Object.keys(values.fields)) expect(managed.has(key)).toBe(true);
    expect(values.fields).not.toHaveProperty('address.country');
    expect(values.fields).not.toHaveProperty('assessment.reviewedAt');
    expect(values.fields).not.toHaveProperty('id');
    expect(values.fields).not.toHaveProperty('salesLimit');
    expect(values.fields).not.toHaveProperty('bankAccount.bankName');
  });

  it('turns key dates and contacts into rows with empty text for missing cells', () => {
    const values = customerToForm(chenJing);
    expect(values.keyDates).toEqual([
      { kind: 'birthday', label: '生日', date: '09-18' },
      { kind: 'anniversary', label: '', date: '2015-06-01' },
    ]);
    expect(values.contacts).toEqual([
      { name: '刘洋', role: '科室秘书', phone: '021-64041990', email: '' },
      { name: '赵敏', role: '', phone: '', email: 'zhao.min@zs-hospital.example.cn' },
    ]);
  });

  it('gives empty rows for a customer without lists', () => {
    const values = customerToForm({ ...envelope, code: 'D-01', name: '国药控股上海', type: 'distributor', updatedAt: CREATED, updatedBy: USER });
    expect(values).toEqual({ fields: { code: 'D-01', name: '国药控股上海', type: 'distributor' }, keyDates: [], contacts: [] });
  });
});

describe('formToCustomer', () => {
  it('builds a valid new customer and leaves out every empty optional field', () => {
    const values = form({
      ...emptyCustomerForm().fields,
      name: ' 王强 ',
      code: 'HCP-0100',
      email: '',
      phone: '   ',
      'address.line': '',
      'address.city': '',
      'bankAccount.bankName': '',
      'assessment.tier': '',
      'assessment.rating': '',
      creditLimit: '',
      'dataConsent.purpose': '',
    });
    const { doc, errors } = formToCustomer(values, envelope, undefined, USER, NOW);
    expect(errors).toEqual({});
    expect(doc).toEqual({ ...envelope, name: '王强', code: 'HCP-0100', type: 'hcp', updatedAt: NOW, updatedBy: USER });
    expect(validateDocument('customers', doc)).toEqual({});
  });

  it('never stores empty strings or empty nested objects', () => {
    const fields: Record<string, string> = { name: '王强', code: 'HCP-0100', type: 'hcp' };
    for (const spec of allFields) fields[spec.path] ??= '';
    const { doc } = formToCustomer(form(fields, [blankKeyDate()], [blankContact()]), envelope, undefined, USER, NOW);
    const walk = (node: unknown, path: string) => {
      expect(node, path).not.toBe('');
      if (node !== null && typeof node === 'object') {
        expect(Object.keys(node).length, `${path} is empty`).toBeGreaterThan(0);
        for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
      }
    };
    walk(doc, '');
    expect(doc).not.toHaveProperty('address');
    expect(doc).not.toHaveProperty('bankAccount');
    expect(doc).not.toHaveProperty('assessment');
    expect(doc).not.toHaveProperty('keyDates');
    expect(doc).not.toHaveProperty('contacts');
  });

  it('trims text and nests dotted fields', () => {
    const { doc, errors } = formToCustomer(
      form({ name: '陈静', code: 'HCP-SH-0042', type: 'hcp', 'address.city': ' 上海 ', 'address.province': '上海市', 'bankAccount.bankName': '招商银行' }),
      envelope, undefined, USER, NOW,
    );
    expect(errors).toEqual({});
    expect(doc.address).toEqual({ city: '上海', province: '上海市' });
    expect(doc.bankAccount).toEqual({ bankName: '招商银行' });
  });

  it('parses numbers as people type them', () => {
    const { doc, errors } = formToCustomer(
      form({
        name: '陈静', code: 'HCP-SH-0042', type: 'hcp',
        creditLimit: '12,500.50',
        salesLimit: ' 1 000 000 ',
        'assessment.annualSales': '１２５００',
        'assessment.potentialValue': '３，０００，０００',
        'assessment.rating': '４',
      }),
      envelope, undefined, USER, NOW,
    );
    expect(errors).toEqual({});
    expect(doc.creditLimit).toBe(12500.5);
    expect(doc.salesLimit).toBe(1_000_000);
    expect(doc.assessment).toEqual({ annualSales: 12500, potentialValue: 3_000_000, rating: 4 });
  });

  it('reports text in a number field as number, and leaves the value out', () => {
    const { doc, errors } = formToCustomer(
      form({ name: '陈静', code: 'HCP-SH-0042', type: 'hcp', creditLimit: 'lots', 'assessment.annualSales': '约100万' }),
      envelope, undefined, USER, NOW,
    );
    expect(errors).toEqual({ creditLimit: { code: 'number' }, 'assessment.annualSales': { code: 'number' } });
    expect(doc).not.toHaveProperty('creditLimit');
    expect(doc).not.toHaveProperty('assessment');
  });

  it('passes on the schema verdict for parsed numbers', () => {
    const { errors } = formToCustomer(
      form({ name: '陈静', code: 'HCP-SH-0042', type: 'hcp', creditLimit: '-5,000', 'assessment.rating': '7', salesLimit: '2.5' }),
      envelope, undefined, USER, NOW,
    );
    expect(errors).toEqual({
      creditLimit: { code: 'nonNegative' },
      'assessment.rating': { code: 'range', params: { min: 1, max: 5 } },
    });
    const fraction = formToCustomer(form({ name: '陈静', code: 'HCP-SH-0042', type: 'hcp', 'assessment.rating': '4.5' }), envelope, undefined, USER, NOW);
    expect(fraction.errors).toEqual({ 'assessment.rating': { code: 'integer' } });
  });

  it('upper-cases the currency', () => {
    const { doc, errors } = formToCustomer(form({ name: '陈静', code: 'HCP-SH-0042', type: 'hcp', currency: ' cny ' }), envelope, undefined, USER, NOW);
    expect(errors).toEqual({});
    expect(doc.currency).toBe('CNY');
    const bad = formToCustomer(form({ name: '陈静', code: 'HCP-SH-0042', type: 'hcp', currency: '人民币' }), envelope, undefined, USER, NOW);
    expect(bad.errors).toEqual({ currency: { code: 'currency' } });
  });

  it('reports required, format and length problems from the schema at the field path', () => {
    const { errors } = formToCustomer(
      form({ name: '', code: '-01', type: 'hcp', email: 'chen.jing@', phone: '电话', title: '主'.repeat(201) }),
      envelope, undefined, USER, NOW,
    );
    expect(errors).toEqual({
      name: { code: 'required' },
      code: { code: 'codeFormat' },
      email: { code: 'email' },
      phone: { code: 'phone' },
      title: { code: 'tooLong', params: { max: 200 } },
    });
  });

  it('drops fields not shown for the chosen type', () => {
    const hcpOnly = { institution: '中山医院', department: '药剂科', title: '主任', specialty: '临床药学' };
    const distributor = formToCustomer(
      form({ name: '国药控股上海', code: 'D-SH-01', type: 'distributor', ...hcpOnly, creditLimit: '500000' }),
      envelope, undefined, USER, NOW,
    );
    expect(distributor.errors).toEqual({});
    for (const key of Object.keys(hcpOnly)) expect(distributor.doc).not.toHaveProperty(key);
    expect(distributor.doc.creditLimit).toBe(500000);

    const hospital = formToCustomer(form({ name: '中山医院', code: 'HCO-SH-01', type: 'hco', ...hcpOnly }), envelope, undefined, USER, NOW);
    expect(hospital.doc.department).toBe('药剂科');
    expect(hospital.doc).not.toHaveProperty('institution');
    expect(hospital.doc).not.toHaveProperty('title');
    expect(hospital.doc).not.toHaveProperty('specialty');
  });

  it('removes doctor-only fields from an existing file whose type changes', () => {
    const values = customerToForm(chenJing);
    values.fields.type = 'pharmacy';
    const { doc, errors } = formToCustomer(values, envelope, chenJing, USER, NOW);
    expect(errors).toEqual({});
    expect(doc.type).toBe('pharmacy');
    expect(doc).not.toHaveProperty('institution');
    expect(doc).not.toHaveProperty('department');
    expect(doc).not.toHaveProperty('title');
    expect(doc).not.toHaveProperty('specialty');
    expect(doc.address).toEqual(chenJing.address);
  });

  it('keeps what the form does not manage on the existing document', () => {
    const existing: Customer = {
      ...chenJing,
      institutionId: 'c-hco-zs',
      quotations: [{ date: '2026-02-20', product: { productId: 'p-atv-20', name: '阿托伐他汀钙片 20mg' }, price: { amount: 38.5, currency: 'CNY' } }],
      erasedAt: '2026-02-27T00:00:00.000Z',
    };
    const { doc, errors } = formToCustomer(customerToForm(existing), envelope, existing, USER, NOW);
    expect(errors).toEqual({});
    expect(doc.quotations).toEqual(existing.quotations);
    expect(doc.erasedAt).toBe('2026-02-27T00:00:00.000Z');
    expect(doc.institutionId).toBe('c-hco-zs');
    expect(doc.address?.country).toBe('CN');
    expect(doc.dataConsent).toEqual({ purpose: '学术拜访与产品信息沟通', grantedAt: '2026-01-15' });
    expect(doc.assessment?.reviewedAt).toBe('2026-02-28');
  });

  it('removes a value the rep cleared, and a nested object left empty', () => {
    const values = customerToForm(chenJing);
    values.fields.email = '';
    values.fields.notes = '  ';
    for (const key of ['address.line', 'address.city', 'address.province', 'address.postalCode']) values.fields[key] = '';
    const { doc, errors } = formToCustomer(values, envelope, chenJing, USER, NOW);
    expect(errors).toEqual({});
    expect(doc).not.toHaveProperty('email');
    expect(doc).not.toHaveProperty('notes');
    // country is not on the form, so the address keeps only that.
    expect(doc.address).toEqual({ country: 'CN' });

    const noCountry: Customer = { ...chenJing, address: { city: '上海' } };
    const cleared = customerToForm(noCountry);
    cleared.fields['address.city'] = '';
    expect(formToCustomer(cleared, envelope, noCountry, USER, NOW).doc).not.toHaveProperty('address');
  });

  it('does not mutate the existing document', () => {
    const existing = structuredClone(chenJing);
    const values = customerToForm(existing);
    values.fields['address.city'] = '杭州';
    values.fields['assessment.rating'] = '3';
    values.keyDates = [];
    const { doc } = formToCustomer(values, envelope, existing, USER, NOW);
    expect(existing).toEqual(chenJing);
    expect(doc.address?.city).toBe('杭州');
    expect(doc.address).not.toBe(existing.address);
  });

  describe('key dates and contacts', () => {
    const base = { name: '陈静', code: 'HCP-SH-0042', type: 'hcp' };

    it('drops blank rows and trims cells, leaving out empty ones', () => {
      const { doc, errors } = formToCustomer(
        form(
          base,
          [blankKeyDate(), { kind: 'birthday', label: ' 生日 ', date: ' 09-18 ' }, { kind: ' ', label: '', date: '  ' }],
          [{ name: ' 刘洋 ', role: '', phone: '021-64041990', email: '' }, blankContact()],
        ),
        envelope, undefined, USER, NOW,
      );
      expect(errors).toEqual({});
      expect(doc.keyDates).toEqual([{ kind: 'birthday', label: '生日', date: '09-18' }]);
      expect(doc.contacts).toEqual([{ name: '刘洋', phone: '021-64041990' }]);
    });

    it('reports a partly filled row at its cell path', () => {
      const { errors } = formToCustomer(
        form(base, [{ kind: 'birthday', label: '生日', date: '' }], [{ name: '', role: '科室秘书', phone: '', email: '' }]),
        envelope, undefined, USER, NOW,
      );
      expect(errors).toEqual({ 'keyDates.0.date': { code: 'required' }, 'contacts.0.name': { code: 'required' } });
    });

    it('reports a malformed key date or contact detail', () => {
      const { errors } = formToCustomer(
        form(
          base,
          [{ kind: 'birthday', label: '', date: '09-18' }, { kind: 'other', label: '入职', date: '2026/01/01' }],
          [{ name: '刘洋', role: '', phone: '12', email: 'liu.yang' }],
        ),
        envelope, undefined, USER, NOW,
      );
      expect(errors).toEqual({
        'keyDates.1.date': { code: 'keyDate' },
        'contacts.0.phone': { code: 'phone' },
        'contacts.0.email': { code: 'email' },
      });
    });

    it('removes the lists from an existing file when every row is removed or blank', () => {
      const values = customerToForm(chenJing);
      values.keyDates = [];
      values.contacts = [blankContact()];
      const { doc } = formToCustomer(values, envelope, chenJing, USER, NOW);
      expect(doc).not.toHaveProperty('keyDates');
      expect(doc).not.toHaveProperty('contacts');
    });
  });

  it('round-trips a rich customer unchanged', () => {
    const { doc, errors } = formToCustomer(customerToForm(chenJing), envelope, chenJing, chenJing.updatedBy, chenJing.updatedAt);
    expect(errors).toEqual({});
    expect(doc).toEqual(chenJing);
  });

  it('round-trips a customer without an existing document, except for what the form does not manage', () => {
    const { doc, errors } = formToCustomer(customerToForm(chenJing), envelope, undefined, USER, NOW);
    expect(errors).toEqual({});
    const { country: _country, ...address } = chenJing.address ?? {};
    const { reviewedAt: _reviewedAt, ...assessment } = chenJing.assessment ?? {};
    expect(doc).toEqual({
      ...chenJing,
      address,
      assessment,
      dataConsent: { purpose: '学术拜访与产品信息沟通' },
      updatedAt: NOW,
      updatedBy: USER,
    });
  });

  it('takes identity from the envelope and the update stamp from the arguments', () => {
    const stale: Customer = { ...chenJing, id: 'c-other', territoryId: 'T-OLD', ownerId: 'u-someone', createdAt: NOW, createdBy: 'u-someone' };
    const values = customerToForm(stale);
    // Keys the form does not manage are ignored even if present in the values.
    Object.assign(values.fields, { id: 'c-hacked', ownerId: 'u-hacked', updatedBy: 'u-hacked', createdAt: '2000-01-01T00:00:00.000Z' });
    const { doc, errors } = formToCustomer(values, envelope, stale, 'u-manager-wu', NOW);
    expect(errors).toEqual({});
    expect(doc).toMatchObject({ ...envelope, updatedAt: NOW, updatedBy: 'u-manager-wu' });
  });
});
