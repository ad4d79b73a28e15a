import { describe, it, expect } from 'vitest';
import type { Visit } from '../../../../shared/schemas';
import { validateDocument } from '../../../../shared/validation/validateDocument';
import {
  DEFAULT_CURRENCY, emptyVisitForm, formToVisit, isVisitEditable, visitToForm, type VisitEnvelope, type VisitFormValues,
} from './visitFormModel';

const CREATED = '2026-03-02T01:00:00.000Z';
const NOW = '2026-03-02T04:10:33.210Z';
const USER = 'u-rep-li';

const envelope: VisitEnvelope = {
  id: 'v-0100',
  customerId: 'c-0042',
  territoryId: 'T-SH-03',
  repId: 'u-rep-li',
  createdAt: CREATED,
  createdBy: 'u-rep-li',
};

const ATV = '阿托伐他汀钙片 20mg';
const RSV = '瑞舒伐他汀钙片 10mg';
const catalogue = new Map([[ATV, 'p-atv-20'], [RSV, 'p-rsv-10']]);
const lookup = (name: string) => catalogue.get(name);

/** Runs `fn` with the process time zone set to `tz` (Node re-reads TZ when it is assigned). */
function withTimeZone<T>(tz: string, fn: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = tz;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}
/** Assigning TZ takes effect in a child process (Vitest's default pool), not in a worker thread. */
const canSwitchTimeZone = withTimeZone('Asia/Kathmandu', () => new Date('2026-01-01T00:00:00.000Z').getTimezoneOffset() === -345);

function values(patch: Partial<VisitFormValues> = {}): VisitFormValues {
  return { ...emptyVisitForm(new Date(2026, 2, 2, 10, 0)), ...patch };
}

/** A submitted visit as stored, with minute-aligned start time. */
const stored: Visit = {
  ...envelope,
  kind: 'visit',
  status: 'submitted',
  startAt: '2026-03-02T02:00:00.000Z',
  location: '中山医院 心内科门诊',
  durationMinutes: 25,
  cost: { amount: 120.5, currency: 'CNY' },
  concessions: [
    { kind: 'gift', description: '科室学术资料', value: { amount: 50, currency: 'CNY' } },
    { kind: 'other', description: '午餐会场地' },
  ],
  productsPresented: [{ productId: 'p-atv-20', name: ATV }, { name: '新型降脂复方（未上市）' }],
  samples: [{ product: { productId: 'p-rsv-10', name: RSV }, quantity: 2 }],
  summary: '讨论了PCI术后患者LDL-C达标问题，主任对强化降脂方案有兴趣。',
  jointActions: '下月科室会联合讲课',
  nextStep: '送最新指南解读',
  followUpDate: '2026-03-16',
  submittedAt: '2026-03-02T03:00:00.000Z',
  updatedAt: '2026-03-02T03:00:00.000Z',
  updatedBy: 'u-rep-li',
};

/** The same visit while it was still a draft: editable, no submission time. */
const { submittedAt: _submittedAt, ...unsubmitted } = stored;
const draft: Visit = { ...unsubmitted, status: 'draft' };

