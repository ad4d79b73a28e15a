/**
 * Every document schema against real RxDB (memory storage, ajv validation, dev-mode):
 * a realistic document is accepted, and the mistakes the app must never store are refused
 * without writing anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { collectionCreators } from '../db/collections';
import type { CollectionName, DocTypes } from './index';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

const CREATED = '2026-03-02T01:30:00.000Z';
const meta = { createdAt: CREATED, updatedAt: CREATED, createdBy: 'u-rep-zhang', updatedBy: 'u-rep-zhang' };
const lipitor = { productId: 'p-atorva-20', name: '阿托伐他汀钙片 20mg' };

/** One realistic, valid document per collection; the typing keeps them in step with the schemas. */
const valid: { [K in CollectionName]: DocTypes[K] } = {
  customers: {
    id: 'c-0001', code: 'HCP-0001', name: '张伟', type: 'hcp', territoryId: 'T-BJ-01', ownerId: 'u-rep-zhang',
    institution: '北京协和医院', department: '心内科', title: '主任医师', specialty: '心血管',
    address: { line: '东城区帅府园1号', city: '北京', province: '北京市', postalCode: '100730', country: 'CN' },
    phone: '+86 10 6915-6114', email: 'zhang.wei@pumch.example.cn', preferredChannel: 'wechat',
    contacts: [{ name: '王芳', role: '科室秘书', phone: '010-69156114' }],
    keyDates: [{ kind: 'birthday', label: '生日', date: '05-12' }],
    currency: 'CNY', creditLimit: 0, quotations: [{ date: '2026-02-20', product: lipitor, price: { amount: 38.5, currency: 'CNY' } }],
    dataConsent: { purpose: '学术拜访与产品信息沟通', grantedAt: '2026-01-15' },
    assessment: { tier: 'A', rating: 5, creditStanding: 'good', annualSales: 120000, reviewedAt: '2026-02-28' },
    notes: '关注房颤抗凝，周二上午门诊后可拜访',
    ...meta,
  },
  visits: {
    id: 'v-0001', customerId: 'c-0001', territoryId: 'T-BJ-01', repId: 'u-rep-zhang', kind: 'visit', status: 'submitted',
    startAt: '2026-03-02T02:00:00.000Z', location: '北京协和医院 心内科门诊', durationMinutes: 20,
    cost: { amount: 0, currency: 'CNY' }, productsPresented: [lipitor], samples: [{ product: lipitor, quantity: 2 }],
    concessions: [{ kind: 'gift', description: '科室学术资料', value: { amount: 50, currency: 'CNY' } }],
    summary: 'Discussed LDL-C targets for post-PCI patients.', nextStep: '送最新指南解读', followUpDate: '2026-03-16',
    submittedAt: '2026-03-02T03:00:00.000Z', ...meta,
  },
  feedback: {
    id: 'f-0001', customerId: 'c-0001', territoryId: 'T-BJ-01', repId: 'u-rep-zhang', visitId: 'v-0001',
    kind: 'rating', product: lipitor, rating: 4, customerWords: '疗效稳定，患者依从性好', repReading: 'Positive; price is a concern.',
    status: 'new', capturedAt: '2026-03-02T02:15:00.000Z', ...meta,
  },
  adverseevents: {
    id: 'ae-0001', territoryId: 'T-BJ-01', repId: 'u-rep-zhang', customerId: 'c-0001', visitId: 'v-0001',
    patient: { initials: 'L.M.', ageYears: 67, sex: 'female' }, reporter: { name: '张伟', role: '主任医师' },
    product: lipitor, event: '服药两周后出现肌肉酸痛，CK 轻度升高', onsetDate: '2026-02-25', seriousness: 'non_serious',
    seriousnessCriteria: [], capturedAt: '2026-03-02T02:20:00.000Z', ...meta,
  },
  products: {
    id: 'p-atorva-20', code: 'ATV-20', name: '阿托伐他汀钙片 20mg', genericName: 'Atorvastatin calcium', type: 'rx',
    status: 'active', indications: '高胆固醇血症；冠心病', ...meta,
  },
  articles: {
    id: 'a-0001', title: '他汀类药物肌肉症状的处理', body: '## 要点\n\n1. 评估 CK 水平……', product: lipitor,
    category: 'product', tags: ['他汀', 'safety'], lang: 'zh-CN', version: 1, status: 'published',
    publishedAt: '2026-01-10T00:00:00.000Z', authorId: 'u-med-li', ...meta,
  },
  questions: {
    id: 'q-0001', territoryId: 'T-BJ-01', askedBy: 'u-rep-zhang', customerId: 'c-0001', product: lipitor,
    type: 'product_service', routedTo: 'medical_affairs', text: 'Can it be combined with ezetimibe in CKD stage 3?',
    status: 'answered', answer: { text: '可以，需监测肾功能。', by: 'u-med-li', at: '2026-03-03T08:00:00.000Z' },
    askedAt: '2026-03-02T02:30:00.000Z', ...meta,
  },
  reminders: {
    id: 'r-0001', ownerId: 'u-rep-zhang', territoryId: 'T-BJ-01', kind: 'replenishment', customerId: 'c-0006',
    product: lipitor, title: '协和医院门诊药房补货', dueDate: '2026-03-16', intervalDays: 30, status: 'open', ...meta,
  },
  colleagues: {
    id: 'u-rep-zhang', userName: 'rep.zhang', displayName: '张明 Zhang Ming', roles: ['rep'], title: '医药代表',
    email: 'rep.zhang@fieldbook.example', phone: '+86 138 0013 8000', managerId: 'u-mgr-liu', territoryIds: ['T-BJ-01'],
    active: true, ...meta,
  },
  activities: {
    id: 'act-0001', territoryId: 'T-BJ-01', ownerId: 'u-rep-zhang', name: '心血管年会卫星会', kind: 'meeting',
    status: 'planned', startDate: '2026-04-18', endDate: '2026-04-19', cost: { amount: 80000, currency: 'CNY' },
    products: [lipitor], description: 'Satellite symposium at the regional cardiology congress', ...meta,
  },
  comments: {
    id: 'cm-0001', territoryId: 'T-BJ-01', customerId: 'c-0001', targetCollection: 'visits', targetId: 'v-0001',
    kind: 'coaching', authorId: 'u-mgr-liu', text: 'Good call. Next time ask about the formulary meeting date.',
    at: '2026-03-02T10:00:00.000Z', ...meta,
  },
  conflicts: {
    id: 'cf-0001', territoryId: 'T-BJ-01', targetCollection: 'customers', documentId: 'c-0001', field: 'phone',
    keptValue: '"+86 10 6915-6114"', otherValue: '"+86 10 6915-6000"', otherBy: 'u-rep-li', otherAt: '2026-03-02T09:00:00.000Z',
    status: 'open', ...meta,
  },
};

