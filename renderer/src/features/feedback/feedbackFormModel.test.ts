import { describe, expect, it } from 'vitest';
import type { AdverseEvent, Feedback } from '../../../../shared/schemas';
import { validateDocument } from '../../../../shared/validation/validateDocument';
import {
  applyStatusUpdate, emptyFeedbackForm, feedbackForAdverseEvent, formToFeedback, isFeedbackFormDirty, statusValuesOf,
  type FeedbackFormValues,
} from './feedbackFormModel';

const NOW = '2026-11-20T02:30:00.000Z';
const LATER = '2026-11-21T08:00:00.000Z';
const envelope = { id: 'fb-1', territoryId: 't-bj', repId: 'u-zhang' };
const lookup = (name: string) => (name === '糖平 Glucostat XR 500 mg' ? 'prod-glucostat' : undefined);

function values(patch: Partial<FeedbackFormValues> = {}): FeedbackFormValues {
  return { ...emptyFeedbackForm({ customerId: 'c-1', visitId: 'v-1' }), kind: 'complaint', customerWords: '到货不及时', ...patch };
}

describe('feedback capture form', () => {
  it('builds valid feedback with the catalogue product, the visit and the status', () => {
    const { doc, errors } = formToFeedback(values({ product: '糖平 Glucostat XR 500 mg', repReading: '供货问题', assigneeId: 'u-mgr' }), envelope, NOW, lookup);
    expect(errors).toEqual({});
    expect(validateDocument('feedback', doc)).toEqual({});
    expect(doc).toMatchObject({
      id: 'fb-1', customerId: 'c-1', territoryId: 't-bj', repId: 'u-zhang', visitId: 'v-1', kind: 'complaint',
      product: { productId: 'prod-glucostat', name: '糖平 Glucostat XR 500 mg' },
      customerWords: '到货不及时', repReading: '供货问题', status: 'new', assigneeId: 'u-mgr', capturedAt: NOW,
    });
  });

  it('asks for a customer and a kind first', () => {
    expect(formToFeedback(values({ kind: '' }), envelope, NOW, lookup).errors).toEqual({ kind: { code: 'required' } });
    expect(formToFeedback(values({ customerId: '' }), envelope, NOW, lookup).errors).toEqual({ customerId: { code: 'required' } });
  });

  it('asks for the rating of a satisfaction rating, and for the words of everything else', () => {
    const rating = formToFeedback(values({ kind: 'rating', customerWords: '' }), envelope, NOW, lookup);
    expect(rating.errors).toEqual({ rating: { code: 'required' } });
    const rated = formToFeedback(values({ kind: 'rating', rating: 4, customerWords: '' }), envelope, NOW, lookup);
    expect(rated.errors).toEqual({});
    expect(rated.doc.rating).toBe(4);
    expect(formToFeedback(values({ kind: 'suggestion', customerWords: '  ' }), envelope, NOW, lookup).errors).toEqual({ customerWords: { code: 'required' } });
    // A rating chosen before switching to another kind is not kept.
    expect(formToFeedback(values({ kind: 'suggestion', rating: 2 }), envelope, NOW, lookup).doc.rating).toBeUndefined();
  });

  it('takes a product outside the catalogue as free text, and asks for one on a product comment', () => {
    expect(formToFeedback(values({ product: '竞品 X' }), envelope, NOW, lookup).doc.product).toEqual({ name: '竞品 X' });
    expect(formToFeedback(values({ kind: 'product_comment' }), envelope, NOW, lookup).errors).toEqual({ 'product.name': { code: 'required' } });
    expect(formToFeedback(values({ kind: 'market_comment' }), envelope, NOW, lookup).errors).toEqual({});
  });

  it('needs a resolution to be captured as resolved', () => {
    expect(formToFeedback(values({ status: 'resolved' }), envelope, NOW, lookup).errors).toEqual({ resolution: { code: 'required' } });
    expect(formToFeedback(values({ status: 'resolved', resolution: '已补货' }), envelope, NOW, lookup).errors).toEqual({});
  });

  it('knows when something was typed', () => {
    const initial = emptyFeedbackForm({ customerId: 'c-1' });
    expect(isFeedbackFormDirty({ ...initial }, initial)).toBe(false);
    expect(isFeedbackFormDirty({ ...initial, kind: 'rating' }, initial)).toBe(true);
  });
});

describe('feedback status update', () => {
  const captured = formToFeedback(values({ repReading: '供货问题' }), envelope, NOW, lookup).doc;

  it('changes only status, assignee and resolution', () => {
    const { doc, errors, changed } = applyStatusUpdate(captured, { status: 'resolved', assigneeId: 'u-mgr', resolution: '已补货 200 盒' }, 'u-mgr', LATER);
    expect(errors).toEqual({});
    expect(changed).toBe(true);
    const { status, assigneeId, resolution, updatedAt, updatedBy, ...rest } = doc;
    expect({ status, assigneeId, resolution, updatedAt, updatedBy }).toEqual({ status: 'resolved', assigneeId: 'u-mgr', resolution: '已补货 200 盒', updatedAt: LATER, updatedBy: 'u-mgr' });
    const { status: _s, updatedAt: _u, updatedBy: _b, ...before } = captured as Feedback & { assigneeId?: string; resolution?: string };
    expect(rest).toEqual(before);
  });

  it('reports no change, and needs a resolution when resolved', () => {
    expect(applyStatusUpdate(captured, statusValuesOf(captured), 'u-zhang', LATER).changed).toBe(false);
    expect(applyStatusUpdate(captured, { status: 'resolved', assigneeId: '', resolution: ' ' }, 'u-zhang', LATER).errors).toEqual({ resolution: { code: 'required' } });
  });

  it('clears an assignee', () => {
    const assigned = { ...captured, assigneeId: 'u-mgr' };
    const { doc, changed } = applyStatusUpdate(assigned, { status: 'new', assigneeId: '', resolution: '' }, 'u-zhang', LATER);
    expect(changed).toBe(true);
    expect(doc.assigneeId).toBeUndefined();
  });
});

describe('feedback linked to an adverse event', () => {
  const report: AdverseEvent = {
    id: 'ae-1', territoryId: 't-bj', repId: 'u-zhang', customerId: 'c-1', visitId: 'v-1',
    patient: { initials: 'L.M.', sex: 'female' }, reporter: { name: '王建华' }, product: { productId: 'prod-cardiolin', name: '康脉宁' },
    event: '双踝水肿', seriousness: 'non_serious', capturedAt: NOW, createdAt: NOW, updatedAt: NOW, createdBy: 'u-zhang', updatedBy: 'u-zhang',
  };

  it('holds the event and the product, not the patient', () => {
    const fb = feedbackForAdverseEvent(report, 'fb-ae-1')!;
    expect(validateDocument('feedback', fb)).toEqual({});
    expect(fb).toMatchObject({ kind: 'adverse_event', adverseEventId: 'ae-1', customerWords: '双踝水肿', product: report.product, visitId: 'v-1', status: 'new' });
    expect(JSON.stringify(fb)).not.toContain('L.M.');
  });

  it('is not written for a report without a customer', () => {
    const { customerId: _c, ...anonymous } = report;
    expect(feedbackForAdverseEvent(anonymous, 'fb-ae-2')).toBeNull();
  });
});
