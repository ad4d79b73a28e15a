import { instantOn, pushAs, utcDayOffset, type TeamUser } from './teamFixtures';

/**
 * The hand-made team of the manager workspace tests (days relative to today, UTC). What each
 * dashboard must show is worked out in team.spec.ts next to each expectation.
 *
 * Rep 1 (territory 1): 陈一 A, 陈二 A, 陈三 B, 陈四 C.  Rep 2 (territory 2): 林五 A, 林六 B, 林七 B, 林八 D, 林九 B.
 * Annual sales 900k, 500k, 100k, 50k / 300k, 200k, 20k, 10k, 5k.
 * Contacts: v1 rep1 陈一 −2 (follow-up −1), v2 rep1 陈二 −40, v3 rep1 陈三 −5 (follow-up −4), v8 rep1 陈三 −1,
 * v7 rep1 陈四 −1 (draft), v4 rep2 林五 −3 (follow-up +5), v5 rep2 林六 −60, v6 rep2 林七 −10 (follow-up −8, activity, cost 200).
 * Feedback: f1 rep2 林五 complaint (new), f2 rep1 陈一 complaint (resolved), f3 rep1 陈一 adverse-event feedback without
 * a report, f4 rep2 林七 suggestion −9. Question q1 rep1 open. Activity act1 (territory 2, −11…−10, 1000 CNY).
 */
export const NAMES = { c1: '陈一', c2: '陈二', c3: '陈三', c4: '陈四', c5: '林五', c6: '林六', c7: '林七', c8: '林八', c9: '林九' } as const;
export type CustomerKey = keyof typeof NAMES;

export interface TeamFixture {
  ids: Record<CustomerKey, string> & { v1: string; v3: string; act1: string };
  activityName: string;
}

export async function seedTeamFixture(manager: TeamUser, [r1, r2]: [TeamUser, TeamUser]): Promise<TeamFixture> {
  const s = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const now = new Date().toISOString();
  const meta = (by: string) => ({ createdAt: now, updatedAt: now, createdBy: by, updatedBy: by });
  const id = (k: string) => `tm-${s}-${k}`;
  const customer = (k: CustomerKey, rep: TeamUser, tier: string, annualSales: number) => ({
    id: id(k), code: `TM${s}-${k}`, name: NAMES[k], type: 'hcp', territoryId: rep.territoryId, ownerId: rep.id, assessment: { tier, annualSales }, ...meta(rep.id),
  });
  await pushAs(r1, 'customers', [customer('c1', r1, 'A', 900_000), customer('c2', r1, 'A', 500_000), customer('c3', r1, 'B', 100_000), customer('c4', r1, 'C', 50_000)]);
  await pushAs(r2, 'customers', [customer('c5', r2, 'A', 300_000), customer('c6', r2, 'B', 200_000), customer('c7', r2, 'B', 20_000), customer('c8', r2, 'D', 10_000), customer('c9', r2, 'B', 5_000)]);

  const activityName = `测试科室会 ${s}`;
  await pushAs(manager, 'activities', [{
    id: id('act1'), territoryId: r2.territoryId, ownerId: manager.id, name: activityName, kind: 'meeting', status: 'done',
    startDate: utcDayOffset(-11), endDate: utcDayOffset(-10), cost: { amount: 1000, currency: 'CNY' }, ...meta(manager.id),
  }]);

  const visit = (k: string, rep: TeamUser, c: CustomerKey, days: number, extra: object = {}) => ({
    id: id(k), customerId: id(c), territoryId: rep.territoryId, repId: rep.id, kind: 'visit', status: 'submitted', startAt: instantOn(days),
    submittedAt: instantOn(days), summary: `${NAMES[c]} ${k}`, ...extra, ...meta(rep.id),
  });
  await pushAs(r1, 'visits', [
    visit('v1', r1, 'c1', -2, { nextStep: '回访', followUpDate: utcDayOffset(-1) }),
    visit('v2', r1, 'c2', -40),
    visit('v3', r1, 'c3', -5, { nextStep: '送资料', followUpDate: utcDayOffset(-4) }),
    visit('v8', r1, 'c3', -1),
    { ...visit('v7', r1, 'c4', -1), status: 'draft', submittedAt: undefined },
  ].map((v) => JSON.parse(JSON.stringify(v)) as object));
  await pushAs(r2, 'visits', [
    visit('v4', r2, 'c5', -3, { followUpDate: utcDayOffset(5) }),
    visit('v5', r2, 'c6', -60),
    visit('v6', r2, 'c7', -10, { followUpDate: utcDayOffset(-8), activityId: id('act1'), cost: { amount: 200, currency: 'CNY' } }),
  ]);

  const feedback = (k: string, rep: TeamUser, c: CustomerKey, kind: string, days: number, extra: object = {}) => ({
    id: id(k), customerId: id(c), territoryId: rep.territoryId, repId: rep.id, kind, status: 'new', capturedAt: instantOn(days, 10),
    customerWords: `${NAMES[c]} ${k}`, ...extra, ...meta(rep.id),
  });
  const cardiolin = { productId: 'prod-cardiolin', name: '康脉宁 Cardiolin 5 mg' };
  await pushAs(r1, 'feedback', [
    feedback('f2', r1, 'c1', 'complaint', -6, { status: 'resolved', product: cardiolin }),
    feedback('f3', r1, 'c1', 'adverse_event', -2, { product: cardiolin }),
  ]);
  await pushAs(r2, 'feedback', [
    feedback('f1', r2, 'c5', 'complaint', -3, { product: cardiolin }),
    feedback('f4', r2, 'c7', 'suggestion', -9),
  ]);
  await pushAs(r1, 'questions', [{
    id: id('q1'), territoryId: r1.territoryId, askedBy: r1.id, customerId: id('c1'), type: 'product_service', routedTo: 'expert',
    text: '老年患者剂量？', status: 'open', askedAt: instantOn(-2), ...meta(r1.id),
  }]);
  return { ids: { ...(Object.fromEntries(Object.keys(NAMES).map((k) => [k, id(k)])) as Record<CustomerKey, string>), v1: id('v1'), v3: id('v3'), act1: id('act1') }, activityName };
}
