import { describe, expect, it } from 'vitest';
import { dayOfIn } from './days';
import { buildAgenda, dueCount, effectiveDay, openEntries } from './due';
import { deriveReminderItems, followUpStateId, type ReminderItem } from './items';
import { customer, reminder, sources, visit } from './testData';

const beijing = dayOfIn('Asia/Shanghai');

function item(key: string, dueDate: string, fields: Partial<ReminderItem> = {}): ReminderItem {
  return { key, kind: 'custom', title: key, dueDate, territoryId: 't', stateId: key, done: false, ...fields };
}

describe('buildAgenda', () => {
  const today = '2026-03-10';

  it('groups overdue (oldest first, with days overdue), today and the next 7 days', () => {
    const agenda = buildAgenda([
      item('tomorrow', '2026-03-11'),
      item('week', '2026-03-17'),
      item('eight', '2026-03-18'),
      item('today', today),
      item('yesterday', '2026-03-09'),
      item('lastMonth', '2026-02-08'),
    ], today, beijing);
    expect(agenda.overdue.map((e) => [e.item.key, e.daysOverdue])).toEqual([['lastMonth', 30], ['yesterday', 1]]);
    expect(agenda.today.map((e) => e.item.key)).toEqual(['today']);
    expect(agenda.upcoming.map((e) => [e.item.key, e.day])).toEqual([['tomorrow', '2026-03-11'], ['week', '2026-03-17']]);
    expect(agenda.later).toBe(1);
    expect(dueCount(agenda)).toBe(3);
  });

  it('orders a day by time, timed first, then kind and name', () => {
    const agenda = buildAgenda([
      item('untimed', today),
      item('afternoon', today, { dueTime: '15:30' }),
      item('follow', today, { kind: 'follow_up', customerName: 'B' }),
      item('morning', today, { dueTime: '08:00' }),
      item('birthday', today, { kind: 'key_date', customerName: 'A' }),
    ], today, beijing);
    expect(agenda.today.map((e) => e.item.key)).toEqual(['morning', 'afternoon', 'follow', 'untimed', 'birthday']);
  });

  it('a snooze hides an item until its day, where it is due (not overdue); an earlier snooze changes nothing', () => {
    const agenda = buildAgenda([
      item('snoozedAway', '2026-03-01', { snoozedUntil: '2026-03-12' }),
      item('snoozedToToday', '2026-03-01', { snoozedUntil: today }),
      item('snoozeOver', '2026-03-01', { snoozedUntil: '2026-03-05' }),
      item('snoozedBeforeDue', '2026-03-15', { snoozedUntil: '2026-03-12' }),
      item('farAway', '2026-03-01', { snoozedUntil: '2026-04-01' }),
    ], today, beijing);
    expect(agenda.overdue.map((e) => [e.item.key, e.daysOverdue, e.snoozed])).toEqual([['snoozeOver', 5, true]]);
    expect(agenda.today.map((e) => [e.item.key, e.snoozed])).toEqual([['snoozedToToday', true]]);
    expect(agenda.upcoming.map((e) => [e.item.key, e.day, e.snoozed])).toEqual([['snoozedAway', '2026-03-12', true], ['snoozedBeforeDue', '2026-03-15', false]]);
    expect(agenda.later).toBe(1);
    expect(effectiveDay({ dueDate: '2026-03-15', snoozedUntil: '2026-03-12' })).toBe('2026-03-15');
  });

  it('keeps done items out of the lists, and lists those done today (local day) apart', () => {
    const agenda = buildAgenda([
      // 16:30 UTC on 9 March is 00:30 on 10 March in Beijing: done today.
      item('doneToday', '2026-03-09', { done: true, doneAt: '2026-03-09T16:30:00.000Z' }),
      item('doneYesterday', '2026-03-09', { done: true, doneAt: '2026-03-09T15:30:00.000Z' }),
      item('restocked', '2026-04-09', { kind: 'replenishment', doneAt: '2026-03-10T02:00:00.000Z' }),
    ], today, beijing);
    expect(agenda.doneToday.map((i) => i.key)).toEqual(['restocked', 'doneToday']);
    expect(agenda.overdue).toEqual([]);
    expect(agenda.later).toBe(1); // the restock recurs in a month
  });

  it('takes "today" as given: a rep in New York and one in Beijing see different days for the same instant', () => {
    const v = visit('v1', 'c1', '2026-03-09T20:00:00.000Z', { nextStep: 'Call back' });
    const docs = { customers: [customer('c1')], visits: [v] };
    // Beijing: contact on 10 March, due 17 March; New York: contact on 9 March, due 16 March.
    const bj = deriveReminderItems(sources('2026-03-16', docs));
    const ny = deriveReminderItems({ ...sources('2026-03-16', docs), dayOf: dayOfIn('America/New_York') });
    expect(buildAgenda(bj, '2026-03-16', beijing).upcoming).toHaveLength(1);
    expect(buildAgenda(ny, '2026-03-16', dayOfIn('America/New_York')).today).toHaveLength(1);
  });

  it('a follow-up date is a calendar day: the same instant makes it due, upcoming or overdue depending on the zone (Asia/Shanghai vs UTC)', () => {
    const docs = { customers: [customer('c1')], visits: [visit('v1', 'c1', '2026-03-02T02:00:00.000Z', { nextStep: 'Bring the study', followUpDate: '2026-03-10' })] };
    const groupAt = (now: string, zone: string) => {
      const dayOf = dayOfIn(zone);
      const today = dayOf(now);
      const agenda = buildAgenda(deriveReminderItems({ ...sources(today, docs), now, dayOf }), today, dayOf);
      const group = (['overdue', 'today', 'upcoming'] as const).find((g) => agenda[g].length > 0);
      return [today, group, group ? agenda[group][0]?.daysOverdue : undefined];
    };
    // 17:00 UTC on 9 March is 01:00 on 10 March in Beijing: due today there, tomorrow in UTC.
    expect(groupAt('2026-03-09T17:00:00.000Z', 'Asia/Shanghai')).toEqual(['2026-03-10', 'today', 0]);
    expect(groupAt('2026-03-09T17:00:00.000Z', 'UTC')).toEqual(['2026-03-09', 'upcoming', 0]);
    // 20:00 UTC on 10 March is 04:00 on 11 March in Beijing: a day overdue there, still due today in UTC.
    expect(groupAt('2026-03-10T20:00:00.000Z', 'Asia/Shanghai')).toEqual(['2026-03-11', 'overdue', 1]);
    expect(groupAt('2026-03-10T20:00:00.000Z', 'UTC')).toEqual(['2026-03-10', 'today', 0]);
    // 15:59 UTC on 10 March is 23:59 in Beijing: the last minute of the due day.
    expect(groupAt('2026-03-10T15:59:00.000Z', 'Asia/Shanghai')).toEqual(['2026-03-10', 'today', 0]);
  });

  it('works end to end from documents: follow-up done elsewhere, customer deleted, draft and submitted', () => {
    const docs = {
      customers: [customer('c1'), customer('c2', { keyDates: [{ kind: 'birthday' as const, date: '03-08' }] })],
      visits: [
        visit('v1', 'c1', '2026-03-01T02:00:00.000Z', { nextStep: 'Bring leaflets', followUpDate: '2026-03-05' }),
        visit('v2', 'c1', '2026-03-02T02:00:00.000Z', { status: 'draft', nextStep: 'Send SmPC', followUpDate: '2026-03-10' }),
        visit('v3', 'c1', '2026-03-02T02:00:00.000Z', { nextStep: 'Done on the other laptop', followUpDate: '2026-03-08' }),
        visit('v4', 'gone', '2026-03-02T02:00:00.000Z', { nextStep: 'Deleted customer', followUpDate: '2026-03-08' }),
      ],
      reminders: [reminder(followUpStateId('v3'), { kind: 'follow_up', visitId: 'v3', dueDate: '2026-03-08', status: 'done', doneAt: '2026-03-08T01:00:00.000Z' })],
    };
    const agenda = buildAgenda(deriveReminderItems(sources(today, docs)), today, beijing);
    expect(agenda.overdue.map((e) => [e.item.key, e.daysOverdue])).toEqual([['fu:v1', 5], [`kd:c2:${agenda.overdue[1]?.item.stateId}`, 2]]);
    expect(agenda.today.map((e) => [e.item.key, e.item.visitDraft])).toEqual([['fu:v2', true]]);
  });
});

describe('openEntries', () => {
  it('lists every open item that passes the filter, whenever due, soonest first', () => {
    const entries = openEntries([
      item('birthday', '2026-09-01', { customerId: 'c1' }),
      item('overdue', '2026-03-01', { customerId: 'c1' }),
      item('done', '2026-03-05', { customerId: 'c1', done: true }),
      item('other', '2026-03-02', { customerId: 'c2' }),
      item('snoozed', '2026-03-01', { customerId: 'c1', snoozedUntil: '2026-03-20' }),
    ], '2026-03-10', (i) => i.customerId === 'c1');
    expect(entries.map((e) => [e.item.key, e.day, e.daysOverdue, e.snoozed])).toEqual([
      ['overdue', '2026-03-01', 9, false],
      ['snoozed', '2026-03-20', 0, true],
      ['birthday', '2026-09-01', 0, false],
    ]);
  });
});
