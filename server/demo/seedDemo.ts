import { demoCustomers } from '../../shared/demo/demoCustomers';
import { pick, seededRandom } from '../../shared/demo/random';
import type { Role } from '../../shared/schemas';
import type { SyncDoc } from '../../shared/sync/protocol';
import { createTerritory, createUser, SYSTEM_USER } from '../org/org';
import { writeAsSystem } from '../org/systemWrite';
import { DEMO_PRODUCTS as PRODUCTS, seedProducts } from './seedProducts';
import { seedTeam } from './seedTeam';
import { seedFeedback } from './seedFeedback';
import { seedReminders } from './seedReminders';
import { seedKnowledge } from './seedKnowledge';
import type { Store, UserRecord } from '../store/types';

/**
 * A realistic demo organisation: an admin, two managers (North, mostly Chinese data; East,
 * more English data), six reps with one territory each, ~120 customers per territory, a small
 * product catalogue with Chinese and English names, two knowledge articles and recent visits.
 * Idempotent: a store that already has users is left alone.
 */
export const DEMO_PASSWORD = 'fieldbook-demo';

interface DemoTerritory {
  id: string;
  name: string;
  code: string;
  rep: { userName: string; displayName: string };
  team: 'north' | 'east';
}

const TERRITORIES: readonly DemoTerritory[] = [
  { id: 't-bj', name: '北京 Beijing', code: 'BJ', rep: { userName: 'zhang.wei', displayName: '张伟' }, team: 'north' },
  { id: 't-tj', name: '天津 Tianjin', code: 'TJ', rep: { userName: 'li.na', displayName: '李娜' }, team: 'north' },
  { id: 't-sy', name: '沈阳 Shenyang', code: 'SY', rep: { userName: 'wang.fang', displayName: '王芳' }, team: 'north' },
  { id: 't-sh', name: '上海 Shanghai', code: 'SH', rep: { userName: 'chen.jie', displayName: '陈杰' }, team: 'east' },
  { id: 't-hz', name: '杭州 Hangzhou', code: 'HZ', rep: { userName: 'david.wu', displayName: 'David Wu' }, team: 'east' },
  { id: 't-gz', name: '广州 Guangzhou', code: 'GZ', rep: { userName: 'sophie.lin', displayName: 'Sophie Lin' }, team: 'east' },
];

const MANAGERS = {
  north: { userName: 'wang.manager', displayName: '王强（北区经理）' },
  east: { userName: 'emily.manager', displayName: 'Emily Carter (East)' },
} as const;

const VISIT_NOTES_ZH = [
  '介绍了康脉宁新的临床数据，主任对老年患者的安全性很关注，约定下月带文献再访。',
  '科室会顺利举行，约30名医生参加，提出了关于联合用药的问题，已转医学部。',
  '药剂科反馈糖平近期到货不及时，已联系经销商跟进。',
  '主任希望获得患者教育手册（中文版），下次拜访时带20份。',
];
const VISIT_NOTES_EN = [
  'Presented the Cardiolin outcomes data; she asked about use in patients with renal impairment. Sending the SmPC section.',
  'Short call: the pharmacy wants to increase the Glucostat order next month. Follow up with the distributor.',
  'Department meeting with 12 physicians; good interest in the Pulmocare inhaler technique training.',
  'Dr. asked for head-to-head data versus competitors; routed to medical affairs.',
];

export interface SeedOptions {
  now: () => string;
  newId: () => string;
  password?: string;
  customersPerTerritory?: number;
}

export interface SeedResult {
  seeded: boolean;
  password?: string;
  users: { userName: string; roles: Role[]; territoryIds: string[] }[];
  customers: number;
}

