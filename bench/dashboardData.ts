import { demoCustomers } from '../shared/demo/demoCustomers';
import { pick, seededRandom } from '../shared/demo/random';
import { FEEDBACK_KINDS, type Activity, type AdverseEvent, type Comment, type Customer, type Feedback, type Question, type Visit } from '../shared/schemas';
import { addDays } from '../shared/reports/days';

/**
 * A big team for the dashboard benchmarks, the same on every run (seeded PRNG): by default
 * 20 reps with one territory each, 10,000 customers and 100,000 visits over the last year,
 * with feedback, questions, adverse events, activities and tier changes in proportion.
 */
export interface TeamData {
  asOf: string;
  repIds: string[];
  customers: Customer[];
  visits: Visit[];
  feedback: Feedback[];
  questions: Question[];
  adverseEvents: AdverseEvent[];
  activities: Activity[];
  comments: Comment[];
}

const PRODUCTS = [
  { productId: 'prod-cardiolin', name: '康脉宁 Cardiolin 5 mg' },
  { productId: 'prod-glucostat', name: '糖平 Glucostat XR 500 mg' },
  { productId: 'prod-pulmocare', name: '肺清 Pulmocare Inhaler 160/4.5' },
  { productId: 'prod-somnara', name: '安眠舒 Somnara 10 mg' },
  { productId: 'prod-vitacal', name: '钙维乐 VitaCal D3' },
];

export function generateTeam({ reps = 20, customers: customerCount = 10_000, visits: visitCount = 100_000, asOf = '2026-11-20', seed = 7 } = {}): TeamData {
  const random = seededRandom(seed);
  const meta = { createdAt: `${asOf}T00:00:00.000Z`, updatedAt: `${asOf}T00:00:00.000Z`, createdBy: 'bench', updatedBy: 'bench' };
  const repIds = Array.from({ length: reps }, (_, i) => `rep-${String(i + 1).padStart(2, '0')}`);
  const territoryOf = (repId: string) => `t-${repId}`;
  const perRep = Math.ceil(customerCount / reps);
  const customers: Customer[] = [];
  const byRep = new Map<string, Customer[]>();
  for (const [i, repId] of repIds.entries()) {
    const batch = demoCustomers({ count: Math.min(perRep, customerCount - customers.length), seed: 100 + i, territoryId: territoryOf(repId), ownerId: repId, now: meta.createdAt })
      .map((c) => ({
        ...c,
        id: `${repId}-${c.id}`,
        code: `${repId}-${c.code}`,
        assessment: { ...c.assessment, ...(random() < 0.5 ? { potentialValue: Math.round(random() * 1_000_000) } : {}) },
      }));
    customers.push(...batch);
    byRep.set(repId, batch);
  }

  const activities: Activity[] = Array.from({ length: 50 }, (_, i) => {
    const repId = repIds[i % reps]!;
    const startDate = addDays(asOf, -Math.floor(random() * 330));
    return {
      id: `act-${i}`, territoryId: territoryOf(repId), ownerId: 'manager', name: `Activity ${i}`, kind: pick(random, ['meeting', 'sponsorship', 'sample_campaign'] as const),
      status: 'done', startDate, endDate: addDays(startDate, 1), cost: { amount: Math.round(random() * 50_000), currency: 'CNY' }, ...meta,
    };
  });

  const asOfMs = Date.parse(`${asOf}T12:00:00.000Z`);
  const visits: Visit[] = [];
  for (let i = 0; i < visitCount; i++) {
    const repId = repIds[i % reps]!;
    const customer = pick(random, byRep.get(repId)!);
    const startMs = asOfMs - Math.floor(random() * 365 * 86_400_000);
    const startAt = new Date(startMs).toISOString();
    const r = random();
    visits.push({
      id: `v-${i}`, customerId: customer.id, territoryId: customer.territoryId, repId, kind: pick(random, ['visit', 'visit', 'call', 'meeting'] as const),
      status: r < 0.9 ? 'submitted' : 'draft', startAt,
      ...(r < 0.3 ? { followUpDate: addDays(startAt.slice(0, 10), 7 + Math.floor(random() * 21)) } : {}),
      ...(random() < 0.1 ? { activityId: `act-${Math.floor(random() * activities.length)}` } : {}),
      ...(random() < 0.2 ? { cost: { amount: Math.round(random() * 500), currency: 'CNY' } } : {}),
      ...meta,
    });
  }

  const feedback: Feedback[] = Array.from({ length: visitCount / 20 }, (_, i) => {
    const v = visits[Math.floor(random() * visits.length)]!;
    return {
      id: `f-${i}`, customerId: v.customerId, territoryId: v.territoryId, repId: v.repId, visitId: v.id, kind: pick(random, FEEDBACK_KINDS),
      ...(random() < 0.9 ? { product: pick(random, PRODUCTS) } : {}), status: pick(random, ['new', 'acknowledged', 'in_progress', 'resolved'] as const),
      capturedAt: v.startAt, ...meta,
    };
  });
  const questions: Question[] = Array.from({ length: visitCount / 200 }, (_, i) => ({
    id: `q-${i}`, territoryId: territoryOf(repIds[i % reps]!), askedBy: repIds[i % reps]!, type: 'product_service', routedTo: 'expert',
    text: 'Dose in renal impairment?', status: pick(random, ['open', 'answered', 'closed'] as const), askedAt: `${asOf}T08:00:00.000Z`, ...meta,
  }));
  const adverseEvents: AdverseEvent[] = Array.from({ length: visitCount / 1000 }, (_, i) => ({
    id: `ae-${i}`, territoryId: territoryOf(repIds[i % reps]!), repId: repIds[i % reps]!, patient: { initials: 'AB', sex: 'unknown' },
    reporter: { name: 'Dr X' }, product: pick(random, PRODUCTS), event: 'rash', seriousness: 'non_serious', capturedAt: `${asOf}T08:00:00.000Z`,
    ...(random() < 0.9 ? { receivedAt: `${asOf}T08:05:00.000Z` } : {}), ...meta,
  }));
  const comments: Comment[] = Array.from({ length: customerCount / 10 }, (_, i) => {
    const c = customers[Math.floor(random() * customers.length)]!;
    const at = new Date(asOfMs - Math.floor(random() * 365 * 86_400_000)).toISOString();
    return {
      id: `cm-${i}`, territoryId: c.territoryId, customerId: c.id, targetCollection: 'customers', targetId: c.id, kind: 'tier_change',
      authorId: 'manager', text: 'tier', at, tierFrom: pick(random, ['B', 'C', 'D'] as const), tierTo: pick(random, ['A', 'B', 'C'] as const), ...meta,
    };
  });
  return { asOf, repIds, customers, visits, feedback, questions, adverseEvents, activities, comments };
}