type Doc = Record<string, unknown>;
const without = (doc: object, ...keys: string[]): Doc => {
  const copy: Doc = { ...doc };
  for (const key of keys) delete copy[key];
  return copy;
};
const patch = (doc: object, changes: Doc): Doc => ({ ...doc, ...changes });

const { customers: c, visits: v, feedback: f, adverseevents: ae, products: p, articles: a, questions: q, reminders: r,
  colleagues: col, activities: act, comments: cm, conflicts: cf } = valid;

/** [collection, what is wrong, document]. Each must be refused by schema validation. */
const invalid: Array<[CollectionName, string, Doc]> = [
  ['customers', 'missing name', without(c, 'name')],
  ['customers', 'missing updatedAt (meta)', without(c, 'updatedAt')],
  ['customers', 'unknown type', patch(c, { type: 'hospital' })],
  ['customers', 'unknown tier', patch(c, { assessment: { tier: 'S' } })],
  ['customers', 'bad email', patch(c, { email: 'zhang.wei@pumch' })],
  ['customers', 'bad phone', patch(c, { phone: 'call me' })],
  ['customers', 'bad code pattern', patch(c, { code: '-HCP 0001' })],
  ['customers', 'negative credit limit', patch(c, { creditLimit: -1 })],
  ['customers', 'rating 6 in assessment', patch(c, { assessment: { rating: 6 } })],
  ['customers', 'lower-case currency', patch(c, { currency: 'cny' })],
  ['customers', 'createdAt not UTC instant', patch(c, { createdAt: '2026-03-02 09:30:00' })],
  ['customers', 'unknown extra property', patch(c, { wechatId: 'zw_pumch' })],
  ['customers', 'unknown property in nested address', patch(c, { address: { city: '北京', district: '东城区' } })],
  ['visits', 'missing customerId', without(v, 'customerId')],
  ['visits', 'unknown kind', patch(v, { kind: 'dinner' })],
  ['visits', 'startAt with a time-zone offset', patch(v, { startAt: '2026-03-02T10:00:00+08:00' })],
  ['visits', 'followUpDate not YYYY-MM-DD', patch(v, { followUpDate: '2026/3/16' })],
  ['visits', 'negative cost', patch(v, { cost: { amount: -10, currency: 'CNY' } })],
  ['visits', 'sample quantity 0', patch(v, { samples: [{ product: lipitor, quantity: 0 }] })],
  ['visits', 'sample without product', patch(v, { samples: [{ quantity: 2 }] })],
  ['visits', 'unknown extra property', patch(v, { gps: '39.91,116.41' })],
  ['feedback', 'missing capturedAt', without(f, 'capturedAt')],
  ['feedback', 'unknown kind', patch(f, { kind: 'praise' })],
  ['feedback', 'rating 0', patch(f, { rating: 0 })],
  ['feedback', 'rating 6', patch(f, { rating: 6 })],
  ['feedback', 'rating 3.5', patch(f, { rating: 3.5 })],
  ['feedback', 'unknown extra property', patch(f, { sentiment: 'positive' })],
  ['adverseevents', 'missing patient', without(ae, 'patient')],
  ['adverseevents', 'missing patient initials', patch(ae, { patient: { sex: 'female', ageYears: 67 } })],
  ['adverseevents', 'empty patient initials', patch(ae, { patient: { initials: '', sex: 'female' } })],
  ['adverseevents', 'missing reporter', without(ae, 'reporter')],
  ['adverseevents', 'missing reporter name', patch(ae, { reporter: { role: '主任医师' } })],
  ['adverseevents', 'missing product', without(ae, 'product')],
  ['adverseevents', 'product without name', patch(ae, { product: { productId: 'p-atorva-20' } })],
  ['adverseevents', 'missing event', without(ae, 'event')],
  ['adverseevents', 'empty event', patch(ae, { event: '' })],
  ['adverseevents', 'unknown seriousness', patch(ae, { seriousness: 'mild' })],
  ['adverseevents', 'unknown seriousness criterion', patch(ae, { seriousness: 'serious', seriousnessCriteria: ['expensive'] })],
  ['adverseevents', 'onsetDate not YYYY-MM-DD', patch(ae, { onsetDate: '25.02.2026' })],
  ['adverseevents', 'unknown extra property', patch(ae, { patientName: '刘梅' })],
  ['products', 'missing code', without(p, 'code')],
  ['products', 'unknown type', patch(p, { type: 'generic' })],
  ['products', 'unknown extra property', patch(p, { price: 38.5 })],
  ['articles', 'missing body', without(a, 'body')],
  ['articles', 'unknown status', patch(a, { status: 'archived' })],
  ['articles', 'unknown lang', patch(a, { lang: 'fr' })],
  ['articles', 'version 0', patch(a, { version: 0 })],
  ['articles', 'unknown extra property', patch(a, { views: 10 })],
  ['questions', 'missing text', without(q, 'text')],
  ['questions', 'unknown route', patch(q, { routedTo: 'sales' })],
  ['questions', 'answer without author', patch(q, { answer: { text: '可以', at: '2026-03-03T08:00:00.000Z' } })],
  ['questions', 'unknown extra property', patch(q, { urgent: true })],
  ['reminders', 'missing dueDate', without(r, 'dueDate')],
  ['reminders', 'dueDate with time', patch(r, { dueDate: '2026-03-16T09:00:00.000Z' })],
  ['reminders', 'unknown status', patch(r, { status: 'snoozed' })],
  ['reminders', 'interval 0 days', patch(r, { intervalDays: 0 })],
  ['reminders', 'due time 24:00', patch(r, { dueTime: '24:00' })],
  ['reminders', 'due time without minutes', patch(r, { dueTime: '9' })],
  ['reminders', 'unknown extra property', patch(r, { priority: 'high' })],
  ['colleagues', 'missing roles', without(col, 'roles')],
  ['colleagues', 'no roles', patch(col, { roles: [] })],
  ['colleagues', 'unknown role', patch(col, { roles: ['superuser'] })],
  ['colleagues', 'bad email', patch(col, { email: 'rep.zhang at fieldbook' })],
  ['colleagues', 'bad phone', patch(col, { phone: '138-abc' })],
  ['colleagues', 'unknown extra property', patch(col, { password: 'secret' })],
  ['activities', 'missing startDate', without(act, 'startDate')],
  ['activities', 'unknown kind', patch(act, { kind: 'dinner' })],
  ['activities', 'negative cost', patch(act, { cost: { amount: -1, currency: 'CNY' } })],
  ['activities', 'startDate not YYYY-MM-DD', patch(act, { startDate: '2026-4-18' })],
  ['activities', 'unknown extra property', patch(act, { venue: '国家会议中心' })],
  ['comments', 'missing text', without(cm, 'text')],
  ['comments', 'unknown target collection', patch(cm, { targetCollection: 'products' })],
  ['comments', 'at not an instant', patch(cm, { at: 'yesterday' })],
  ['comments', 'unknown extra property', patch(cm, { likes: 3 })],
  ['comments', 'tier change to an unknown tier', patch(cm, { kind: 'tier_change', targetCollection: 'customers', targetId: 'c-0001', tierTo: 'E' })],
  ['conflicts', 'missing otherValue', without(cf, 'otherValue')],
  ['conflicts', 'unknown status', patch(cf, { status: 'merged' })],
  ['conflicts', 'unknown extra property', patch(cf, { collection: 'customers' })],
];

