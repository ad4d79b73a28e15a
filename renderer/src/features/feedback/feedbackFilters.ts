import { FEEDBACK_KINDS, FEEDBACK_STATUSES, type Feedback } from '../../../../shared/schemas';
import { localDay } from '../../../../shared/util/time';
import type { FeedbackKind, FeedbackStatus } from './feedbackFormModel';

/** The feedback list's filters, kept in the URL so Back returns to them. Empty: no filter. */
export interface FeedbackFilterValues {
  kinds: FeedbackKind[];
  statuses: FeedbackStatus[];
  /** Product name as captured. */
  product: string;
  repId: string;
  /** Local days, YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

export const NO_FILTERS: FeedbackFilterValues = { kinds: [], statuses: [], product: '', repId: '', from: '', to: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function listParam<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  return (value ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
}

export function parseFeedbackFilters(params: URLSearchParams): FeedbackFilterValues {
  const day = (key: string) => {
    const v = params.get(key) ?? '';
    return DAY.test(v) ? v : '';
  };
  return {
    kinds: listParam(params.get('kind'), FEEDBACK_KINDS),
    statuses: listParam(params.get('status'), FEEDBACK_STATUSES),
    product: params.get('product') ?? '',
    repId: params.get('rep') ?? '',
    from: day('from'),
    to: day('to'),
  };
}

export function feedbackFiltersToParams(f: FeedbackFilterValues): URLSearchParams {
  const out = new URLSearchParams();
  if (f.kinds.length) out.set('kind', f.kinds.join(','));
  if (f.statuses.length) out.set('status', f.statuses.join(','));
  if (f.product) out.set('product', f.product);
  if (f.repId) out.set('rep', f.repId);
  if (f.from) out.set('from', f.from);
  if (f.to) out.set('to', f.to);
  return out;
}

export function isFiltered(f: FeedbackFilterValues): boolean {
  return feedbackFiltersToParams(f).toString() !== '';
}

/**
 * The feedback that passes every filter, newest first. Days are the rep's local days of the
 * capture time (`dayOf`), so "today" means the same thing as on the wall calendar.
 */
export function filterFeedback(
  list: readonly Feedback[],
  f: FeedbackFilterValues,
  dayOf: (iso: string) => string = (iso) => localDay(new Date(iso)),
): Feedback[] {
  const kinds = new Set<string>(f.kinds);
  const statuses = new Set<string>(f.statuses);
  return list
    .filter((fb) => {
      if (kinds.size && !kinds.has(fb.kind)) return false;
      if (statuses.size && !statuses.has(fb.status)) return false;
      if (f.product && fb.product?.name !== f.product) return false;
      if (f.repId && fb.repId !== f.repId) return false;
      if (f.from || f.to) {
        const day = dayOf(fb.capturedAt);
        if (f.from && day < f.from) return false;
        if (f.to && day > f.to) return false;
      }
      return true;
    })
    .sort((a, b) => b.capturedAt.localeCompare(a.capturedAt) || b.id.localeCompare(a.id));
}

/** Product names to filter by: the catalogue's and any captured as free text, sorted. */
export function productChoices(list: readonly Feedback[], catalogue: readonly string[]): string[] {
  const names = new Set(catalogue);
  for (const fb of list) if (fb.product?.name) names.add(fb.product.name);
  return [...names].sort((a, b) => a.localeCompare(b));
}
