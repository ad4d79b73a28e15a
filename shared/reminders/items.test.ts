import { describe, expect, it } from 'vitest';
import { dayOfIn } from './days';
import {
  deriveReminderItems, followUpStateId, KEY_DATE_GRACE_DAYS, keyDateOccurrence, keyDateStateId, sameProduct,
  UNDATED_FOLLOW_UP_DAYS, type ReminderItem,
} from './items';
import { customer, reminder, sources, visit } from './testData';

const byKind = (items: ReminderItem[], kind: ReminderItem['kind']) => items.filter((i) => i.kind === kind);

describe('follow-ups from visits', () => {
  const c1 = customer('c1', { name: '王主任' });

  it('come from the next step and follow-up date of the rep\'s visits', () => {
    const items = deriveReminderItems(sources('2026-03-10', {
      customers: [c1],
      visits: [visit('v1', 'c1', '2026-03-09T02:00:00.000Z', { nextStep: 'Bring the renal dosing study\nand 20 leaflets', followUpDate: '2026-03-11' })],
    }));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      key: 'fu:v1', kind: 'follow_up', title: 'Bring the renal dosing study', notes: 'Bring the renal dosing study\nand 20 leaflets',
      dueDate: '2026-03-11', customerId: 'c1', customerName: '王主任', visitId: 'v1', stateId: followUpStateId('v1'), done: false,
    });
  });

  it('a date alone still makes a follow-up; neither makes none', () => {
    const items = deriveReminderItems(sources('2026-03-10', {
      customers: [c1],
      visits: [
        visit('v1', 'c1', '2026-03-09T02:00:00.000Z', { followUpDate: '2026-03-12' }),
        visit('v2', 'c1', '2026-03-09T03:00:00.000Z', { summary: 'No next step agreed', nextStep: '   ' }),
      ],
    }));
    expect(items.map((i) => [i.key, i.title, i.dueDate])).toEqual([['fu:v1', '', '2026-03-12']]);
  });

  it('an undated next step is due a week after the local day of the contact', () => {
    // 17:30 UTC on 1 March is 01:30 on 2 March in Beijing.
    const items = deriveReminderItems(sources('2026-03-05', { customers: [c1], visits: [visit('v1', 'c1', '2026-03-01T17:30:00.000Z', { nextStep: 'Call back' })] }));
    expect(UNDATED_FOLLOW_UP_DAYS).toBe(7);
    expect(items[0]).toMatchObject({ dueDate: '2026-03-09', undated: true });
    const inNewYork = deriveReminderItems({ ...sources('2026-03-05', { customers: [c1], visits: [visit('v1', 'c1', '2026-03-01T17:30:00.000Z', { nextStep: 'Call back' })] }), dayOf: dayOfIn('America/New_York') });
    expect(inNewYork[0]?.dueDate).toBe('2026-03-08');
  });

  it('drafts count (flagged), other reps\' visits and deleted customers do not', () => {
    const items = deriveReminderItems(sources('2026-03-10', {
      customers: [c1],
      visits: [
        visit('draft', 'c1', '2026-03-09T02:00:00.000Z', { status: 'draft', nextStep: 'Send the SmPC', followUpDate: '2026-03-12' }),
        visit('other-rep', 'c1', '2026-03-09T02:00:00.000Z', { repId: 'u-rep-li', nextStep: 'Not mine', followUpDate: '2026-03-12' }),
        visit('gone', 'c-deleted', '2026-03-09T02:00:00.000Z', { nextStep: 'Customer was deleted', followUpDate: '2026-03-12' }),
      ],
    }));
    expect(items.map((i) => i.key)).toEqual(['fu:draft']);
    expect(items[0]?.visitDraft).toBe(true);
  });

  it('take done and snooze from the state document, only while its due date matches', () => {
    const v = visit('v1', 'c1', '2026-03-01T02:00:00.000Z', { status: 'draft', nextStep: 'Call', followUpDate: '2026-03-05' });
    const done = reminder(followUpStateId('v1'), { kind: 'follow_up', visitId: 'v1', dueDate: '2026-03-05', status: 'done', doneAt: '2026-03-05T03:00:00.000Z' });
    expect(deriveReminderItems(sources('2026-03-10', { customers: [c1], visits: [v], reminders: [done] }))[0]).toMatchObject({ done: true, doneAt: done.doneAt });
    // The draft's follow-up date moved: a new follow-up, open again.
    const moved = { ...v, followUpDate: '2026-03-20' };
    expect(deriveReminderItems(sources('2026-03-10', { customers: [c1], visits: [moved], reminders: [done] }))[0]).toMatchObject({ done: false, dueDate: '2026-03-20' });
    const snoozed = reminder(followUpStateId('v1'), { kind: 'follow_up', visitId: 'v1', dueDate: '2026-03-05', snoozedUntil: '2026-03-12' });
    expect(deriveReminderItems(sources('2026-03-10', { customers: [c1], visits: [v], reminders: [snoozed] }))[0]).toMatchObject({ done: false, snoozedUntil: '2026-03-12' });
  });

  it('state ids are deterministic and never longer than an id may be', () => {
    expect(followUpStateId('v1')).toBe('fu-v1');
    const long = 'x'.repeat(64);
    expect(followUpStateId(long).length).toBeLessThanOrEqual(64);
    expect(followUpStateId(long)).toBe(followUpStateId(long));
    expect(followUpStateId(long)).not.toBe(followUpStateId(`${'x'.repeat(63)}y`));
  });
});

