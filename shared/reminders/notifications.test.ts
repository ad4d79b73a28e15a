import { describe, expect, it } from 'vitest';
import { dayOfIn } from './days';
import { buildAgenda } from './due';
import type { ReminderItem } from './items';
import { pickNotifications } from './notifications';

const today = '2026-03-10';
const item = (key: string, dueDate: string, fields: Partial<ReminderItem> = {}): ReminderItem =>
  ({ key, kind: 'custom', title: key, dueDate, territoryId: 't', stateId: key, done: false, ...fields });
const agenda = (items: ReminderItem[]) => buildAgenda(items, today, dayOfIn('Asia/Shanghai'));

describe('pickNotifications', () => {
  const items = [
    item('overdue', '2026-03-08'),
    item('today', today),
    item('at14', today, { dueTime: '14:00' }),
    item('yesterdayAt18', '2026-03-09', { dueTime: '18:00' }),
    item('tomorrow', '2026-03-11'),
    item('done', today, { done: true }),
    item('snoozed', '2026-03-01', { snoozedUntil: '2026-03-12' }),
    item('snoozedToTodayTimed', '2026-03-01', { dueTime: '20:00', snoozedUntil: today }),
  ];

  it('announces what is due today or overdue; a timed one from its time on', () => {
    const first = pickNotifications(agenda(items), today, '09:00', null);
    expect(first.entries.map((e) => e.item.key).sort()).toEqual(['overdue', 'snoozedToTodayTimed', 'today', 'yesterdayAt18']);
    expect(first.log).toEqual({ day: today, keys: first.entries.map((e) => e.item.key) });
  });

  it('announces each reminder once a day', () => {
    const first = pickNotifications(agenda(items), today, '09:00', null);
    const again = pickNotifications(agenda(items), today, '09:01', first.log);
    expect(again.entries).toEqual([]);
    const at14 = pickNotifications(agenda(items), today, '14:00', again.log);
    expect(at14.entries.map((e) => e.item.key)).toEqual(['at14']);
    expect(at14.log.keys).toHaveLength(5);
  });

  it('starts afresh on a new day: what is still overdue is announced again', () => {
    const yesterday = { day: '2026-03-09', keys: ['overdue', 'today'] };
    const picked = pickNotifications(agenda(items), today, '09:00', yesterday);
    expect(picked.entries.map((e) => e.item.key)).toContain('overdue');
    expect(picked.log.day).toBe(today);
  });
});
