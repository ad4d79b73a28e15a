import { describe, expect, it } from 'vitest';
import type { Activity, AdverseEvent, Comment, Customer, CustomerTier, Feedback, Question, Reminder, Visit } from '../schemas';
import { hasErrors, validateDocument } from '../validation/validateDocument';
import { activityEvaluation } from './activities';
import { coverage } from './coverage';
import { addDays, daysBetween, isoWeekNumber, localDayOf, localDayOfInstant, utcDay, weekStart, weeksBetween } from './days';
import { feedbackByProductAndKind } from './feedback';
import { doneFollowUpVisitIds, overdueFollowUps } from './followUps';
import { openItems } from './openItems';
import { tierChangeComment, tierDirection } from './tierChange';
import { pareto, valueShareOfTop, valueTiers } from './valueTiers';
import { indexVisits } from './visitIndex';
import { visitIdsOf, visitsPerRepPerWeek } from './visitsPerWeek';

/**
 * A small team whose every figure was worked out by hand (see the comments next to each
 * expectation); the expected numbers are literals, never recomputed with the code under test.
 *
 * Today (asOf) is Friday 2026-11-20; the period is 2026-11-02 … 2026-11-20, i.e. the weeks
 * starting Monday 11-02, 11-09 and 11-16. Reps r1, r2 and r3 (r3 did nothing).
 */

const AS_OF = '2026-11-20';
const FROM = '2026-11-02';
const meta = { createdAt: '2026-10-01T00:00:00.000Z', updatedAt: '2026-10-01T00:00:00.000Z', createdBy: 'sys', updatedBy: 'sys' };
const P1 = { productId: 'p1', name: 'Cardiolin' };
const P2 = { productId: 'p2', name: 'Glucostat' };

function customer(id: string, ownerId: string, tier: CustomerTier | undefined, annualSales?: number, potentialValue?: number): Customer {
  const assessment = { ...(tier ? { tier } : {}), ...(annualSales !== undefined ? { annualSales } : {}), ...(potentialValue !== undefined ? { potentialValue } : {}) };
  return {
    id, code: id.toUpperCase(), name: `Customer ${id}`, type: 'hcp', territoryId: 't1', ownerId,
    ...(Object.keys(assessment).length ? { assessment } : {}), ...meta,
  };
}

const customers: Customer[] = [
  customer('c1', 'r1', 'A', 1000, 500),
  customer('c2', 'r1', 'A', 400, 0),
  customer('c3', 'r1', 'B', 300, 300),
  customer('c4', 'r2', 'A', 200, 100),
  customer('c5', 'r2', 'B', 100),
  customer('c6', 'r2', 'C', 0, 100),
  customer('c7', 'r2', undefined),
  customer('c8', 'r3', 'B', 0, 0),
];

function visit(id: string, repId: string, customerId: string, startAt: string, extra: Partial<Visit> = {}): Visit {
  return { id, customerId, territoryId: 't1', repId, kind: 'visit', status: 'submitted', startAt, ...meta, ...extra };
}

const visits: Visit[] = [
  visit('v1', 'r1', 'c1', '2026-11-03T09:00:00.000Z', { followUpDate: '2026-11-10' }),
  visit('v2', 'r1', 'c2', '2026-11-05T10:00:00.000Z', { followUpDate: '2026-11-15' }),
  visit('v3', 'r1', 'c3', '2026-10-01T10:00:00.000Z', { followUpDate: '2026-10-10' }),
  visit('v4', 'r1', 'c1', '2026-11-12T08:00:00.000Z', { activityId: 'act1', cost: { amount: 100, currency: 'CNY' } }),
  visit('v5', 'r2', 'c4', '2026-11-16T09:00:00.000Z', { activityId: 'act1', cost: { amount: 50, currency: 'CNY' }, followUpDate: '2026-11-25' }),
  visit('v6', 'r2', 'c5', '2026-11-17T09:00:00.000Z', { activityId: 'act1', cost: { amount: 20, currency: 'USD' }, followUpDate: '2026-11-18' }),
  visit('v7', 'r2', 'c4', '2026-11-18T09:00:00.000Z', { status: 'draft', activityId: 'act1', cost: { amount: 999, currency: 'CNY' } }),
  visit('v8', 'r1', 'c2', '2026-11-25T09:00:00.000Z'), // after today: not yet a contact
  visit('v9', 'r2', 'c6', '2026-11-09T23:30:00.000Z'),
  visit('v10', 'r2', 'c4', '2026-11-19T09:00:00.000Z', { activityId: 'act1', followUpDate: '2026-11-27' }),
];

