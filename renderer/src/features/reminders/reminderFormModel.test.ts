import { describe, expect, it } from 'vitest';
import type { Customer, Reminder } from '../../../../shared/schemas';
import { emptyReminderForm, formToReminder, reminderToForm, type ReminderEnvelope } from './reminderFormModel';

const NOW = '2026-03-10T02:00:00.000Z';
const envelope: ReminderEnvelope = { id: 'r-1', ownerId: 'u-rep', homeTerritoryId: 't-home', createdAt: NOW, createdBy: 'u-rep' };
const customer = { id: 'c-1', territoryId: 't-bj', name: '民生药房' } as Customer;

describe('reminder form', () => {
  it('starts today for a one-off and a month out for a replenishment', () => {
    expect(emptyReminderForm('2026-03-10')).toMatchObject({ kind: 'custom', dueDate: '2026-03-10', customerId: null, intervalDays: '30' });
    expect(emptyReminderForm('2026-03-10', 'c-1', 'replenishment')).toMatchObject({ dueDate: '2026-04-09', customerId: 'c-1' });
  });

  it('builds a custom reminder with time and customer, in the customer\'s territory', () => {
    const values = { ...emptyReminderForm('2026-03-10', 'c-1'), title: '  Call Dr. Chen ', dueTime: '14:30', notes: 'About the trial' };
    const { doc, errors } = formToReminder(values, envelope, undefined, customer, NOW);
    expect(errors).toEqual({});
    expect(doc).toEqual({
      id: 'r-1', ownerId: 'u-rep', territoryId: 't-bj', kind: 'custom', title: 'Call Dr. Chen', dueDate: '2026-03-10', dueTime: '14:30',
      customerId: 'c-1', notes: 'About the trial', status: 'open', createdAt: NOW, createdBy: 'u-rep', updatedAt: NOW, updatedBy: 'u-rep',
    });
  });

  it('puts a reminder without a customer in the home territory', () => {
    const { doc, errors } = formToReminder({ ...emptyReminderForm('2026-03-10'), title: 'Expense report' }, envelope, undefined, undefined, NOW);
    expect(errors).toEqual({});
    expect(doc.territoryId).toBe('t-home');
    expect(doc.customerId).toBeUndefined();
  });

  it('names what is missing or wrong', () => {
    const { errors } = formToReminder({ ...emptyReminderForm('2026-03-10'), dueDate: '', dueTime: '25:00' }, envelope, undefined, undefined, NOW);
    expect(errors).toMatchObject({ title: { code: 'required' }, dueDate: { code: 'required' }, dueTime: { code: 'date' } });
    const bad = formToReminder({ ...emptyReminderForm('2026-03-10'), title: 'x', dueDate: '2026-02-30' }, envelope, undefined, undefined, NOW);
    expect(bad.errors.dueDate).toEqual({ code: 'date' });
  });

  it('builds a replenishment: customer, product (catalogue id when known) and interval required; title defaults to the product', () => {
    const missing = formToReminder({ ...emptyReminderForm('2026-03-10', null, 'replenishment'), intervalDays: '2.5' }, envelope, undefined, undefined, NOW);
    expect(missing.errors).toMatchObject({ customerId: { code: 'required' }, product: { code: 'required' }, intervalDays: { code: 'integer' }, title: { code: 'required' } });
    const values = { ...emptyReminderForm('2026-03-10', 'c-1', 'replenishment'), product: '糖平 Glucostat', intervalDays: '21', dueTime: '09:00' };
    const { doc, errors } = formToReminder(values, envelope, undefined, customer, NOW, (name) => (name === '糖平 Glucostat' ? 'prod-glucostat' : undefined));
    expect(errors).toEqual({});
    expect(doc).toMatchObject({ kind: 'replenishment', title: '糖平 Glucostat', product: { productId: 'prod-glucostat', name: '糖平 Glucostat' }, intervalDays: 21, dueDate: '2026-04-09' });
    expect(doc.dueTime).toBeUndefined();
    const tooLong = formToReminder({ ...values, intervalDays: '4000' }, envelope, undefined, customer, NOW);
    expect(tooLong.errors.intervalDays).toMatchObject({ code: 'range' });
  });

  it('editing keeps owner, creation and a snooze; moving the day opens it again', () => {
    const existing: Reminder = {
      id: 'r-1', ownerId: 'u-owner', territoryId: 't-bj', kind: 'custom', title: 'Call', dueDate: '2026-03-10', status: 'open',
      snoozedUntil: '2026-03-12', customerId: 'c-1', createdAt: '2026-03-01T00:00:00.000Z', createdBy: 'u-owner', updatedAt: NOW, updatedBy: 'u-owner',
    };
    const same = formToReminder({ ...reminderToForm(existing), title: 'Call back' }, envelope, existing, customer, NOW);
    expect(same.doc).toMatchObject({ ownerId: 'u-owner', createdAt: '2026-03-01T00:00:00.000Z', snoozedUntil: '2026-03-12', title: 'Call back' });
    const done = { ...existing, status: 'done' as const, doneAt: NOW };
    const moved = formToReminder({ ...reminderToForm(done), dueDate: '2026-03-20' }, envelope, done, customer, NOW);
    expect(moved.doc.status).toBe('open');
    expect(moved.doc.doneAt).toBeUndefined();
    expect(moved.doc.snoozedUntil).toBeUndefined();
  });

  it('keeps a customer that is no longer on this computer when editing, in its territory', () => {
    const existing: Reminder = { id: 'r-1', ownerId: 'u-rep', territoryId: 't-old', kind: 'custom', title: 'x', dueDate: '2026-03-10', status: 'open', customerId: 'c-gone', createdAt: NOW, createdBy: 'u-rep', updatedAt: NOW, updatedBy: 'u-rep' };
    const { doc, errors } = formToReminder(reminderToForm(existing), envelope, existing, undefined, NOW);
    expect(errors).toEqual({});
    expect(doc).toMatchObject({ customerId: 'c-gone', territoryId: 't-old' });
  });
});