let db: RxDatabase;
const collectionOf = (name: CollectionName): RxCollection => db.collections[name] as RxCollection;

describe('document schemas', () => {
  // One database only: RxDB's open-source tier allows 13 open collections per process, and
  // the app uses 12, so a second database cannot be open at the same time.
  beforeAll(async () => {
    db = await createRxDatabase({
      name: 'schemas_test',
      storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
      multiInstance: false,
    });
    await db.addCollections(collectionCreators());
  });
  afterAll(async () => {
    await db.close();
  });

  it.each(Object.keys(valid) as CollectionName[])('%s: a realistic document is stored unchanged', async (name) => {
    const doc = valid[name];
    const stored = await collectionOf(name).insert(doc);
    expect(stored.toJSON()).toEqual(doc);
    // Leave the collection empty so the refusal cases below can check that nothing was written.
    await stored.remove();
    expect(await collectionOf(name).count().exec()).toBe(0);
  });

  it('has refusal cases for every collection', () => {
    expect(new Set(invalid.map(([name]) => name))).toEqual(new Set(Object.keys(valid)));
  });

  it.each(invalid)('%s: refuses %s', async (name, _why, doc) => {
    const collection = collectionOf(name);
    // VD2 is the schema-validation error: the document was refused for the reason under test.
    await expect(collection.insert(doc)).rejects.toMatchObject({ code: 'VD2' });
    expect(await collection.count().exec()).toBe(0);
  });
});