function fb(id: string, repId: string, customerId: string, kind: Feedback['kind'], capturedAt: string, extra: Partial<Feedback> = {}): Feedback {
  return { id, customerId, territoryId: 't1', repId, kind, status: 'new', capturedAt, ...meta, ...extra };
}

const feedback: Feedback[] = [
  fb('f1', 'r1', 'c1', 'complaint', '2026-11-03T10:00:00.000Z', { product: P1 }),
  fb('f2', 'r1', 'c2', 'rating', '2026-11-10T10:00:00.000Z', { product: P1, status: 'resolved' }),
  fb('f3', 'r2', 'c4', 'complaint', '2026-11-17T10:00:00.000Z', { product: P2, status: 'resolved' }),
  fb('f4', 'r2', 'c5', 'suggestion', '2026-11-18T10:00:00.000Z'),
  fb('f5', 'r2', 'c4', 'adverse_event', '2026-11-16T12:00:00.000Z', { product: P2, adverseEventId: 'ae1' }),
  fb('f6', 'r1', 'c1', 'complaint', '2026-10-20T10:00:00.000Z', { product: { name: 'Free Product' }, status: 'in_progress' }),
  fb('f7', 'r2', 'c6', 'adverse_event', '2026-11-19T10:00:00.000Z', { product: P1 }),
];

function question(id: string, askedBy: string, status: Question['status']): Question {
  return { id, territoryId: 't1', askedBy, type: 'product_service', routedTo: 'expert', text: 'Why?', status, askedAt: '2026-11-10T10:00:00.000Z', ...meta };
}
const questions = [question('q1', 'r1', 'open'), question('q2', 'r1', 'answered'), question('q3', 'r2', 'open'), question('q4', 'r3', 'closed')];

function ae(id: string, repId: string, receivedAt?: string): AdverseEvent {
  return {
    id, territoryId: 't1', repId, patient: { initials: 'AB', sex: 'female' }, reporter: { name: 'Dr X' }, product: P2, event: 'rash',
    seriousness: 'non_serious', capturedAt: '2026-11-16T12:00:00.000Z', ...(receivedAt ? { receivedAt } : {}), ...meta,
  };
}
const adverseEvents = [ae('ae1', 'r2', '2026-11-16T12:05:00.000Z'), ae('ae2', 'r1')];

function activity(id: string, startDate: string, extra: Partial<Activity> = {}): Activity {
  return { id, territoryId: 't1', ownerId: 'm1', name: `Activity ${id}`, kind: 'meeting', status: 'done', startDate, ...meta, ...extra };
}
const activities = [
  activity('act1', '2026-11-10', { endDate: '2026-11-12', cost: { amount: 1000, currency: 'CNY' } }),
  activity('act2', '2026-11-01'),
];

