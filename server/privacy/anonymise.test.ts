import { describe, expect, it } from 'vitest';
import { anonymise, ERASED } from './anonymise';

const at = '2026-05-01T00:00:00.000Z';

describe('anonymise', () => {
  it('a customer: personal fields removed or marked, business facts kept, input untouched', () => {
    const input = {
      id: 'c1', code: 'HCP-1', name: '张三', type: 'hcp', territoryId: 't', ownerId: 'u', phone: '+86 10 1234 5678', email: 'a@b.cn',
      address: { line: 'x' }, contacts: [{ name: 'y' }], keyDates: [{ kind: 'birthday', date: '01-02' }], bankAccount: { accountNumber: '1' },
      title: '主任', department: '心内科', institution: '协和', specialty: 'cardio', notes: 'n', quotations: [{ date: '2026-01-01', product: { name: 'p' }, price: { amount: 1, currency: 'CNY' }, note: 'private' }],
      assessment: { tier: 'B', attitude: 'likes us', annualSales: 5 }, creditLimit: 10,
    };
    const out = anonymise('customers', input, at) as Record<string, unknown>;
    expect(out).toEqual({
      id: 'c1', code: 'HCP-1', name: `${ERASED} HCP-1`, type: 'hcp', territoryId: 't', ownerId: 'u', institution: '协和', specialty: 'cardio', notes: ERASED,
      quotations: [{ date: '2026-01-01', product: { name: 'p' }, price: { amount: 1, currency: 'CNY' } }], assessment: { tier: 'B', attitude: ERASED, annualSales: 5 }, creditLimit: 10, erasedAt: at,
    });
    expect(input.phone).toBe('+86 10 1234 5678');
    expect(anonymise('customers', out, '2030-01-01T00:00:00.000Z')).toEqual(out); // idempotent, first erasure time kept
  });

  it('records about the customer keep their facts; a reporter is pseudonymised; conflict values erased', () => {
    expect(anonymise('visits', { id: 'v', kind: 'visit', startAt: at, summary: 's', concessions: [{ kind: 'gift', description: 'd' }] }, at))
      .toEqual({ id: 'v', kind: 'visit', startAt: at, summary: ERASED, concessions: [{ kind: 'gift', description: ERASED }] });
    expect(anonymise('feedback', { kind: 'rating', rating: 3, customerWords: 'w' }, at)).toEqual({ kind: 'rating', rating: 3, customerWords: ERASED });
    expect(anonymise('adverseevents', { event: 'rash', reporter: { name: '张三', role: 'physician', contact: '123' } }, at)).toEqual({ event: 'rash', reporter: { name: ERASED, role: 'physician' } });
    expect(anonymise('conflicts', { keptValue: '"a"', otherValue: '"b"', field: 'notes' }, at)).toEqual({ keptValue: JSON.stringify(ERASED), otherValue: JSON.stringify(ERASED), field: 'notes' });
    expect(anonymise('activities', { name: 'x' }, at)).toEqual({ name: 'x' });
  });
});
