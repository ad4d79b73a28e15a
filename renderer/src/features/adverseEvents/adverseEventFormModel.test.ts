import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../../shared/validation/validateDocument';
import { emptyAdverseEventForm, formToAdverseEvent, isAdverseEventFormDirty, type AdverseEventFormValues } from './adverseEventFormModel';

const NOW = '2026-11-20T02:30:00.000Z';
const TODAY = '2026-11-20';
const envelope = { id: 'ae-1', territoryId: 't-bj', repId: 'u-zhang', visitId: 'v-9' };
const lookup = (name: string) => (name === '康脉宁 Cardiolin 5 mg' ? 'prod-cardiolin' : undefined);

function values(patch: Partial<AdverseEventFormValues> = {}): AdverseEventFormValues {
  return {
    ...emptyAdverseEventForm({ customerId: 'c-1', reporterName: '王建华', reporterRole: '主任医师' }),
    initials: 'L.M.', age: '72', sex: 'female', product: '康脉宁 Cardiolin 5 mg', event: '双踝水肿', seriousness: 'non_serious',
    ...patch,
  };
}

describe('adverse event form', () => {
  it('builds a valid report from the four minimum items and seriousness', () => {
    const { doc, errors } = formToAdverseEvent(values(), envelope, NOW, lookup, TODAY);
    expect(errors).toEqual({});
    expect(validateDocument('adverseevents', doc)).toEqual({});
    expect(doc).toMatchObject({
      id: 'ae-1', territoryId: 't-bj', repId: 'u-zhang', customerId: 'c-1', visitId: 'v-9',
      patient: { initials: 'L.M.', ageYears: 72, sex: 'female' },
      reporter: { name: '王建华', role: '主任医师' },
      product: { productId: 'prod-cardiolin', name: '康脉宁 Cardiolin 5 mg' },
      event: '双踝水肿', seriousness: 'non_serious', capturedAt: NOW,
    });
    expect(doc.receivedAt).toBeUndefined();
    expect(doc.pvStatus).toBeUndefined();
  });

  it('names every missing minimum item', () => {
    const { errors } = formToAdverseEvent(emptyAdverseEventForm(), envelope, NOW, lookup, TODAY);
    expect(Object.keys(errors).sort()).toEqual(['event', 'patient.initials', 'patient.sex', 'product.name', 'reporter.name', 'seriousness']);
    for (const e of Object.values(errors)) expect(e.code).toBe('required');
  });

  it('keeps a product typed outside the catalogue as free text', () => {
    const { doc, errors } = formToAdverseEvent(values({ product: 'Unknown generic' }), envelope, NOW, lookup, TODAY);
    expect(errors).toEqual({});
    expect(doc.product).toEqual({ name: 'Unknown generic' });
  });

  it('checks the age, the onset date and the initials length', () => {
    expect(formToAdverseEvent(values({ age: 'seventy' }), envelope, NOW, lookup, TODAY).errors['patient.ageYears']).toEqual({ code: 'number' });
    expect(formToAdverseEvent(values({ age: '7.5' }), envelope, NOW, lookup, TODAY).errors['patient.ageYears']).toEqual({ code: 'integer' });
    expect(formToAdverseEvent(values({ age: '140' }), envelope, NOW, lookup, TODAY).errors['patient.ageYears']?.code).toBe('range');
    expect(formToAdverseEvent(values({ age: '' }), envelope, NOW, lookup, TODAY).errors).toEqual({});
    expect(formToAdverseEvent(values({ onsetDate: '2026-11-21' }), envelope, NOW, lookup, TODAY).errors.onsetDate).toEqual({ code: 'futureDate' });
    expect(formToAdverseEvent(values({ onsetDate: TODAY }), envelope, NOW, lookup, TODAY).errors).toEqual({});
    expect(formToAdverseEvent(values({ initials: 'ABCDEFGHIJK' }), envelope, NOW, lookup, TODAY).errors['patient.initials']?.code).toBe('tooLong');
  });

  it('keeps seriousness criteria only for a serious event', () => {
    const serious = formToAdverseEvent(values({ seriousness: 'serious', criteria: ['hospitalisation', 'hospitalisation'] }), envelope, NOW, lookup, TODAY);
    expect(serious.doc.seriousnessCriteria).toEqual(['hospitalisation']);
    const changedMind = formToAdverseEvent(values({ seriousness: 'non_serious', criteria: ['hospitalisation'] }), envelope, NOW, lookup, TODAY);
    expect(changedMind.doc.seriousnessCriteria).toBeUndefined();
  });

  it('knows when something was typed', () => {
    const initial = emptyAdverseEventForm({ reporterName: 'Dr. Lee' });
    expect(isAdverseEventFormDirty({ ...initial }, initial)).toBe(false);
    expect(isAdverseEventFormDirty({ ...initial, event: 'x' }, initial)).toBe(true);
  });
});
