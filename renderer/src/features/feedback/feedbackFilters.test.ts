import { describe, expect, it } from 'vitest';
import type { Feedback } from '../../../../shared/schemas';
import { feedbackFiltersToParams, filterFeedback, isFiltered, NO_FILTERS, parseFeedbackFilters, productChoices } from './feedbackFilters';

const base = { customerId: 'c-1', territoryId: 't-bj', createdAt: 'x', updatedAt: 'x', createdBy: 'u', updatedBy: 'u' };
const fb = (id: string, patch: Partial<Feedback>): Feedback => ({ ...base, id, repId: 'u-zhang', kind: 'complaint', status: 'new', capturedAt: '2026-11-10T02:00:00.000Z', ...patch });

const list: Feedback[] = [
  fb('a', { kind: 'complaint', status: 'new', product: { productId: 'p1', name: '糖平' }, capturedAt: '2026-11-01T02:00:00.000Z' }),
  fb('b', { kind: 'rating', rating: 5, status: 'resolved', product: { name: '康脉宁' }, capturedAt: '2026-11-05T02:00:00.000Z', repId: 'u-li' }),
  fb('c', { kind: 'suggestion', status: 'in_progress', capturedAt: '2026-11-09T23:30:00.000Z' }),
  fb('d', { kind: 'complaint', status: 'resolved', product: { name: '竞品 X' }, capturedAt: '2026-11-12T02:00:00.000Z' }),
];
const utcDay = (iso: string) => iso.slice(0, 10);
const ids = (l: Feedback[]) => l.map((f) => f.id);

describe('feedback filters', () => {
  it('shows everything newest first without filters', () => {
    expect(ids(filterFeedback(list, NO_FILTERS, utcDay))).toEqual(['d', 'c', 'b', 'a']);
  });

  it('filters by kind, status, product and rep, combined', () => {
    expect(ids(filterFeedback(list, { ...NO_FILTERS, kinds: ['complaint'] }, utcDay))).toEqual(['d', 'a']);
    expect(ids(filterFeedback(list, { ...NO_FILTERS, kinds: ['complaint', 'rating'], statuses: ['resolved'] }, utcDay))).toEqual(['d', 'b']);
    expect(ids(filterFeedback(list, { ...NO_FILTERS, product: '糖平' }, utcDay))).toEqual(['a']);
    expect(ids(filterFeedback(list, { ...NO_FILTERS, repId: 'u-li' }, utcDay))).toEqual(['b']);
  });

  it('filters by an inclusive range of local days', () => {
    expect(ids(filterFeedback(list, { ...NO_FILTERS, from: '2026-11-05', to: '2026-11-09' }, utcDay))).toEqual(['c', 'b']);
    // 23:30 UTC is the next morning in Beijing.
    const beijingDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(ids(filterFeedback(list, { ...NO_FILTERS, from: '2026-11-10', to: '2026-11-10' }, beijingDay))).toEqual(['c']);
  });

  it('round-trips through the URL and ignores what it does not know', () => {
    const f = { kinds: ['rating' as const], statuses: ['new' as const, 'resolved' as const], product: '糖平', repId: 'u-li', from: '2026-11-01', to: '2026-11-30' };
    expect(parseFeedbackFilters(feedbackFiltersToParams(f))).toEqual(f);
    expect(parseFeedbackFilters(new URLSearchParams('kind=rating,bogus&status=gone&from=yesterday'))).toEqual({ ...NO_FILTERS, kinds: ['rating'] });
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, to: '2026-11-30' })).toBe(true);
  });

  it('offers catalogue products and free-text ones', () => {
    expect(productChoices(list, ['糖平', '康脉宁'])).toEqual(['康脉宁', '竞品 X', '糖平'].sort((a, b) => a.localeCompare(b)));
  });
});
