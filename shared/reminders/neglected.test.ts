import { describe, expect, it } from 'vitest';
import { dayOfIn } from './days';
import { DEFAULT_NEGLECT_DAYS, neglectedCustomers, parseNeglectDays } from './neglected';
import { customer, visit } from './testData';

const options = { today: '2026-03-31', now: '2026-03-31T02:00:00.000Z', dayOf: dayOfIn('Asia/Shanghai'), days: DEFAULT_NEGLECT_DAYS };
const a = (id: string, fields = {}) => customer(id, { name: id, assessment: { tier: 'A' }, ...fields });

describe('neglectedCustomers', () => {
  it('lists A-tier customers not visited in person for N days, never-visited first, longest first', () => {
    const result = neglectedCustomers(
      [a('never'), a('recent'), a('exactly30'), a('long'), customer('tierB', { assessment: { tier: 'B' } }), customer('noTier')],
      [
        visit('v1', 'recent', '2026-03-20T02:00:00.000Z'),
        visit('v2', 'exactly30', '2026-03-01T02:00:00.000Z'),
        visit('v3', 'long', '2026-01-01T02:00:00.000Z'),
        visit('v4', 'tierB', '2025-01-01T02:00:00.000Z'),
      ],
      options,
    );
    expect(result.map((n) => [n.customer.id, n.lastVisitDay, n.daysSince])).toEqual([
      ['never', null, null],
      ['long', '2026-01-01', 89],
      ['exactly30', '2026-03-01', 30],
    ]);
  });

  it('counts the latest in-person contact, draft or submitted, by anyone; not calls, emails or planned visits', () => {
    const visits = [
      visit('old', 'x', '2026-01-05T02:00:00.000Z'),
      visit('call', 'x', '2026-03-25T02:00:00.000Z', { kind: 'call' }),
      visit('email', 'x', '2026-03-26T02:00:00.000Z', { kind: 'email' }),
      visit('planned', 'x', '2026-04-02T02:00:00.000Z'),
    ];
    expect(neglectedCustomers([a('x')], visits, options)[0]?.lastVisitDay).toBe('2026-01-05');
    const withDraftMeeting = [...visits, visit('meeting', 'x', '2026-03-20T02:00:00.000Z', { kind: 'meeting', status: 'draft', repId: 'u-rep-li' })];
    expect(neglectedCustomers([a('x')], withDraftMeeting, options)).toEqual([]);
  });

  it('follows N and the local day of the visit', () => {
    // 17:00 UTC on 1 March is 01:00 on 2 March in Beijing: 29 days before 31 March, not 30.
    const visits = [visit('v', 'x', '2026-03-01T17:00:00.000Z')];
    expect(neglectedCustomers([a('x')], visits, options)).toEqual([]);
    expect(neglectedCustomers([a('x')], visits, { ...options, dayOf: dayOfIn('UTC') })).toHaveLength(1);
    expect(neglectedCustomers([a('x')], visits, { ...options, days: 29 })).toHaveLength(1);
    expect(neglectedCustomers([a('x')], visits, { ...options, days: 60 })).toEqual([]);
  });

  it('leaves out erased customers and can take other tiers', () => {
    expect(neglectedCustomers([a('x', { erasedAt: '2026-01-01T00:00:00.000Z' })], [], options)).toEqual([]);
    expect(neglectedCustomers([customer('b', { assessment: { tier: 'B' } })], [], { ...options, tiers: ['A', 'B'] })).toHaveLength(1);
  });
});

describe('parseNeglectDays', () => {
  it('takes whole numbers from 1 to 365', () => {
    expect(parseNeglectDays('30')).toBe(30);
    expect(parseNeglectDays(' 7 ')).toBe(7);
    expect(parseNeglectDays('365')).toBe(365);
    for (const bad of ['', '0', '366', '-3', '2.5', 'abc', '1e2']) expect(parseNeglectDays(bad), bad).toBeNull();
  });
});