export async function seedDemo(store: Store, options: SeedOptions): Promise<SeedResult> {
  if ((await store.listUsers()).length > 0) return { seeded: false, users: [], customers: 0 };
  const password = options.password ?? DEMO_PASSWORD;
  const perTerritory = options.customersPerTerritory ?? 120;
  const now = options.now();
  const clock = { now: options.now, newId: options.newId };
  const users: UserRecord[] = [];

  for (const t of TERRITORIES) await createTerritory(store, { id: t.id, name: t.name }, now);
  users.push(await createUser(store, { userName: 'admin', displayName: 'Fieldbook Admin 系统管理员', password, roles: ['admin'], territoryIds: [] }, clock));
  for (const m of Object.values(MANAGERS)) {
    users.push(await createUser(store, { userName: m.userName, displayName: m.displayName, password, roles: ['manager'], territoryIds: [] }, clock));
  }
  const reps = new Map<string, UserRecord>();
  for (const t of TERRITORIES) {
    const rep = await createUser(store, { ...t.rep, password, roles: ['rep'], territoryIds: [t.id], managerUserName: MANAGERS[t.team].userName }, clock);
    reps.set(t.id, rep);
    users.push(rep);
  }

  const stamp = { createdAt: now, updatedAt: now, createdBy: SYSTEM_USER, updatedBy: SYSTEM_USER };
  await seedProducts(store, now);
  await writeAsSystem(store, 'articles', [
    { id: 'kb-cardiolin-elderly', title: '康脉宁用于老年高血压患者的剂量建议', body: '起始剂量 2.5 mg，每日一次；根据血压反应在 2–4 周后调整。\n\n超出说明书的问题请转医学部。', product: { productId: 'prod-cardiolin', name: '康脉宁 Cardiolin 5 mg' }, category: 'product', tags: ['高血压', '老年'], lang: 'zh-CN', version: 1, status: 'published', publishedAt: now, authorId: users[0]!.id, ...stamp, _deleted: false },
    { id: 'kb-complaint-procedure', title: 'How to log a product complaint', body: 'Record the customer\'s words verbatim, the batch number if known, and route it to Quality within 1 business day.\n\nAny side effect is an **adverse event**: report it within 24 hours.', category: 'service', tags: ['complaint', 'quality'], lang: 'en', version: 1, status: 'published', publishedAt: now, authorId: users[0]!.id, ...stamp, _deleted: false },
  ], now);

  let customerCount = 0;
  const nowMs = Date.parse(now);
  for (const [index, t] of TERRITORIES.entries()) {
    const rep = reps.get(t.id)!;
    const customers = demoCustomers({
      count: perTerritory,
      seed: 1000 + index * 37,
      territoryId: t.id,
      ownerId: rep.id,
      englishShare: t.team === 'east' ? 0.45 : 0.08,
      now,
    }).map((c) => ({ ...c, code: `${t.code}-${c.code}`, _deleted: false }));
    customerCount += customers.length;
    await writeAsSystem(store, 'customers', customers, now);

    const random = seededRandom(2000 + index);
    const notes = t.team === 'east' ? [...VISIT_NOTES_EN, ...VISIT_NOTES_ZH.slice(0, 1)] : [...VISIT_NOTES_ZH, ...VISIT_NOTES_EN.slice(0, 1)];
    const visits: SyncDoc<'visits'>[] = [];
    const visitCount = Math.min(12, customers.length);
    for (let i = 0; i < visitCount; i++) {
      const customer = customers[Math.floor(random() * customers.length)]!;
      const startAt = new Date(nowMs - (1 + Math.floor(random() * 30)) * 86_400_000 - Math.floor(random() * 8) * 3_600_000).toISOString();
      const product = pick(random, PRODUCTS);
      const submitted = i % 4 !== 0;
      visits.push({
        id: `demo-visit-${t.id}-${String(i + 1).padStart(3, '0')}`,
        customerId: customer.id,
        territoryId: t.id,
        repId: rep.id,
        kind: pick(random, ['visit', 'visit', 'call', 'meeting'] as const),
        status: submitted ? 'submitted' : 'draft',
        startAt,
        durationMinutes: 15 + Math.floor(random() * 4) * 15,
        productsPresented: [{ productId: product.id, name: product.name }],
        summary: pick(random, notes),
        ...(submitted ? { submittedAt: startAt } : {}),
        ...stamp,
        createdBy: rep.id,
        updatedBy: rep.id,
        _deleted: false,
      });
    }
    await writeAsSystem(store, 'visits', visits, now);
  }
  await seedFeedback(store, { now });
  await seedReminders(store, { now });
  await seedKnowledge(store, { now, newId: options.newId, password });
  await seedTeam(store, { now });

  return {
    seeded: true,
    password,
    users: users.map((u) => ({ userName: u.userName, roles: u.roles, territoryIds: u.territoryIds })),
    customers: customerCount,
  };
}
