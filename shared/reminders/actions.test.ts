import { describe, expect, it } from 'vitest';
import { validateDocument } from '../validation/validateDocument';
import { dayOfIn } from './days';
import { doneDoc, isValidSnoozeDay, reopenDoc, snoozeDoc, snoozeTarget, type ActionContext } from './actions';
import { deriveReminderItems, followUpStateId, type ReminderItem } from './items';
import { customer, REP, reminder, sources, visit } from './testData';

const ctx: ActionContext = { userId: REP, now: '2026-03-10T02:00:00.000Z', today: '2026-03-10', dayOf: dayOfIn('Asia/Shanghai') };

function followUp(): ReminderItem {
  const items = deriveReminderItems(sources('2026-03-10', {
    customers: [customer('c1', { territoryId: 't-sh' })],
    visits: [visit('v1', 'c1', '2026-03-01T02:00:00.000Z', { territoryId: 't-sh', nextStep: 'Bring the study', followUpDate: '2026-03-05' })],
  }));
  return items[0]!;
}

describe('done', () => {
  it('creates the follow-up state document (valid, deterministic id, the visit\'s territory)', () => {
    const doc = doneDoc(followUp(), ctx);
    expect(doc).toMatchObject({ id: followUpStateId('v1'), kind: 'follow_up', visitId: 'v1', customerId: 'c1', territoryId: 't-sh', ownerId: REP, status: 'done', doneAt: ctx.now, dueDate: '2026-03-05', title: 'Bring the study' });
    expect(validateDocument('reminders', doc)).toEqual({});
  });

  it('updates an existing state document and clears its snooze', () => {
    const item = { ...followUp(), snoozedUntil: '2026-03-12', state: reminder('fu-v1', { kind: 'follow_up', dueDate: '2026-03-05', snoozedUntil: '2026-03-12', createdAt: '2026-03-06T00:00:00.000Z' }) };
    const doc = doneDoc(item, ctx);
    expect(doc.snoozedUntil).toBeUndefined();
    expect(doc).toMatchObject({ status: 'done', createdAt: '2026-03-06T00:00:00.000Z', updatedAt: ctx.now });
  });

  it('moves a replenishment one interval on from today and keeps it open', () => {
    const rule = reminder('r1', { kind: 'replenishment', customerId: 'c1', intervalDays: 30, dueDate: '2026-03-01', snoozedUntil: '2026-03-11', product: { name: 'Glucostat' } });
    const [item] = deriveReminderItems(sources('2026-03-10', { customers: [customer('c1')], reminders: [rule] }));
    const doc = doneDoc(item!, ctx);
    expect(doc).toMatchObject({ id: 'r1', status: 'open', doneAt: ctx.now, dueDate: '2026-04-09' });
    expect(doc.snoozedUntil).toBeUndefined();
  });

  it('gives a key date a title even without a label (the schema requires one)', () => {
    const [item] = deriveReminderItems(sources('2026-05-12', { customers: [customer('c1', { name: 'Dr. Li', keyDates: [{ kind: 'birthday', date: '05-12' }] })] }));
    const doc = doneDoc(item!, ctx);
    expect(doc.title).toBe('Dr. Li');
    expect(validateDocument('reminders', doc)).toEqual({});
  });
});

describe('reopen', () => {
  it('takes back a done, keeping the document', () => {
    const done = doneDoc(followUp(), ctx);
    const doc = reopenDoc({ ...followUp(), done: true, state: done }, ctx);
    expect(doc).toMatchObject({ id: done.id, status: 'open' });
    expect(doc.doneAt).toBeUndefined();
  });
});

describe('snooze', () => {
  it('moves by a day or a week from today for something overdue, from its day for something upcoming', () => {
    const overdue = followUp();
    expect(snoozeTarget(overdue, { kind: 'day' }, '2026-03-10')).toBe('2026-03-11');
    expect(snoozeTarget(overdue, { kind: 'week' }, '2026-03-10')).toBe('2026-03-17');
    const upcoming = { ...overdue, dueDate: '2026-03-14' };
    expect(snoozeTarget(upcoming, { kind: 'day' }, '2026-03-10')).toBe('2026-03-15');
    const alreadySnoozed = { ...overdue, snoozedUntil: '2026-03-20' };
    expect(snoozeTarget(alreadySnoozed, { kind: 'week' }, '2026-03-10')).toBe('2026-03-27');
    expect(snoozeTarget(overdue, { kind: 'until', day: '2026-04-02' }, '2026-03-10')).toBe('2026-04-02');
  });

  it('accepts only picked days after today', () => {
    expect(isValidSnoozeDay('2026-03-11', '2026-03-10')).toBe(true);
    expect(isValidSnoozeDay('2026-03-10', '2026-03-10')).toBe(false);
    expect(isValidSnoozeDay('', '2026-03-10')).toBe(false);
  });

  it('writes the snooze on the state document; a custom reminder snoozed after done is open again', () => {
    const doc = snoozeDoc(followUp(), '2026-03-17', ctx);
    expect(doc).toMatchObject({ id: 'fu-v1', status: 'open', snoozedUntil: '2026-03-17', dueDate: '2026-03-05' });
    expect(validateDocument('reminders', doc)).toEqual({});
    const custom = reminder('c', { kind: 'custom', dueDate: '2026-03-09', status: 'done', doneAt: '2026-03-09T00:00:00.000Z' });
    const [item] = deriveReminderItems(sources('2026-03-10', { reminders: [custom] }));
    const snoozed = snoozeDoc(item!, '2026-03-11', ctx);
    expect(snoozed).toMatchObject({ status: 'open', snoozedUntil: '2026-03-11', dueDate: '2026-03-09' });
    expect(snoozed.doneAt).toBeUndefined();
  });
});
