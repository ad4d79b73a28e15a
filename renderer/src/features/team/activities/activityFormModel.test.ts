import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../../../shared/schemas';
import { activityToForm, emptyActivityForm, formToActivity } from './activityFormModel';

const envelope = { id: 'act-1', ownerId: 'm1', createdAt: '2026-11-01T00:00:00.000Z', createdBy: 'm1' };
const NOW = '2026-11-20T08:00:00.000Z';

describe('activity form', () => {
  it('builds a valid activity with cost, products and dates', () => {
    const values = { ...emptyActivityForm('t-bj', '2026-11-20'), name: ' 心血管科室会 ', cost: '12,500.50', currency: 'cny', products: ['康脉宁 Cardiolin 5 mg', 'Other'], endDate: '2026-11-21', description: ' Dinner symposium ' };
    const { doc, errors } = formToActivity(values, envelope, undefined, 'm1', NOW, (n) => (n.startsWith('康脉宁') ? 'prod-cardiolin' : undefined));
    expect(errors).toEqual({});
    expect(doc).toEqual({
      ...envelope, territoryId: 't-bj', name: '心血管科室会', kind: 'meeting', status: 'planned', startDate: '2026-11-20', endDate: '2026-11-21',
      cost: { amount: 12500.5, currency: 'CNY' }, products: [{ productId: 'prod-cardiolin', name: '康脉宁 Cardiolin 5 mg' }, { name: 'Other' }],
      description: 'Dinner symposium', updatedAt: NOW, updatedBy: 'm1',
    });
    expect(activityToForm(doc)).toMatchObject({ name: '心血管科室会', cost: '12500.5', currency: 'CNY', endDate: '2026-11-21', products: ['康脉宁 Cardiolin 5 mg', 'Other'] });
  });

  it('names what is missing or wrong', () => {
    const values = { ...emptyActivityForm('', ''), cost: 'abc', endDate: '2026-11-01' };
    const { errors } = formToActivity(values, envelope, undefined, 'm1', NOW);
    expect(errors.name?.code).toBe('required');
    expect(errors.startDate?.code).toBe('required');
    expect(errors.territoryId?.code).toBe('required');
    expect(errors['cost.amount']?.code).toBe('number');
    const late = formToActivity({ ...emptyActivityForm('t-bj', '2026-11-20'), name: 'x', endDate: '2026-11-19' }, envelope, undefined, 'm1', NOW);
    expect(late.errors.endDate?.code).toBe('endBeforeStart');
  });

  it('drops fields that were cleared on an existing activity', () => {
    const existing: Activity = { ...envelope, territoryId: 't-bj', name: 'A', kind: 'sponsorship', status: 'done', startDate: '2026-10-01', endDate: '2026-10-02', cost: { amount: 5, currency: 'CNY' }, description: 'x', updatedAt: NOW, updatedBy: 'm1' };
    const { doc, errors } = formToActivity({ ...activityToForm(existing), endDate: '', cost: '', description: '' }, envelope, existing, 'm2', NOW);
    expect(errors).toEqual({});
    expect(doc).not.toHaveProperty('endDate');
    expect(doc).not.toHaveProperty('cost');
    expect(doc).not.toHaveProperty('description');
    expect(doc.updatedBy).toBe('m2');
    expect(doc.kind).toBe('sponsorship');
  });
});