describe('key dates', () => {
  const birthday = { kind: 'birthday' as const, date: '05-12' };

  it('recur yearly: the next occurrence, or the last one while it is recent and open', () => {
    const none = () => undefined;
    expect(keyDateOccurrence('05-12', '2026-05-01', none)).toBe('2026-05-12');
    expect(keyDateOccurrence('05-12', '2026-05-12', none)).toBe('2026-05-12');
    expect(keyDateOccurrence('05-12', '2026-05-15', none)).toBe('2026-05-12');
    expect(keyDateOccurrence('05-12', `2026-05-${12 + KEY_DATE_GRACE_DAYS}`, none)).toBe('2026-05-12');
    expect(keyDateOccurrence('05-12', `2026-05-${13 + KEY_DATE_GRACE_DAYS}`, none)).toBe('2027-05-12');
    expect(keyDateOccurrence('1970-01-03', '2026-12-30', none)).toBe('2027-01-03');
    expect(keyDateOccurrence('12-30', '2027-01-02', none)).toBe('2026-12-30');
    expect(keyDateOccurrence('02-30', '2026-01-01', none)).toBeNull();
  });

  it('done moves on to next year; a snooze keeps the occurrence until a week after the snooze day', () => {
    const done = reminder('kd', { kind: 'key_date', dueDate: '2026-05-12', status: 'done' });
    expect(keyDateOccurrence('05-12', '2026-05-13', () => done)).toBe('2027-05-12');
    const snoozed = reminder('kd', { kind: 'key_date', dueDate: '2026-05-12', snoozedUntil: '2026-05-30' });
    expect(keyDateOccurrence('05-12', '2026-05-25', () => snoozed)).toBe('2026-05-12');
    expect(keyDateOccurrence('05-12', '2026-06-06', () => snoozed)).toBe('2026-05-12');
    expect(keyDateOccurrence('05-12', '2026-06-07', () => snoozed)).toBe('2027-05-12');
  });

  it('29 February is due on 28 February in common years and on the 29th in leap years', () => {
    const c = customer('c1', { keyDates: [{ kind: 'birthday', date: '1988-02-29' }] });
    expect(deriveReminderItems(sources('2027-02-20', { customers: [c] }))[0]?.dueDate).toBe('2027-02-28');
    expect(deriveReminderItems(sources('2028-02-20', { customers: [c] }))[0]?.dueDate).toBe('2028-02-29');
    expect(deriveReminderItems(sources('2027-03-01', { customers: [c] }))[0]?.dueDate).toBe('2027-02-28');
  });

  it('come from every customer on this computer, not from erased ones; duplicates collapse', () => {
    const items = deriveReminderItems(sources('2026-05-01', {
      customers: [
        customer('c1', { name: 'Dr. Li', keyDates: [birthday, birthday, { kind: 'anniversary', label: 'Hospital founded', date: '1958-06-01' }] }),
        customer('c2', { keyDates: [birthday], erasedAt: '2026-01-01T00:00:00.000Z' }),
        customer('c3', { ownerId: 'someone-else', keyDates: [{ kind: 'other', date: '05-03' }] }),
      ],
    }));
    expect(byKind(items, 'key_date').map((i) => [i.customerId, i.dueDate, i.title])).toEqual([
      ['c1', '2026-05-12', ''],
      ['c1', '2026-06-01', 'Hospital founded'],
      ['c3', '2026-05-03', ''],
    ]);
    expect(items[0]?.stateId).toBe(keyDateStateId('c1', birthday));
  });

  it('done for this year applies to this year only', () => {
    const c = customer('c1', { keyDates: [birthday] });
    const state = reminder(keyDateStateId('c1', birthday), { kind: 'key_date', customerId: 'c1', dueDate: '2026-05-12', status: 'done', doneAt: '2026-05-12T01:00:00.000Z' });
    expect(deriveReminderItems(sources('2026-05-12', { customers: [c], reminders: [state] }))[0]).toMatchObject({ dueDate: '2026-05-12', done: true });
    expect(deriveReminderItems(sources('2026-05-13', { customers: [c], reminders: [state] }))[0]).toMatchObject({ dueDate: '2027-05-12', done: false });
  });
});