describe('emptyVisitForm', () => {
  it('starts a visit now, in local wall time, in the default currency', () => {
    expect(emptyVisitForm(new Date(2026, 2, 2, 9, 5, 42))).toEqual({
      kind: 'visit',
      startAt: '2026-03-02T09:05',
      location: '',
      duration: '',
      cost: '',
      currency: 'CNY',
      concessions: [],
      products: [],
      samples: [],
      summary: '',
      jointActions: '',
      nextStep: '',
      followUpDate: '',
      activityId: '',
    });
    expect(DEFAULT_CURRENCY).toBe('CNY');
  });

  it('defaults to the current time', () => {
    expect(emptyVisitForm().startAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  });
});

describe('formToVisit', () => {
  it('builds a valid visit from a filled-in form', () => {
    const form = values({
      kind: 'meeting',
      startAt: '2026-03-02T10:00',
      location: ' 中山医院 学术报告厅 ',
      duration: '45',
      cost: '1,280.50',
      products: [ATV, ' 新品A ', '  '],
      samples: [{ product: RSV, quantity: '3' }, { product: '新品A', quantity: '１０' }],
      concessions: [{ kind: 'gift', description: ' 学术资料 ', value: '50' }, { kind: 'voucher', description: '会议茶歇', value: '' }],
      summary: ' 科室会介绍强化降脂方案 ',
      jointActions: '',
      nextStep: '跟进处方情况',
      followUpDate: '2026-03-09',
    });
    const { doc, errors } = formToVisit(form, envelope, undefined, USER, NOW, lookup, 'submit');
    expect(errors).toEqual({});
    expect(doc).toEqual({
      ...envelope,
      kind: 'meeting',
      status: 'submitted',
      startAt: new Date('2026-03-02T10:00').toISOString(),
      location: '中山医院 学术报告厅',
      durationMinutes: 45,
      cost: { amount: 1280.5, currency: 'CNY' },
      concessions: [
        { kind: 'gift', description: '学术资料', value: { amount: 50, currency: 'CNY' } },
        { kind: 'voucher', description: '会议茶歇' },
      ],
      productsPresented: [{ productId: 'p-atv-20', name: ATV }, { name: '新品A' }],
      samples: [
        { product: { productId: 'p-rsv-10', name: RSV }, quantity: 3 },
        { product: { name: '新品A' }, quantity: 10 },
      ],
      summary: '科室会介绍强化降脂方案',
      nextStep: '跟进处方情况',
      followUpDate: '2026-03-09',
      submittedAt: NOW,
      updatedAt: NOW,
      updatedBy: USER,
    });
    expect(validateDocument('visits', doc)).toEqual({});
  });

  it('builds a minimal draft from the empty form: kind and time only', () => {
    const { doc, errors } = formToVisit(emptyVisitForm(new Date(2026, 2, 2, 9, 30)), envelope, undefined, USER, NOW);
    expect(errors).toEqual({});
    expect(doc).toEqual({
      ...envelope,
      kind: 'visit',
      status: 'draft',
      startAt: new Date(2026, 2, 2, 9, 30).toISOString(),
      updatedAt: NOW,
      updatedBy: USER,
    });
  });

  it('converts the local start time to a UTC instant', () => {
    for (const local of ['2026-03-02T00:00', '2026-03-02T08:30', '2026-12-31T23:59']) {
      const { doc } = formToVisit(values({ startAt: local }), envelope, undefined, USER, NOW);
      expect(doc.startAt).toBe(new Date(local).toISOString());
    }
  });

  it('carries the currency on cost and concession values, upper-cased, defaulting to CNY', () => {
    const usd = formToVisit(
      values({ cost: '80', currency: ' usd ', concessions: [{ kind: 'price', description: '折扣', value: '12.5' }] }),
      envelope, undefined, USER, NOW,
    );
    expect(usd.errors).toEqual({});
    expect(usd.doc.cost).toEqual({ amount: 80, currency: 'USD' });
    expect(usd.doc.concessions).toEqual([{ kind: 'price', description: '折扣', value: { amount: 12.5, currency: 'USD' } }]);

    const blank = formToVisit(values({ cost: '８０', currency: '' }), envelope, undefined, USER, NOW);
    expect(blank.doc.cost).toEqual({ amount: 80, currency: 'CNY' });
  });

  it('looks up catalogue ids by the trimmed product name, and keeps unknown names as text', () => {
    const seen: string[] = [];
    const { doc } = formToVisit(
      values({ products: [` ${ATV} `, '竞品X'], samples: [{ product: ` ${RSV}`, quantity: '1' }] }),
      envelope, undefined, USER, NOW,
      (name) => {
        seen.push(name);
        return catalogue.get(name);
      },
    );
    expect(doc.productsPresented).toEqual([{ productId: 'p-atv-20', name: ATV }, { name: '竞品X' }]);
    expect(doc.samples).toEqual([{ product: { productId: 'p-rsv-10', name: RSV }, quantity: 1 }]);
    expect(seen).toEqual(expect.arrayContaining([ATV, RSV, '竞品X']));
    expect(seen.every((n) => n === n.trim())).toBe(true);
  });

  it('without a lookup, products are names only', () => {
    const { doc } = formToVisit(values({ products: [ATV] }), envelope, undefined, USER, NOW);
    expect(doc.productsPresented).toEqual([{ name: ATV }]);
  });

  it('drops blank sample and concession rows', () => {
    const { doc, errors } = formToVisit(
      values({
        samples: [{ product: '', quantity: '' }, { product: ATV, quantity: '2' }, { product: '  ', quantity: ' ' }],
        concessions: [{ kind: 'price', description: '', value: '' }, { kind: 'gift', description: '台历', value: '' }],
      }),
      envelope, undefined, USER, NOW, lookup,
    );
    expect(errors).toEqual({});
    expect(doc.samples).toEqual([{ product: { productId: 'p-atv-20', name: ATV }, quantity: 2 }]);
    expect(doc.concessions).toEqual([{ kind: 'gift', description: '台历' }]);

    const allBlank = formToVisit(
      values({ samples: [{ product: '', quantity: '' }], concessions: [{ kind: 'price', description: ' ', value: '' }], products: [''] }),
      envelope, undefined, USER, NOW,
    );
    expect(allBlank.doc).not.toHaveProperty('samples');
    expect(allBlank.doc).not.toHaveProperty('concessions');
    expect(allBlank.doc).not.toHaveProperty('productsPresented');
  });

  it('reports a duration that is not a number, and leaves it out', () => {
    const { doc, errors } = formToVisit(values({ duration: 'half an hour' }), envelope, undefined, USER, NOW);
    expect(errors).toEqual({ durationMinutes: { code: 'number' } });
    expect(doc).not.toHaveProperty('durationMinutes');
    expect(formToVisit(values({ duration: '半小时' }), envelope, undefined, USER, NOW).errors).toEqual({ durationMinutes: { code: 'number' } });
  });

  it('passes on the schema verdict for a fractional or too long duration', () => {
    expect(formToVisit(values({ duration: '1.5' }), envelope, undefined, USER, NOW).errors).toEqual({ durationMinutes: { code: 'integer' } });
    expect(formToVisit(values({ duration: '2,000' }), envelope, undefined, USER, NOW).errors).toEqual({
      durationMinutes: { code: 'range', params: { min: 0, max: 1440 } },
    });
  });

  it('reports a cost or concession value that is not a number where the form shows it', () => {
    const { doc, errors } = formToVisit(
      values({ cost: 'free', concessions: [{ kind: 'gift', description: '台历', value: '一盒' }] }),
      envelope, undefined, USER, NOW,
    );
    expect(errors).toEqual({ 'cost.amount': { code: 'number' }, 'concessions.0.value': { code: 'number' } });
    expect(doc).not.toHaveProperty('cost');
    expect(doc.concessions).toEqual([{ kind: 'gift', description: '台历' }]);
  });

  it('reports a sample quantity that is zero, missing or not a number at samples.N.quantity', () => {
    const zero = formToVisit(values({ samples: [{ product: ATV, quantity: '0' }] }), envelope, undefined, USER, NOW);
    expect(zero.errors).toEqual({ 'samples.0.quantity': { code: 'range', params: { min: 1, max: 100_000 } } });

    const missing = formToVisit(values({ samples: [{ product: ATV, quantity: '3' }, { product: RSV, quantity: '' }] }), envelope, undefined, USER, NOW);
    expect(Object.keys(missing.errors)).toEqual(['samples.1.quantity']);

    const words = formToVisit(values({ samples: [{ product: ATV, quantity: '两盒' }] }), envelope, undefined, USER, NOW);
    expect(words.errors).toEqual({ 'samples.0.quantity': { code: 'number' } });
  });

  it('reports an empty start time as required and unreadable text as date', () => {
    const empty = formToVisit(values({ startAt: '' }), envelope, undefined, USER, NOW);
    expect(empty.errors).toEqual({ startAt: { code: 'required' } });
    // The document still holds a valid instant, so nothing else is reported.
    expect(empty.doc.startAt).toBe(NOW);

    const garbage = formToVisit(values({ startAt: '明天上午' }), envelope, undefined, USER, NOW);
    expect(garbage.errors).toEqual({ startAt: { code: 'date' } });

    const keep = formToVisit(values({ startAt: '' }), envelope, draft, USER, NOW);
    expect(keep.errors).toEqual({ startAt: { code: 'required' } });
    expect(keep.doc.startAt).toBe(draft.startAt);
  });

  describe('follow-up date', () => {
    it('is refused before the visit day', () => {
      const { errors } = formToVisit(values({ startAt: '2026-03-02T10:00', followUpDate: '2026-03-01' }), envelope, undefined, USER, NOW);
      expect(errors).toEqual({ followUpDate: { code: 'followUpBeforeVisit' } });
      expect(errors.followUpDate?.code).toBe('followUpBeforeVisit');
    });

    it('is accepted on the visit day itself or later', () => {
      for (const followUpDate of ['2026-03-02', '2026-03-03', '2027-01-01']) {
        expect(formToVisit(values({ startAt: '2026-03-02T10:00', followUpDate }), envelope, undefined, USER, NOW).errors).toEqual({});
      }
    });

    it('reports a malformed date as date, not as before the visit', () => {
      const { errors } = formToVisit(values({ startAt: '2026-03-02T10:00', followUpDate: '2026/03/01' }), envelope, undefined, USER, NOW);
      expect(errors).toEqual({ followUpDate: { code: 'date' } });
    });

    it.skipIf(!canSwitchTimeZone)('compares with the local visit day, not the UTC day (early morning in Beijing)', () => {
      withTimeZone('Asia/Shanghai', () => {
        // 07:30 in Beijing is 23:30 UTC on the previous day.
        const before = formToVisit(values({ startAt: '2026-03-02T07:30', followUpDate: '2026-03-01' }), envelope, undefined, USER, NOW);
        expect(before.doc.startAt).toBe('2026-03-01T23:30:00.000Z');
        expect(before.errors).toEqual({ followUpDate: { code: 'followUpBeforeVisit' } });
        const sameDay = formToVisit(values({ startAt: '2026-03-02T07:30', followUpDate: '2026-03-02' }), envelope, undefined, USER, NOW);
        expect(sameDay.errors).toEqual({});
      });
    });

    it.skipIf(!canSwitchTimeZone)('compares with the local visit day, not the UTC day (evening west of UTC)', () => {
      withTimeZone('America/New_York', () => {
        // 20:00 in New York is 01:00 UTC on the next day.
        const { errors } = formToVisit(values({ startAt: '2026-03-02T20:00', followUpDate: '2026-03-02' }), envelope, undefined, USER, NOW);
        expect(errors).toEqual({});
      });
    });
  });

  describe('editing an existing draft', () => {
    it('removes an optional field the rep cleared', () => {
      const form = visitToForm(draft);
      Object.assign(form, { location: '', duration: ' ', cost: '', summary: '', jointActions: '', nextStep: '', followUpDate: '' });
      form.samples = [];
      form.concessions = [{ kind: 'price', description: '', value: '' }];
      form.products = [];
      const { doc, errors } = formToVisit(form, envelope, draft, USER, NOW, lookup);
      expect(errors).toEqual({});
      for (const key of ['location', 'durationMinutes', 'cost', 'summary', 'jointActions', 'nextStep', 'followUpDate', 'samples', 'concessions', 'productsPresented']) {
        expect(doc).not.toHaveProperty(key);
      }
      expect(validateDocument('visits', doc)).toEqual({});
    });

    it('keeps a draft a draft, without a submission time, and records who changed it', () => {
      const { doc, errors } = formToVisit(visitToForm(draft), envelope, draft, 'u-manager-wu', NOW, lookup, 'draft');
      expect(errors).toEqual({});
      expect(doc.status).toBe('draft');
      expect(doc).not.toHaveProperty('submittedAt');
      expect(doc.updatedAt).toBe(NOW);
      expect(doc.updatedBy).toBe('u-manager-wu');
    });

    it('submits a draft: status submitted, submitted now, everything else as typed', () => {
      const form = { ...visitToForm(draft), summary: '主任同意下月科室会。' };
      const { doc, errors } = formToVisit(form, envelope, draft, USER, NOW, lookup, 'submit');
      expect(errors).toEqual({});
      expect(doc).toEqual({ ...draft, summary: '主任同意下月科室会。', status: 'submitted', submittedAt: NOW, updatedAt: NOW, updatedBy: USER });
      expect(validateDocument('visits', doc)).toEqual({});
    });

    it('keeps fields the form does not manage, and takes identity from the envelope', () => {
      const existing: Visit = { ...draft, activityId: 'act-2026-q1-lipid', territoryId: 'T-OLD', repId: 'u-someone' };
      const { doc } = formToVisit(visitToForm(existing), envelope, existing, USER, NOW, lookup);
      expect(doc.activityId).toBe('act-2026-q1-lipid');
      expect(doc).toMatchObject(envelope);
    });

    it('does not mutate the existing visit', () => {
      const existing = structuredClone(draft);
      const form = visitToForm(existing);
      form.location = '';
      form.samples = [];
      formToVisit(form, envelope, existing, USER, NOW, lookup, 'submit');
      expect(existing).toEqual(draft);
    });
  });

  describe('draft or submit', () => {
    it('saves a draft unless asked to submit: the safe default', () => {
      const { doc } = formToVisit(values(), envelope, undefined, USER, NOW);
      expect(doc.status).toBe('draft');
      expect(doc).not.toHaveProperty('submittedAt');
    });

    it('submits a new visit straight away, stamping the submission time', () => {
      const { doc, errors } = formToVisit(values({ summary: '电话随访' }), envelope, undefined, USER, NOW, lookup, 'submit');
      expect(errors).toEqual({});
      expect(doc.status).toBe('submitted');
      expect(doc.submittedAt).toBe(NOW);
      expect(validateDocument('visits', doc)).toEqual({});
    });

    it('checks a draft and a submission alike: nothing invalid is ever stored', () => {
      const form = values({ startAt: '2026-03-02T10:00', duration: 'half an hour', followUpDate: '2026-03-01' });
      const expected = { durationMinutes: { code: 'number' }, followUpDate: { code: 'followUpBeforeVisit' } };
      expect(formToVisit(form, envelope, undefined, USER, NOW, lookup, 'draft').errors).toEqual(expected);
      expect(formToVisit(form, envelope, undefined, USER, NOW, lookup, 'submit').errors).toEqual(expected);
    });

    it('refuses to change a submitted visit, whatever the intent', () => {
      for (const intent of ['draft', 'submit'] as const) {
        expect(() => formToVisit(visitToForm(stored), envelope, stored, USER, NOW, lookup, intent)).toThrow(/submitted/);
      }
    });
  });

  describe('isVisitEditable', () => {
    it('is true for a draft and false once submitted (append-only)', () => {
      expect(isVisitEditable(draft)).toBe(true);
      expect(isVisitEditable(stored)).toBe(false);
    });
  });
});

describe('visitToForm', () => {
  it('turns a stored visit into form text', () => {
    expect(visitToForm(stored)).toEqual({
      kind: 'visit',
      startAt: (() => {
        const d = new Date(stored.startAt);
        const pad = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
      })(),
      location: '中山医院 心内科门诊',
      duration: '25',
      cost: '120.5',
      currency: 'CNY',
      concessions: [
        { kind: 'gift', description: '科室学术资料', value: '50' },
        { kind: 'other', description: '午餐会场地', value: '' },
      ],
      products: [ATV, '新型降脂复方（未上市）'],
      samples: [{ product: RSV, quantity: '2' }],
      summary: stored.summary,
      jointActions: '下月科室会联合讲课',
      nextStep: '送最新指南解读',
      followUpDate: '2026-03-16',
      activityId: '',
    });
  });

  it('links the contact to a marketing activity, and unlinks it', () => {
    const linked = formToVisit(values({ activityId: 'act-7' }), envelope, undefined, USER, NOW);
    expect(linked.errors).toEqual({});
    expect(linked.doc.activityId).toBe('act-7');
    expect(visitToForm(linked.doc).activityId).toBe('act-7');
    const unlinked = formToVisit({ ...visitToForm(linked.doc), activityId: '' }, envelope, linked.doc, USER, NOW);
    expect(unlinked.doc).not.toHaveProperty('activityId');
  });

  it('gives empty text for a minimal visit and the default currency', () => {
    const minimal: Visit = {
      ...envelope, kind: 'call', status: 'submitted', startAt: '2026-03-02T02:00:00.000Z', updatedAt: CREATED, updatedBy: USER,
    };
    const form = visitToForm(minimal);
    expect(form).toMatchObject({
      kind: 'call', location: '', duration: '', cost: '', currency: 'CNY', concessions: [], products: [], samples: [],
      summary: '', jointActions: '', nextStep: '', followUpDate: '',
    });
  });

  it('keeps a zero duration and a zero cost', () => {
    const form = visitToForm({ ...stored, durationMinutes: 0, cost: { amount: 0, currency: 'HKD' } });
    expect(form.duration).toBe('0');
    expect(form.cost).toBe('0');
    expect(form.currency).toBe('HKD');
  });

  it('round-trips a draft through formToVisit unchanged', () => {
    const { doc, errors } = formToVisit(visitToForm(draft), envelope, draft, draft.updatedBy, draft.updatedAt, lookup, 'draft');
    expect(errors).toEqual({});
    expect(doc).toEqual(draft);
  });
});

describe('formToVisit: rows left blank and errors on the row shown', () => {
  const envelope = { id: 'v-rows', customerId: 'c-1', territoryId: 't-1', repId: 'u-1', createdAt: '2026-11-01T00:00:00.000Z', createdBy: 'u-1' };
  const base = { ...emptyVisitForm(new Date(2026, 10, 20, 10, 0)), summary: 'ok' };

  it('drops a new sample row that was never filled in (quantity still 1)', () => {
    const { doc, errors } = formToVisit({ ...base, samples: [{ product: '', quantity: '1' }] }, envelope, undefined, 'u-1', '2026-11-20T02:00:00.000Z');
    expect(errors).toEqual({});
    expect(doc.samples).toBeUndefined();
  });

  it('asks for the product when only a quantity was typed', () => {
    const { errors } = formToVisit({ ...base, samples: [{ product: '', quantity: '5' }] }, envelope, undefined, 'u-1', '2026-11-20T02:00:00.000Z');
    expect(errors['samples.0.product']).toEqual({ code: 'required' });
  });

  it('puts errors on the row on screen when a blank row sits above', () => {
    const { errors } = formToVisit(
      {
        ...base,
        samples: [{ product: '', quantity: '' }, { product: 'Norvasc', quantity: '0' }],
        concessions: [{ kind: 'price', description: '', value: '' }, { kind: 'voucher', description: 'Voucher', value: 'ten' }],
      },
      envelope, undefined, 'u-1', '2026-11-20T02:00:00.000Z',
    );
    expect(errors['samples.1.quantity']?.code).toBe('range');
    expect(errors['concessions.1.value']).toEqual({ code: 'number' });
    expect(errors['samples.0.quantity']).toBeUndefined();
  });
});