function tierComment(id: string, customerId: string, from: CustomerTier, to: CustomerTier, at: string): Comment {
  return tierChangeComment({ id: customerId, territoryId: 't1' }, from, to, { id, authorId: 'm1', at, text: `${from} → ${to}` });
}
const comments: Comment[] = [
  tierComment('t1', 'c4', 'B', 'A', '2026-11-14T10:00:00.000Z'),
  tierComment('t2', 'c5', 'B', 'C', '2026-11-18T10:00:00.000Z'),
  tierComment('t3', 'c1', 'B', 'A', '2026-11-01T10:00:00.000Z'), // before the activity
  { id: 't4', territoryId: 't1', customerId: 'c1', targetCollection: 'visits', targetId: 'v4', kind: 'coaching', authorId: 'm1', text: 'Good', at: '2026-11-13T10:00:00.000Z', ...meta },
  tierComment('t5', 'c2', 'A', 'B', '2026-11-15T10:00:00.000Z'), // c2 was not reached by the activity
];

/** Runs `fn` with the process time zone set to `tz` (Node re-reads TZ when it is assigned). */
function withTimeZone(tz: string | undefined, fn: () => void): void {
  if (tz === undefined) return fn();
  const before = process.env.TZ;
  process.env.TZ = tz;
  try {
    fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}
/** Assigning TZ takes effect in a child process (Vitest's default pool), not in a worker thread. */
let canSwitchTimeZone = false;
withTimeZone('Asia/Kathmandu', () => {
  canSwitchTimeZone = new Date('2026-01-01T00:00:00.000Z').getTimezoneOffset() === -345;
});

const index = indexVisits(visits, { asOf: AS_OF, dayOf: utcDay });
const REPS = ['r1', 'r2', 'r3'];

describe('days', () => {
  it('does calendar arithmetic on day strings', () => {
    expect(weekStart('2026-11-20')).toBe('2026-11-16'); // a Friday
    expect(weekStart('2026-11-16')).toBe('2026-11-16'); // a Monday
    expect(weekStart('2026-11-22')).toBe('2026-11-16'); // a Sunday
    expect(weeksBetween(FROM, AS_OF)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(addDays('2026-11-20', -30)).toBe('2026-10-21');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(daysBetween('2026-10-10', '2026-11-20')).toBe(41);
    expect(isoWeekNumber('2026-11-20')).toBe(47);
    expect(isoWeekNumber('2027-01-01')).toBe(53); // 2026 has 53 ISO weeks
  });

  it('takes the local day of an instant, as Date does, in any time zone', () => {
    // Every 7 minutes over a year (DST changes included) in zones with whole, half and
    // three-quarter hour offsets, east and west.
    const zones = canSwitchTimeZone ? ['Asia/Shanghai', 'America/St_Johns', 'Asia/Kathmandu', 'Europe/Berlin', 'Pacific/Apia', 'UTC'] : [undefined];
    for (const zone of zones) {
      withTimeZone(zone, () => {
        const dayOf = localDayOf();
        for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7 * 60_000) {
          const iso = new Date(ms).toISOString();
          const d = new Date(ms);
          const expected = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
          if (dayOf(iso) !== expected) expect(`${zone} ${iso} → ${dayOf(iso)}`).toBe(`${zone} ${iso} → ${expected}`);
        }
      });
    }
    expect(localDayOf()('2026-11-09T23:30:45.123Z')).toBe(localDayOfInstant('2026-11-09T23:30:45.123Z'));
  });
});

describe('visit index', () => {
  it('keeps submitted contacts and the latest one per customer up to today', () => {
    expect(index.done.map((d) => d.visit.id)).toEqual(['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v8', 'v9', 'v10']); // v7 is a draft
    expect(index.lastByCustomer.get('c2')?.visit.id).toBe('v2'); // v8 lies after today
    expect(index.lastByCustomer.get('c4')?.visit.id).toBe('v10');
    expect(index.byActivity.get('act1')?.map((d) => d.visit.id)).toEqual(['v4', 'v5', 'v6', 'v10']);
  });
});

describe('visits per rep per week', () => {
  const report = visitsPerRepPerWeek(index, { from: FROM, to: AS_OF, repIds: REPS });

  it('counts submitted contacts by week, with a row for an idle rep', () => {
    expect(report.weeks).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    // r1: v1, v2 (week 11-02), v4 (11-09); v3 is before the period, v8 after it.
    // r2: v9 (11-09, 23:30 UTC is still the 9th), v5, v6, v10 (11-16); v7 is a draft.
    expect(report.rows.map((r) => [r.repId, r.perWeek, r.total])).toEqual([
      ['r1', [2, 1, 0], 3],
      ['r2', [0, 1, 3], 4],
      ['r3', [0, 0, 0], 0],
    ]);
    expect(report.totals).toEqual([2, 2, 3]);
    expect(report.total).toBe(7);
  });

  it('keeps the visits behind every figure', () => {
    expect(visitIdsOf(report, 'r2', '2026-11-16')).toEqual(['v5', 'v6', 'v10']);
    expect(visitIdsOf(report, 'r1', null)).toEqual(['v1', 'v2', 'v4']);
    expect(visitIdsOf(report, null, '2026-11-02')).toEqual(['v1', 'v2']);
    expect(visitIdsOf(report, null, null)).toEqual(['v1', 'v2', 'v4', 'v9', 'v5', 'v6', 'v10']);
    expect(visitIdsOf(report, 'r3', null)).toEqual([]);
    expect(visitIdsOf(report, null, '2026-12-07')).toEqual([]);
  });

  it('adds reps that were not listed', () => {
    const only = visitsPerRepPerWeek(index, { from: FROM, to: AS_OF, repIds: ['r3'] });
    expect(only.rows.map((r) => r.repId)).toEqual(['r3', 'r1', 'r2']);
  });

  it('counts only the listed reps when asked (one rep\'s view)', () => {
    const one = visitsPerRepPerWeek(index, { from: FROM, to: AS_OF, repIds: ['r1'], onlyListed: true });
    expect(one.rows.map((r) => [r.repId, r.perWeek])).toEqual([['r1', [2, 1, 0]]]);
    expect(one.totals).toEqual([2, 1, 0]);
    expect(one.total).toBe(3);
  });
});

describe('coverage of A and B customers', () => {
  const report = coverage(customers, index, { tiers: ['A', 'B'], withinDays: 30, repIds: REPS });

  it('counts customers visited within N days, per owner and for the team', () => {
    expect(report.since).toBe('2026-10-21');
    const view = report.rows.map((r) => [r.repId, r.tiers.A!.covered, r.tiers.A!.total, r.tiers.B!.covered, r.tiers.B!.total]);
    // r1: A c1 (v4 11-12), c2 (v2 11-05) covered; B c3 last seen 10-01: not covered.
    // r2: A c4 (v10), B c5 (v6). r3: B c8 never visited.
    expect(view).toEqual([
      ['r1', 2, 2, 0, 1],
      ['r2', 1, 1, 1, 1],
      ['r3', 0, 0, 0, 1],
    ]);
    expect(report.rows[0]!.tiers.A!.rate).toBe(1);
    expect(report.rows[0]!.tiers.B!.rate).toBe(0);
    expect(report.rows[2]!.tiers.A!.rate).toBeNull();
    expect(report.team.A).toMatchObject({ total: 3, covered: 3, rate: 1 });
    expect(report.team.B).toMatchObject({ total: 3, covered: 1 });
    expect(report.team.B!.rate).toBeCloseTo(1 / 3, 10);
    expect(report.team.B!.uncoveredIds).toEqual(['c3', 'c8']);
  });

  it('moves with N', () => {
    // Within 7 days (since 11-13): c1's last contact 11-12 and c2's 11-05 no longer count.
    const week = coverage(customers, index, { tiers: ['A'], withinDays: 7, repIds: REPS });
    expect(week.team.A).toMatchObject({ total: 3, covered: 1, coveredIds: ['c4'], uncoveredIds: ['c1', 'c2'] });
  });
});

describe('overdue follow-ups', () => {
  it('lists follow-ups without a later contact, most overdue first', () => {
    // v1 (11-10) was followed by v4; v5 (11-25) by v10; v10 (11-27) is not due yet.
    // v3: due 10-10, 41 days; v2: due 11-15, 5 days (v8 is in the future); v6: due 11-18, 2 days.
    const report = overdueFollowUps(index);
    expect(report.items.map((i) => [i.visitId, i.repId, i.customerId, i.followUpDate, i.daysOverdue])).toEqual([
      ['v3', 'r1', 'c3', '2026-10-10', 41],
      ['v2', 'r1', 'c2', '2026-11-15', 5],
      ['v6', 'r2', 'c5', '2026-11-18', 2],
    ]);
    expect(report.byRep.get('r1')?.map((i) => i.visitId)).toEqual(['v3', 'v2']);
    expect(report.byRep.get('r2')?.map((i) => i.visitId)).toEqual(['v6']);
    expect(report.byRep.get('r3')).toBeUndefined();
  });

  it('takes a ticked-off follow-up reminder as done', () => {
    const reminders: Reminder[] = [
      { id: 'rem1', ownerId: 'r2', territoryId: 't1', kind: 'follow_up', visitId: 'v6', title: 'Call back', dueDate: '2026-11-18', status: 'done', ...meta },
      { id: 'rem2', ownerId: 'r1', territoryId: 't1', kind: 'follow_up', visitId: 'v2', title: 'Call back', dueDate: '2026-11-15', status: 'open', ...meta },
    ];
    const report = overdueFollowUps(index, doneFollowUpVisitIds(reminders));
    expect(report.items.map((i) => i.visitId)).toEqual(['v3', 'v2']);
  });
});

describe('feedback by product and kind', () => {
  const report = feedbackByProductAndKind(feedback, { from: FROM, to: AS_OF, dayOf: utcDay });

  it('counts feedback in the period by product and kind (f6 is before it)', () => {
    expect(report.total).toBe(6);
    expect(report.products.map((p) => [p.productKey, p.productName, p.total])).toEqual([
      ['p1', 'Cardiolin', 3], // f1 complaint, f2 rating, f7 adverse event
      ['p2', 'Glucostat', 2], // f3 complaint, f5 adverse event
      ['', '', 1], // f4 suggestion on no product
    ]);
    expect(report.products[0]!.counts).toEqual({ rating: 1, complaint: 1, suggestion: 0, product_comment: 0, market_comment: 0, adverse_event: 1 });
    expect(report.totals).toEqual({ rating: 1, complaint: 2, suggestion: 1, product_comment: 0, market_comment: 0, adverse_event: 2 });
  });

  it('counts each kind per week', () => {
    expect(report.weeks).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(report.overTime.complaint).toEqual([1, 0, 1]);
    expect(report.overTime.rating).toEqual([0, 1, 0]);
    expect(report.overTime.suggestion).toEqual([0, 0, 1]);
    expect(report.overTime.adverse_event).toEqual([0, 0, 2]);
    expect(report.overTime.market_comment).toEqual([0, 0, 0]);
  });

  it('keeps the feedback behind every figure', () => {
    expect(report.feedbackIds.get('p1|complaint')).toEqual(['f1']);
    expect(report.feedbackIds.get('p2|*')).toEqual(['f3', 'f5']);
    expect(report.feedbackIds.get('*|adverse_event')).toEqual(['f5', 'f7']);
    expect(report.feedbackIds.get('week:2026-11-16|complaint')).toEqual(['f3']);
  });
});

describe('open items', () => {
  it('lists open questions, open complaints and unsent adverse events per rep', () => {
    const report = openItems({ questions, feedback, adverseEvents }, { repIds: REPS });
    // Complaints f1 (new) and f6 (in progress) are open, f3 is resolved. ae2 has no receipt;
    // f7 is adverse-event feedback without a report; f5's report ae1 was received.
    expect(report.rows.map((r) => [r.repId, r.openQuestionIds, r.openComplaintIds, r.unsentAdverseEventIds])).toEqual([
      ['r1', ['q1'], ['f1', 'f6'], ['ae2']],
      ['r2', ['q3'], [], ['f7']],
      ['r3', [], [], []],
    ]);
    expect(report.team).toEqual({ openQuestions: 2, openComplaints: 2, unsentAdverseEvents: 2 });
  });
});

describe('value tiers and Pareto', () => {
  // annualSales total 2000, potentialValue total 1000. Scores (weight 1 each, share of each total):
  // c1 .5+.5=1, c3 .15+.3=.45, c2 .2+0=.2, c4 .1+.1=.2, c6 0+.1=.1, c5 .05, c8 0; sum 2. c7 has no value.
  const tiers = valueTiers(customers, { fields: [{ field: 'annualSales', weight: 1 }, { field: 'potentialValue', weight: 1 }], basis: 'customers', cutoffs: [20, 50, 80] });

  it('scores and ranks customers (ties by code)', () => {
    expect(tiers.ranked.map((r) => r.customerId)).toEqual(['c1', 'c3', 'c2', 'c4', 'c6', 'c5', 'c8']);
    expect(tiers.ranked.map((r) => r.score)).toEqual([1, 0.45, 0.2, 0.2, 0.1, 0.05, 0].map((n) => expect.closeTo(n, 10)));
    expect(tiers.totalScore).toBeCloseTo(2, 10);
    expect(tiers.ranked.map((r) => r.cumulativeShare)).toEqual([0.5, 0.725, 0.825, 0.925, 0.975, 1, 1].map((n) => expect.closeTo(n, 10)));
    expect(tiers.unscoredIds).toEqual(['c7']);
  });

  it('suggests tiers by share of customers: rank positions 0/7, 1/7 → A; 2/7, 3/7 → B; 4/7, 5/7 → C; 6/7 → D', () => {
    expect(tiers.ranked.map((r) => r.suggested)).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D']);
    expect(tiers.suggestions.map((s) => [s.customerId, s.current, s.suggested])).toEqual([
      ['c3', 'B', 'A'], ['c2', 'A', 'B'], ['c4', 'A', 'B'], ['c5', 'B', 'C'], ['c8', 'B', 'D'],
    ]);
    expect(tiers.counts.current).toEqual({ A: 3, B: 3, C: 1, D: 0, none: 1 });
    expect(tiers.counts.suggested).toEqual({ A: 2, B: 2, C: 2, D: 1 });
  });

  it('suggests tiers by share of value: A until 80% of value is reached, B until 95%, C until 99%', () => {
    const byValue = valueTiers(customers, { fields: [{ field: 'annualSales', weight: 1 }, { field: 'potentialValue', weight: 1 }], basis: 'value', cutoffs: [80, 95, 99] });
    // Value before each: c1 0, c3 .5, c2 .725 → A; c4 .825, c6 .925 → B; c5 .975 → C; c8 1 → D.
    expect(byValue.ranked.map((r) => r.suggested)).toEqual(['A', 'A', 'A', 'B', 'B', 'C', 'D']);
  });

  it('weights the fields', () => {
    // annualSales × 3: c1 1.5+.5=2, c3 .45+.3=.75, c2 .6, c4 .3+.1=.4, c5 .15, c6 .1, c8 0.
    const weighted = valueTiers(customers, { fields: [{ field: 'annualSales', weight: 3 }, { field: 'potentialValue', weight: 1 }], basis: 'customers', cutoffs: [20, 50, 80] });
    expect(weighted.ranked.map((r) => r.customerId)).toEqual(['c1', 'c3', 'c2', 'c4', 'c5', 'c6', 'c8']);
    expect(weighted.totalScore).toBeCloseTo(4, 10);
  });

  it('draws the Pareto curve and names the share of the top customers', () => {
    const points = pareto(tiers.ranked, 7);
    expect(points.map((p) => [p.customerShare, p.valueShare])).toEqual(
      [[0, 0], [1 / 7, 0.5], [2 / 7, 0.725], [3 / 7, 0.825], [4 / 7, 0.925], [5 / 7, 0.975], [6 / 7, 1], [1, 1]].map(([x, y]) => [expect.closeTo(x!, 10), expect.closeTo(y!, 10)]),
    );
    expect(pareto(tiers.ranked, 100)).toHaveLength(8); // never more points than customers (+ origin)
    expect(valueShareOfTop(tiers.ranked, 0.2)).toBeCloseTo(0.5, 10); // top 20% of 7 = 1 customer
    expect(pareto([], 100)).toEqual([]);
  });
});

describe('marketing activity evaluation', () => {
  const [act1, act2] = activityEvaluation(activities, index, { feedback, comments }, { dayOf: utcDay, followWindowDays: 30 });

  it('adds the cost of the linked contacts and divides by contacts and customers', () => {
    // Linked submitted contacts: v4 (c1, 100 CNY), v5 (c4, 50 CNY), v6 (c5, 20 USD: other currency), v10 (c4); v7 is a draft.
    expect(act1!.visitIds).toEqual(['v4', 'v5', 'v6', 'v10']);
    expect(act1!.customerIds).toEqual(['c1', 'c4', 'c5']);
    expect(act1!.activityCost).toBe(1000);
    expect(act1!.visitCost).toBe(150);
    expect(act1!.totalCost).toBe(1150);
    expect(act1!.otherCurrencyVisits).toBe(1);
    expect(act1!.costPerContact).toBe(287.5); // 1150 / 4
    expect(act1!.costPerCustomer).toBeCloseTo(383.3333333, 6); // 1150 / 3
  });

  it('counts what followed: feedback, follow-ups and tier changes of the customers reached', () => {
    expect(act1!.windowEnd).toBe('2026-12-12'); // end 11-12 + 30 days
    // From 11-10 through 12-12: f3, f5 (c4) and f4 (c5); f1 and f6 (c1) are before the start.
    expect([...act1!.feedbackIds].sort()).toEqual(['f3', 'f4', 'f5']);
    // v5 done (v10 came later), v6 overdue (due 11-18), v10 due 11-27.
    expect(act1!.followUps).toEqual({ done: 1, overdue: 1, due: 1, visitIds: ['v5', 'v6', 'v10'] });
    // t1 c4 B→A (up), t2 c5 B→C (down); t3 is before the start, t5 is for a customer not reached.
    expect(act1!.tierChanges).toEqual({ up: 1, down: 1, commentIds: ['t1', 't2'] });
  });

  it('reports an activity without contacts', () => {
    expect(act2).toMatchObject({ currency: 'CNY', totalCost: 0, visitIds: [], costPerContact: null, costPerCustomer: null, windowEnd: '2026-12-01' });
  });
});

describe('tier change records', () => {
  it('are valid comments and know their direction', () => {
    const c = tierChangeComment({ id: 'c3', territoryId: 't1' }, 'B', 'A', { id: 'x1', authorId: 'm1', at: '2026-11-20T08:00:00.000Z', text: 'B → A' });
    expect(hasErrors(validateDocument('comments', c))).toBe(false);
    expect(c).toMatchObject({ kind: 'tier_change', targetCollection: 'customers', targetId: 'c3', customerId: 'c3', tierFrom: 'B', tierTo: 'A' });
    const first = tierChangeComment({ id: 'c7', territoryId: 't1' }, undefined, 'D', { id: 'x2', authorId: 'm1', at: '2026-11-20T08:00:00.000Z', text: '→ D' });
    expect(first).not.toHaveProperty('tierFrom');
    expect(tierDirection('B', 'A')).toBe(1);
    expect(tierDirection('A', 'D')).toBe(-1);
    expect(tierDirection(undefined, 'D')).toBe(1);
    expect(tierDirection('C', 'C')).toBe(0);
  });
});