describe('replenishment', () => {
  const pharmacy = customer('p1', { type: 'pharmacy', name: '民生药房' });
  const glucostat = { productId: 'prod-glucostat', name: '糖平 Glucostat' };
  const rule = reminder('r1', { kind: 'replenishment', customerId: 'p1', product: glucostat, intervalDays: 30, dueDate: '2026-03-01', title: 'Restock Glucostat' });

  it('is due the stored day when the product has not reached the customer since', () => {
    expect(deriveReminderItems(sources('2026-02-20', { customers: [pharmacy], reminders: [rule] }))[0]).toMatchObject({ dueDate: '2026-03-01', intervalDays: 30 });
  });

  it('is due an interval after the last visit that presented or sampled the product', () => {
    const items = deriveReminderItems(sources('2026-03-10', {
      customers: [pharmacy],
      reminders: [rule],
      visits: [
        visit('v1', 'p1', '2026-02-10T02:00:00.000Z', { productsPresented: [glucostat] }),
        visit('v2', 'p1', '2026-02-20T02:00:00.000Z', { samples: [{ product: { name: ' 糖平 glucostat ' }, quantity: 5 }] }),
        visit('v3', 'p1', '2026-03-01T02:00:00.000Z', { productsPresented: [{ productId: 'prod-other', name: '糖平 Glucostat' }] }),
        visit('v4', 'p1', '2026-03-05T02:00:00.000Z', { repId: 'u-rep-li', status: 'draft', samples: [{ product: glucostat, quantity: 1 }] }),
        visit('future', 'p1', '2026-03-20T02:00:00.000Z', { productsPresented: [glucostat] }),
        visit('elsewhere', 'c9', '2026-03-08T02:00:00.000Z', { productsPresented: [glucostat] }),
      ],
    }));
    expect(items[0]).toMatchObject({ lastSupplied: '2026-03-05', dueDate: '2026-04-04' });
  });

  it('done moves it an interval on from the day it was done, and it stays open', () => {
    const done = { ...rule, doneAt: '2026-03-02T03:00:00.000Z', dueDate: '2026-04-01' };
    expect(deriveReminderItems(sources('2026-03-02', { customers: [pharmacy], reminders: [done] }))[0]).toMatchObject({ dueDate: '2026-04-01', done: false, doneAt: done.doneAt });
  });

  it('is dropped with its customer, and belongs to its owner only', () => {
    expect(deriveReminderItems(sources('2026-03-10', { reminders: [rule] }))).toEqual([]);
    expect(deriveReminderItems(sources('2026-03-10', { customers: [pharmacy], reminders: [{ ...rule, ownerId: 'u-rep-li' }] }))).toEqual([]);
  });

  it('matches products by catalogue id when both have one, else by name', () => {
    expect(sameProduct({ productId: 'a', name: 'X' }, { productId: 'a', name: 'Y' })).toBe(true);
    expect(sameProduct({ productId: 'a', name: 'X' }, { productId: 'b', name: 'X' })).toBe(false);
    expect(sameProduct({ productId: 'a', name: 'Cardiolin' }, { name: ' cardiolin ' })).toBe(true);
  });
});

describe('custom reminders', () => {
  it('carry title, day, time and customer; a deleted customer is flagged, not dropped', () => {
    const items = deriveReminderItems(sources('2026-03-10', {
      customers: [customer('c1', { name: 'Dr. Chen' })],
      reminders: [
        reminder('a', { kind: 'custom', title: 'Call Dr. Chen', dueDate: '2026-03-10', dueTime: '14:00', customerId: 'c1' }),
        reminder('b', { kind: 'custom', title: 'Expense report', dueDate: '2026-03-12' }),
        reminder('c', { kind: 'custom', title: 'Old customer', dueDate: '2026-03-12', customerId: 'c-gone' }),
        reminder('d', { kind: 'custom', title: 'Done', dueDate: '2026-03-09', status: 'done', doneAt: '2026-03-09T01:00:00.000Z', snoozedUntil: '2026-03-11' }),
        reminder('e', { kind: 'custom', title: 'Another rep', dueDate: '2026-03-10', ownerId: 'u-rep-li' }),
      ],
    }));
    expect(items.map((i) => i.key)).toEqual(['cu:a', 'cu:b', 'cu:c', 'cu:d']);
    expect(items[0]).toMatchObject({ dueTime: '14:00', customerName: 'Dr. Chen', done: false });
    expect(items[1]?.customerId).toBeUndefined();
    expect(items[2]).toMatchObject({ customerId: 'c-gone', customerMissing: true });
    expect(items[3]).toMatchObject({ done: true });
    expect(items[3]?.snoozedUntil).toBeUndefined();
  });
});
