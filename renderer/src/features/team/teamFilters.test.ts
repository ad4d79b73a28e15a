import { describe, expect, it } from 'vitest';
import type { Colleague } from '../../../../shared/schemas';
import { DEFAULT_FILTERS, parseFilters, periodOf, writeFilters } from './teamFilters';
import { canUseTeamWorkspace, nameLookup, teamMembers } from './teamMembers';

describe('team filters in the URL', () => {
  it('reads valid values and falls back to the defaults', () => {
    expect(parseFilters(new URLSearchParams(''))).toEqual(DEFAULT_FILTERS);
    expect(parseFilters(new URLSearchParams('rep=u1&weeks=12&days=14'))).toEqual({ repId: 'u1', weeks: 12, coverageDays: 14 });
    expect(parseFilters(new URLSearchParams('weeks=5&days=0'))).toEqual(DEFAULT_FILTERS);
    expect(parseFilters(new URLSearchParams('days=400'))).toEqual(DEFAULT_FILTERS);
    expect(parseFilters(new URLSearchParams('days=2.5'))).toEqual(DEFAULT_FILTERS);
  });

  it('writes only what differs from the defaults and keeps other parameters', () => {
    const out = writeFilters(new URLSearchParams('drill=x&weeks=12'), { repId: 'u1', weeks: 8, coverageDays: 60 });
    expect(out.toString()).toBe('drill=x&rep=u1&days=60');
    expect(parseFilters(out)).toEqual({ repId: 'u1', weeks: 8, coverageDays: 60 });
  });

  it('makes the period whole weeks through today', () => {
    // Friday 2026-11-20: 8 weeks start on Monday 2026-09-28.
    expect(periodOf({ weeks: 8 }, '2026-11-20')).toEqual({ from: '2026-09-28', to: '2026-11-20' });
    expect(periodOf({ weeks: 4 }, '2026-11-16')).toEqual({ from: '2026-10-26', to: '2026-11-16' });
  });
});

describe('team members', () => {
  const meta = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', createdBy: 's', updatedBy: 's' };
  const colleague = (id: string, displayName: string, roles: Colleague['roles'], managerId?: string, active = true): Colleague =>
    ({ id, userName: id, displayName, roles, territoryIds: [], active, ...(managerId ? { managerId } : {}), ...meta });
  const colleagues = [
    colleague('m1', '王强', ['manager']),
    colleague('r1', '张伟', ['rep'], 'm1'),
    colleague('r2', '李娜', ['rep'], 'm1'),
    colleague('r3', 'Emily', ['rep'], 'm2'),
    colleague('r4', '王芳', ['rep'], 'm1', false),
  ];

  it('a manager sees their active direct reports; an admin every active rep', () => {
    expect(teamMembers(colleagues, { id: 'm1', roles: ['manager'] }, 'en').map((m) => m.id).sort()).toEqual(['r1', 'r2']);
    expect(teamMembers(colleagues, { id: 'a1', roles: ['admin'] }, 'en').map((m) => m.id).sort()).toEqual(['r1', 'r2', 'r3']);
    expect(teamMembers(colleagues, { id: 'r1', roles: ['rep'] }, 'en')).toEqual([]);
  });

  it('only managers and admins use the workspace; unknown ids show as themselves', () => {
    expect(canUseTeamWorkspace(['manager'])).toBe(true);
    expect(canUseTeamWorkspace(['admin'])).toBe(true);
    expect(canUseTeamWorkspace(['rep', 'expert'])).toBe(false);
    const name = nameLookup(colleagues);
    expect(name('r2')).toBe('李娜');
    expect(name('gone')).toBe('gone');
  });
});
